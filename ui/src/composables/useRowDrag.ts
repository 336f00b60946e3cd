// Reordering by drag (the ⠿ handle), within the item's domain only. Native HTML5 drag and drop:
// dragstart on the handle, dragover/drop handled once for the whole grid (rows carry data-id). Only
// rows on screen are drop targets (the grid is virtual).
import { ref, type Ref } from 'vue'
import type { Item } from '../bindings/core'
import { dropWhere, planDrop, type DropWhere } from '../lib/grid'
import type { Row } from '../lib/item'
import type { Notify } from '../lib/notify'
import type { Autosave } from './useAutosave'
import type { GridEditing } from './useGridEditing'
import type { ItemActions } from './useItemActions'
import type { GridView } from './gridView'

const DRAG_TYPE = 'application/x-mulu-item'

export interface RowDragDeps {
  /** Every item of the catalog in catalog order (not only the rows a search shows). */
  items: Ref<Item[]>
  editor: Pick<Autosave, 'pick'>
  editing: Pick<GridEditing, 'finish'>
  moveTo: ItemActions['moveTo']
  notify: Notify
  view: GridView
}

export function useRowDrag({ items, editor, editing, moveTo, notify, view }: RowDragDeps) {
  const dragging = ref<number | null>(null)
  /** Where the dragged row would land (a line above or below a row), or that it cannot go there. */
  const dropHint = ref<{ id: number; where: DropWhere; ok: boolean } | null>(null)

  function onDragStart(e: DragEvent, row: Row) {
    editing.finish()
    editor.pick(row.id)
    dragging.value = row.id
    if (e.dataTransfer) {
      e.dataTransfer.setData(DRAG_TYPE, String(row.id))
      e.dataTransfer.effectAllowed = 'move'
      const rowEl = e.target instanceof Element ? e.target.closest('.el-table-v2__row') : null
      if (rowEl) e.dataTransfer.setDragImage(rowEl, 12, 18)
    }
  }

  /** The row under a drag event and which half of it. */
  function dropAt(e: DragEvent): { id: number; where: DropWhere } | null {
    const rowEl = e.target instanceof Element ? e.target.closest<HTMLElement>('.el-table-v2__row[data-id]') : null
    if (!rowEl) return null
    const r = rowEl.getBoundingClientRect()
    return { id: Number(rowEl.dataset.id), where: dropWhere(e.clientY, r.top, r.height) }
  }

  function onDragOver(e: DragEvent) {
    const id = dragging.value
    if (id === null) return
    // Accepted everywhere on the grid: a drop on another domain is refused with a message.
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move'
    const at = dropAt(e)
    const plan = at ? planDrop(items.value, id, at.id, at.where) : null
    const hint = at && plan && !(!plan.ok && plan.reason === 'same') ? { ...at, ok: plan.ok } : null
    const old = dropHint.value
    if (hint?.id !== old?.id || hint?.where !== old?.where || hint?.ok !== old?.ok) dropHint.value = hint
  }

  function onDragLeave(e: DragEvent) {
    if (!(e.relatedTarget instanceof Node && view.el()?.contains(e.relatedTarget))) dropHint.value = null
  }

  function onDragEnd() {
    dragging.value = null
    dropHint.value = null
  }

  async function onDrop(e: DragEvent) {
    const id = dragging.value ?? Number(e.dataTransfer?.getData(DRAG_TYPE) || NaN)
    onDragEnd()
    if (!Number.isFinite(id)) return
    e.preventDefault()
    const at = dropAt(e)
    if (!at) return
    const plan = planDrop(items.value, id, at.id, at.where)
    if (plan.ok) {
      await moveTo(id, plan.from, plan.position)
    } else if (plan.reason === 'domain') {
      const it = items.value.find((i) => i.id === id)
      notify.warning(`只能在同一领域内拖动调整顺序：“${it?.l2 || it?.l1 || ''}”属于“${it?.domain ?? ''}”领域。`)
    }
  }

  return { dragging, dropHint, onDragStart, onDragOver, onDragLeave, onDragEnd, onDrop }
}

export type RowDrag = ReturnType<typeof useRowDrag>
