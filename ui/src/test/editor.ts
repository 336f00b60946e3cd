// The editor as the screen wires it (useEditor), over the fake store, for the composables' tests.
import { nextTick, ref } from 'vue'
import type { Catalog, Item } from '../bindings/core'
import type { GridView, ScrollStrategy } from '../composables/gridView'
import { useEditor } from '../composables/useEditor'
import type { Notify } from '../lib/notify'
import { store } from './fakeStore'

/** Messages the composables showed, as [kind, text]. */
export function recorder() {
  const messages: [keyof Notify, string][] = []
  const notify: Notify = {
    error: (m) => { messages.push(['error', m]) },
    warning: (m) => { messages.push(['warning', m]) },
    info: (m) => { messages.push(['info', m]) },
    success: (m) => { messages.push(['success', m]) },
  }
  return { messages, notify }
}

export const CATALOG: Catalog = {
  id: 1, unit_id: 1, year: 2026, title: '某某镇2026年政务公开事项标准目录', status: '草稿', domains: ['社会救助', '就业'],
  created_at: '', updated_at: '',
}

/** The editor as the screen wires it, over the fake store, loaded; `scrolls` records scrollToRow
 *  calls, `el` is the grid element when a test builds one (happy-dom). */
export async function openEditor(items: Item[], el: HTMLElement | null = null) {
  store.reset(items)
  const scrolls: [number, ScrollStrategy | undefined][] = []
  const view: GridView = { el: () => el, scrollToRow: (index, strategy) => { scrolls.push([index, strategy]) } }
  const { messages, notify } = recorder()
  const e = useEditor(ref(CATALOG), view, notify)
  await e.actions.load()
  await nextTick()
  return { ...e, messages, scrolls }
}

/** Lets every pending promise and Vue watcher run (fake timers do not advance meanwhile). */
export async function settled() {
  for (let i = 0; i < 10; i++) await Promise.resolve()
  await nextTick()
}

/** A grid element shaped as ItemGrid renders it (rows with data-id, cells with data-col, the
 *  vocabulary toggles), each row 36 pixels high from the top; for the happy-dom tests. */
export function gridElement(items: Item[]): HTMLElement {
  const grid = document.createElement('div')
  grid.className = 'grid'
  grid.tabIndex = 0
  grid.dataset.testid = 'item-grid'
  items.forEach((it, i) => {
    const row = document.createElement('div')
    row.className = 'el-table-v2__row'
    row.dataset.id = String(it.id)
    const rect = { top: i * 36, height: 36, bottom: i * 36 + 36, left: 0, right: 800, width: 800, x: 0, y: i * 36, toJSON: () => ({}) }
    Object.defineProperty(row, 'getBoundingClientRect', { value: () => rect })
    for (const col of ['drag', 'seq', 'domain', 'l1', 'l2', 'time', 'channels', 'audience', 'mode', 'level', 'prov']) {
      const cell = document.createElement('div')
      cell.dataset.col = col
      if (col === 'audience' || col === 'mode' || col === 'level') {
        const vocab = { audience: ['全社会', '特定群体'], mode: ['主动', '依申请'], level: ['县级', '乡级'] }[col]
        for (const v of vocab) {
          const b = document.createElement('button')
          b.className = 'tog'
          b.dataset.value = v
          b.tabIndex = -1
          cell.append(b)
        }
      } else {
        cell.textContent = col === 'l2' ? it.l2 : col === 'domain' ? it.domain : ''
      }
      row.append(cell)
    }
    grid.append(row)
  })
  document.body.append(grid)
  return grid
}
