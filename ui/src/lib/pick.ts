// Choosing files and folders: the system's open dialog (tauri-plugin-dialog), or — under the e2e
// tests — the paths the test wrote beforehand (env MULU_E2E_OPEN_FILE, see api.e2eOpenPaths) and
// the test's save folder (env MULU_E2E_SAVE_DIR), because WebDriver cannot drive native dialogs.
import { open, save } from '@tauri-apps/plugin-dialog'
import { api } from './api'
import { joinPath } from './export'
import { WORKBOOK_FILTER } from './importing'

export interface FileFilter { name: string; extensions: string[] }

/** Paths picked with the open dialog (empty when cancelled); `filter` defaults to workbooks. */
export async function pickWorkbooks(title: string, multiple: boolean, filter: FileFilter = WORKBOOK_FILTER): Promise<string[]> {
  return pickFiles(title, multiple, [filter])
}

/** Paths picked with the open dialog, showing files of `filters` (empty when cancelled). */
export async function pickFiles(title: string, multiple: boolean, filters: FileFilter[]): Promise<string[]> {
  const e2e = await api.e2eOpenPaths()
  if (e2e) return multiple ? e2e : e2e.slice(0, 1)
  const picked = await open({ title, multiple, directory: false, filters })
  if (picked === null) return []
  return Array.isArray(picked) ? picked : [picked]
}

/** Where to save a file named `name`: the e2e folder when set, else the save dialog (null = cancelled). */
export async function pickSavePath(title: string, name: string, filter: FileFilter): Promise<string | null> {
  const e2e = await api.e2eSaveDir()
  if (e2e) return joinPath(e2e, name)
  const picked = await save({ title, defaultPath: name, filters: [filter] })
  if (!picked) return null
  const lower = picked.toLowerCase()
  return filter.extensions.some((e) => lower.endsWith(`.${e}`)) ? picked : `${picked}.${filter.extensions[0]}`
}

/** A folder picked with the open dialog (null when cancelled). */
export async function pickFolder(title: string): Promise<string | null> {
  const e2e = await api.e2eSaveDir()
  if (e2e) return e2e
  const picked = await open({ title, directory: true, multiple: false })
  return typeof picked === 'string' ? picked : null
}
