// Search as you type (FTS5 trigram in the store) and the grid's rows: every item in catalog order,
// or only the hits while a query is typed.
import { computed, ref, watch, type Ref } from 'vue'
import type { Catalog, Item } from '../bindings/core'
import { api, errorText } from '../lib/api'
import { toRows, type Row } from '../lib/item'
import type { Notify } from '../lib/notify'

/** The pause after the last keystroke before the query runs (ms). */
export const SEARCH_DELAY = 120

export interface SearchDeps {
  catalog: Ref<Catalog | null>
  items: Ref<Item[]>
  notify: Notify
}

export function useSearch({ catalog, items, notify }: SearchDeps) {
  const query = ref('')
  /** The ids of the items found; null: no query (every item shows). */
  const hits = ref<Set<number> | null>(null)
  const rows = computed<Row[]>(() => {
    const all = toRows(items.value)
    return hits.value ? all.filter((r) => hits.value!.has(r.item.id)) : all
  })

  let timer: ReturnType<typeof setTimeout> | null = null
  watch(query, (q) => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(async () => {
      const c = catalog.value
      if (!c || !q.trim()) { hits.value = null; return }
      try {
        hits.value = new Set((await api.searchItems(c.id, q)).map((h) => h.item_id))
      } catch (e) {
        notify.error(errorText(e))
      }
    }, SEARCH_DELAY)
  })

  /** Shows every item again (a finding's item that the query hides). */
  function clear() {
    query.value = ''
    hits.value = null
  }

  return { query, hits, rows, clear }
}

export type Search = ReturnType<typeof useSearch>
