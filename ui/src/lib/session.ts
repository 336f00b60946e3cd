// The open catalog, remembered across restarts (localStorage holds only its id).
import { ref } from 'vue'
import type { Catalog } from '../bindings/core'
import { api } from './api'

const KEY = 'mulu.lastCatalog'
const catalog = ref<Catalog | null>(null)

async function openCatalog(id: number): Promise<void> {
  catalog.value = await api.getCatalog(id)
  localStorage.setItem(KEY, String(id))
}

async function restore(): Promise<void> {
  const id = Number(localStorage.getItem(KEY))
  if (!Number.isInteger(id) || id <= 0) return
  try {
    await openCatalog(id)
  } catch {
    // The catalog was deleted (or another database is in use): start without one.
    localStorage.removeItem(KEY)
  }
}

async function refresh(): Promise<void> {
  if (catalog.value) catalog.value = await api.getCatalog(catalog.value.id)
}

export const session = { catalog, openCatalog, restore, refresh }
