// Pure logic of the editor's grid: which columns can be focused and edited in place, what a key
// does, where a dragged row lands (as the store's move_item position), and the toggles of the
// controlled vocabularies. components/editor/ItemGrid.vue renders, the composables act; this module decides.
import type { Audience, Item, Level, Mode } from '../bindings/core'

/** The grid's columns, left to right (the 拖动 handle first). */
export const GRID_COLUMNS = [
  'drag', 'seq', 'domain', 'l1', 'l2', 'time', 'channels', 'audience', 'mode', 'level', 'prov',
] as const
export type GridColumn = (typeof GRID_COLUMNS)[number]

/** How a cell is edited in place: text in an input, toggles of a vocabulary, the carrier checklist. */
export type CellKind = 'text' | 'toggle' | 'carriers'

const KINDS: Partial<Record<GridColumn, CellKind>> = {
  l2: 'text', time: 'text', channels: 'carriers', audience: 'toggle', mode: 'toggle', level: 'toggle',
}

export function cellKind(col: GridColumn): CellKind | null {
  return KINDS[col] ?? null
}

/** Columns that keyboard focus moves over (←/→): all but the drag handle. */
export const FOCUSABLE: readonly GridColumn[] = GRID_COLUMNS.filter((c) => c !== 'drag')

/** The column `delta` steps left (−) or right (+) of `col`, stopping at the ends. */
export function stepColumn(col: GridColumn, delta: number): GridColumn {
  const i = FOCUSABLE.indexOf(col)
  const at = i < 0 ? FOCUSABLE.indexOf('l2') : i
  const next = Math.min(FOCUSABLE.length - 1, Math.max(0, at + delta))
  return FOCUSABLE[next] ?? col
}

/** The row index `delta` steps from `index` among `count` rows, stopping at the ends; -1 when
 *  there are no rows. Nothing selected (index -1) starts at the first row. */
export function stepRow(index: number, delta: number, count: number): number {
  if (count <= 0) return -1
  if (index < 0) return 0
  return Math.min(count - 1, Math.max(0, index + delta))
}

export type GridAction =
  | 'up' | 'down' | 'left' | 'right' // move the focused cell
  | 'edit' // start editing the focused cell (Enter, F2)
  | 'moveUp' | 'moveDown' // move the selected item (Alt+↑/↓, as 上移/下移)

/** What a key pressed on the grid (not inside an editor) does; null: not the grid's. */
export function gridAction(e: { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean }): GridAction | null {
  if (e.ctrlKey || e.metaKey) return null
  if (e.altKey) {
    if (e.shiftKey) return null
    return e.key === 'ArrowUp' ? 'moveUp' : e.key === 'ArrowDown' ? 'moveDown' : null
  }
  switch (e.key) {
    case 'ArrowUp': return 'up'
    case 'ArrowDown': return 'down'
    case 'ArrowLeft': return 'left'
    case 'ArrowRight': return 'right'
    case 'Enter': case 'F2': return e.shiftKey ? null : 'edit'
    default: return null
  }
}

/** What a key pressed in an in-place text editor does. */
export function editorAction(e: { key: string; isComposing?: boolean }): 'commit' | 'cancel' | null {
  // Enter that ends an IME composition (拼音 input) picks the characters; it does not commit.
  if (e.isComposing) return null
  if (e.key === 'Enter') return 'commit'
  if (e.key === 'Escape') return 'cancel'
  return null
}

export const AUDIENCES: readonly Audience[] = ['全社会', '特定群体']
export const MODES: readonly Mode[] = ['主动', '依申请']
export const LEVELS: readonly Level[] = ['县级', '乡级']

/** `list` with `value` switched on or off, in the vocabulary's order (as the panel's checkboxes
 *  and the exported ■/□ columns list them). */
export function toggled<T extends string>(list: readonly T[], value: T, order: readonly T[]): T[] {
  const on = list.includes(value) ? list.filter((v) => v !== value) : [...list, value]
  return [...order.filter((v) => on.includes(v)), ...on.filter((v) => !order.includes(v))]
}

// ---- Reordering by drag ----

export type DropWhere = 'before' | 'after'

/** Above or below the middle of the row under the pointer. */
export function dropWhere(clientY: number, rowTop: number, rowHeight: number): DropWhere {
  return clientY < rowTop + rowHeight / 2 ? 'before' : 'after'
}

export type DropPlan =
  | { ok: true; from: number; position: number }
  | { ok: false; reason: 'same' | 'domain' | 'missing' }

type Placed = Pick<Item, 'id' | 'domain'>

/**
 * Dropping item `dragId` before or after item `targetId`, given every item of the catalog in
 * catalog order (not only the rows a search shows). The store's move_item takes the item out of
 * its domain's order and inserts it at `position` (0-based) among the rest, so that is what is
 * returned, with `from`, the item's index now (what undo moves it back to).
 *
 * Items move only within their 领域 (move_item never changes an item's domain: a drop on another
 * domain is refused, reason 'domain'). Within a domain a drop may cross 一级事项 runs: the item keeps
 * its 一级事项. 'same': the drop leaves the order as it is.
 */
export function planDrop(items: readonly Placed[], dragId: number, targetId: number, where: DropWhere): DropPlan {
  const dragged = items.find((i) => i.id === dragId)
  const target = items.find((i) => i.id === targetId)
  if (!dragged || !target) return { ok: false, reason: 'missing' }
  if (dragged.domain !== target.domain) return { ok: false, reason: 'domain' }
  if (dragId === targetId) return { ok: false, reason: 'same' }
  const order = items.filter((i) => i.domain === dragged.domain).map((i) => i.id)
  const from = order.indexOf(dragId)
  const rest = order.filter((id) => id !== dragId)
  const at = rest.indexOf(targetId)
  const position = where === 'before' ? at : at + 1
  if (position === from) return { ok: false, reason: 'same' }
  return { ok: true, from, position }
}

/**
 * 上移/下移 (and Alt+↑/↓): the item one place up (−1) or down (+1) within its domain, as a
 * move_item position; null at the domain's first/last place (nothing to do, no undo step).
 */
export function stepPosition(items: readonly Placed[], id: number, delta: number): { from: number; position: number } | null {
  const it = items.find((i) => i.id === id)
  if (!it) return null
  const order = items.filter((i) => i.domain === it.domain).map((i) => i.id)
  const from = order.indexOf(id)
  const position = from + delta
  if (position < 0 || position >= order.length || position === from) return null
  return { from, position }
}

/** Applies move_item's rule to an id order (for tests and for showing a move before reloading). */
export function applyMove(order: readonly number[], id: number, position: number): number[] {
  const rest = order.filter((x) => x !== id)
  const at = Math.min(Math.max(0, position), rest.length)
  return [...rest.slice(0, at), id, ...rest.slice(at)]
}
