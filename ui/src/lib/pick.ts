// Choosing files and folders: the system's open dialog (tauri-plugin-dialog), or — under the e2e
// tests — the paths the test wrote beforehand (env MULU_E2E_OPEN_FILE, see api.e2eOpenPaths) and
// the test's save folder (env MULU_E2E_SAVE_DIR), because WebDriver cannot drive native dialogs.
import { open } from '@tauri-apps/plugin-dialog'
import { api } from './api'
import { WORKBOOK_FILTER } from './importing'

/** Paths picked with the open dialog (empty when cancelled); `filter` defaults to workbooks. */
export async function pickWorkbooks(title: string, multiple: boolean, filter = WORKBOOK_FILTER): Promise<string[]> {
  const e2e = await api.e2eOpenPaths()
  if (e2e) return multiple ? e2e : e2e.slice(0, 1)
  const picked = await open({ title, multiple, directory: false, filters: [filter] })
  if (picked === null) return []
  return Array.isArray(picked) ? picked : [picked]
}

/** A folder picked with the open dialog (null when cancelled). */
export async function pickFolder(title: string): Promise<string | null> {
  const e2e = await api.e2eSaveDir()
  if (e2e) return e2e
  const picked = await open({ title, directory: true, multiple: false })
  return typeof picked === 'string' ? picked : null
}
