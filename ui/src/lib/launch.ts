// “打开方式” (open with): when the app is started with a workbook path (the file manager's 打开方式,
// a double-click on an associated .xlsx/.xls), the Rust side keeps the path (src-tauri/src/launch.rs)
// and hands it out once through `launch_file`. App.vue fetches it at startup and shows the
// 单位与目录 screen, whose import button takes it and opens the import dialog on that file.
import { ref } from 'vue'
import { api } from './api'

/** The workbook the app was started with, until the import dialog takes it. */
export const pendingLaunch = ref<string | null>(null)

/** Asks the Rust side for the start-up file (only the first call in a process gets it). */
export async function loadLaunchFile(
  fetch: () => Promise<string | null> = api.launchFile,
): Promise<string | null> {
  let p: string | null = null
  try {
    p = await fetch()
  } catch {
    p = null // an older shell without the command: start as usual
  }
  if (p) pendingLaunch.value = p
  return p
}

/** Hands the pending path to one taker, then forgets it (a reopened screen does not import again). */
export function takeLaunchFile(): string | null {
  const p = pendingLaunch.value
  pendingLaunch.value = null
  return p
}
