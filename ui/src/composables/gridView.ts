// What the editor's composables need of the rendered grid (ItemGrid.vue): its element, whose rows
// carry data-id and cells data-col, and scrolling a row into view (the grid is virtual: only rows
// on screen exist in the DOM).
import { nextTick, type Ref } from 'vue'
import type { Row } from '../lib/item'
import type { GridColumn } from '../lib/grid'

export type ScrollStrategy = 'auto' | 'center' | 'end' | 'start' | 'smart'

export interface GridView {
  el(): HTMLElement | null
  scrollToRow(index: number, strategy?: ScrollStrategy): void
}

export function focusGrid(view: GridView) {
  view.el()?.focus({ preventScroll: true })
}

export function cellElement(view: GridView, id: number, col: GridColumn): HTMLElement | null {
  return view.el()?.querySelector<HTMLElement>(`.el-table-v2__row[data-id="${id}"] [data-col="${col}"]`) ?? null
}

/** Scrolls the grid to an item's row once the DOM has caught up (nothing when it is not shown). */
export async function reveal(view: GridView, rows: Ref<Row[]>, id: number, strategy: ScrollStrategy = 'auto') {
  await nextTick()
  const index = rows.value.findIndex((r) => r.item.id === id)
  if (index >= 0) view.scrollToRow(index, strategy)
}
