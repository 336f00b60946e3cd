// The editor's keys (window keydown): Ctrl+Z/Ctrl+Y anywhere; the carrier checklist's Enter/Esc;
// on the grid ↑/↓ select, ←/→ move the focused cell, Enter/F2 edit it, Alt+↑/↓ move the item
// (also from anywhere outside a text field); inside a toggle cell ←/→ go between its toggles.
import { nextTick, type Ref } from 'vue'
import { gridAction, stepColumn, stepRow } from '../lib/grid'
import type { Row } from '../lib/item'
import type { Autosave } from './useAutosave'
import type { GridEditing } from './useGridEditing'
import type { ItemActions } from './useItemActions'
import type { Undo } from './useUndo'
import { cellElement, focusGrid, type GridView } from './gridView'

export interface GridKeysDeps {
  /** The rows the grid shows (search hits only while a query is typed). */
  rows: Ref<Row[]>
  editor: Pick<Autosave, 'selectedId' | 'selected' | 'pick'>
  editing: Pick<GridEditing, 'focusCol' | 'carrierEdit' | 'closeCarriers' | 'startEdit'>
  history: Pick<Undo, 'undo' | 'redo'>
  move: ItemActions['move']
  view: GridView
}

function inField(t: Element | null): boolean {
  return !!t?.closest('input, textarea, select, [contenteditable]')
}

export function useGridKeys({ rows, editor, editing, history, move, view }: GridKeysDeps) {
  async function gridKey(e: KeyboardEvent, t: Element) {
    // Keys inside a toggle cell: ←/→ between its toggles, Esc back to the grid (Space/Enter press
    // the toggle, as on any button); ↑/↓ leave the cell and move the selection.
    if (t.classList.contains('tog')) {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault()
        const sib = e.key === 'ArrowLeft' ? t.previousElementSibling : t.nextElementSibling
        if (sib instanceof HTMLElement) sib.focus()
        return
      }
      if (e.key === 'Escape') { e.preventDefault(); focusGrid(view); return }
      if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return
      focusGrid(view)
    }
    const action = gridAction(e)
    if (!action) return
    e.preventDefault()
    const list = rows.value
    const i = list.findIndex((r) => r.item.id === editor.selectedId.value)
    if (action === 'up' || action === 'down') {
      const n = stepRow(i, action === 'down' ? 1 : -1, list.length)
      const next = list[n]
      if (!next) return
      editor.pick(next.item.id)
      view.scrollToRow(n, 'auto')
    } else if (action === 'left' || action === 'right') {
      editing.focusCol.value = stepColumn(editing.focusCol.value, action === 'right' ? 1 : -1)
      await nextTick()
      const id = editor.selectedId.value
      if (id !== null) cellElement(view, id, editing.focusCol.value)?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    } else if (action === 'edit') {
      const row = list[i]
      if (!row) return
      view.scrollToRow(i, 'auto')
      await nextTick()
      await editing.startEdit(row.item.id, editing.focusCol.value)
    } else {
      await move(action === 'moveUp' ? -1 : 1)
    }
  }

  function onKey(e: KeyboardEvent) {
    const mod = e.ctrlKey || e.metaKey
    const t = e.target instanceof Element ? e.target : null
    if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) { e.preventDefault(); void history.undo(); return }
    if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) { e.preventDefault(); void history.redo(); return }
    if (editing.carrierEdit.value) {
      if (e.key === 'Escape') { e.preventDefault(); editing.closeCarriers(false) }
      else if (e.key === 'Enter' && t?.closest('.carrier-pop') && !t.closest('button')) { e.preventDefault(); editing.closeCarriers(true) }
      return
    }
    // The in-place editor handles its own keys (onEditorKey).
    if (!t || t.closest('.cell-editor')) return
    if (t.closest('.grid')) { void gridKey(e, t); return }
    // Alt+↑/↓ move the selected item from anywhere but a text field (e.g. after pressing 上移).
    const action = gridAction(e)
    if ((action === 'moveUp' || action === 'moveDown') && !inField(t) && !t.closest('.el-overlay') && editor.selected.value) {
      e.preventDefault()
      void move(action === 'moveUp' ? -1 : 1)
    }
  }

  return { onKey }
}
