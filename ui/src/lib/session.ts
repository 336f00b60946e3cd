// The open catalog, remembered across restarts and reopened on launch. localStorage holds only its
// id, per database file (MULU_DB may point the app at another database, whose ids mean other
// catalogs). Window size and position are remembered by tauri-plugin-window-state (Rust side).
import { ref } from 'vue'
import type { Catalog } from '../bindings/core'
import { api } from './api'

const catalog = ref<Catalog | null>(null)
/** Bumped when the open catalog's items changed outside the editor (an import merged into it). */
const revision = ref(0)
let key = lastCatalogKey(null)
/** Text the editor searches for when it next opens (set by the search across all catalogs). */
const pendingSearch = ref<string | null>(null)

/** The localStorage key of the last catalog opened with the database at `dbPath`. */
export function lastCatalogKey(dbPath: string | null): string {
  return dbPath ? `mulu.lastCatalog:${dbPath}` : 'mulu.lastCatalog'
}

/** The remembered id, or null when nothing (valid) is stored. */
export function parseCatalogId(stored: string | null): number | null {
  if (stored === null || !/^\d+$/.test(stored.trim())) return null
  const id = Number(stored)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

async function openCatalog(id: number): Promise<void> {
  catalog.value = await api.getCatalog(id)
  localStorage.setItem(key, String(id))
}

async function restore(): Promise<void> {
  try {
    key = lastCatalogKey((await api.appInfo()).db_path)
  } catch {
    // Keep the plain key.
  }
  const id = parseCatalogId(localStorage.getItem(key))
  if (id === null) return
  try {
    await openCatalog(id)
  } catch {
    // The catalog was deleted: start without one.
    localStorage.removeItem(key)
  }
}

async function refresh(): Promise<void> {
  if (catalog.value) catalog.value = await api.getCatalog(catalog.value.id)
}

/** Opens the catalog and tells the editor to reload its items even when it was already open. */
async function reopen(id: number): Promise<void> {
  await openCatalog(id)
  revision.value += 1
}

export const session = { catalog, revision, pendingSearch, openCatalog, reopen, restore, refresh }
