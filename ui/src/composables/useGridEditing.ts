// Editing in the grid's cells: the focused cell (←/→), a text cell edited in place (二级事项,
// 公开时限), the 公开渠道和载体 checklist (CarrierPopover.vue) and the vocabulary toggles. Every edit
// goes through the panel's form and the autosave (editItem): one save path, one undo step per edit,
// and the panel shows it at once.
import { nextTick, ref } from 'vue'
import type { ItemFields, StandardCarrier } from '../bindings/core'
import { AUDIENCES, LEVELS, MODES, cellKind, editorAction, toggled, type GridColumn } from '../lib/grid'
import { STANDARD_CARRIERS } from '../lib/item'
import type { Autosave } from './useAutosave'
import { cellElement, focusGrid, type GridView } from './gridView'

export type Vocab = 'audience' | 'mode' | 'level'

export interface GridEditingDeps {
  editor: Pick<Autosave, 'form' | 'pick' | 'editItem'>
  view: GridView
}

export function useGridEditing({ editor, view }: GridEditingDeps) {
  /** The focused column (←/→); the focused cell is this column of the selected row. */
  const focusCol = ref<GridColumn>('l2')
  /** The text cell being edited in place and what is typed so far. */
  const editing = ref<{ id: number; col: 'l2' | 'time'; value: string } | null>(null)
  /** The 公开渠道和载体 checklist open over a cell (its ticks; the other carriers are only shown). */
  const carrierEdit = ref<{ id: number; value: StandardCarrier[]; extra: string[] } | null>(null)
  const carrierAnchor = ref<HTMLElement>()

  const edit = (id: number, change: (f: ItemFields) => void) => void editor.editItem(id, change)

  /** Double-click, Enter or F2 on a cell: edit it in place (text), step into its toggles, or open
   *  the carrier checklist. Other columns only take the focus. */
  async function startEdit(id: number, col: GridColumn) {
    focusCol.value = col
    editor.pick(id)
    const f = editor.form.value
    const kind = cellKind(col)
    if (!f || !kind) return
    if (kind === 'text') {
      editing.value = { id, col: col === 'l2' ? 'l2' : 'time', value: col === 'l2' ? f.l2 : f.time_limit }
      await nextTick()
      const input = view.el()?.querySelector<HTMLInputElement>('.cell-editor input')
      input?.focus()
      input?.select()
    } else if (kind === 'toggle') {
      await nextTick()
      cellElement(view, id, col)?.querySelector<HTMLElement>('.tog')?.focus()
    } else {
      await nextTick()
      carrierAnchor.value = cellElement(view, id, col) ?? undefined
      carrierEdit.value = { id, value: [...f.channels.standard], extra: [...f.channels.extra] }
      await nextTick()
      document.querySelector<HTMLElement>('.carrier-pop input[type=checkbox]')?.focus()
    }
  }

  function commitText() {
    const e = editing.value
    if (!e) return
    editing.value = null
    focusGrid(view)
    const value = e.value.trim()
    edit(e.id, (f) => {
      if (e.col === 'l2') f.l2 = value
      else f.time_limit = value
    })
  }

  function cancelText() {
    editing.value = null
    focusGrid(view)
  }

  /** Keys in the in-place text editor: Enter keeps, Esc cancels (others are the input's). */
  function onEditorKey(e: KeyboardEvent) {
    const action = editorAction(e)
    if (!action) return
    e.preventDefault()
    e.stopPropagation()
    if (action === 'commit') commitText()
    else cancelText()
  }

  function closeCarriers(commit: boolean) {
    const c = carrierEdit.value
    if (!c) return
    carrierEdit.value = null
    focusGrid(view)
    if (commit) {
      edit(c.id, (f) => {
        f.channels.standard = STANDARD_CARRIERS.filter((s) => c.value.includes(s))
      })
    }
  }

  /** The document's mousedown (capture): a click outside the open checklist keeps what was ticked
   *  (as leaving a text cell does). */
  function onPointerDown(e: Event) {
    if (!carrierEdit.value) return
    const t = e.target instanceof Element ? e.target : null
    if (!t?.closest('.carrier-pop')) closeCarriers(true)
  }

  function toggleIn(id: number, col: Vocab, value: string) {
    focusCol.value = col
    edit(id, (f) => {
      if (col === 'audience') f.audience = toggled(f.audience, value as (typeof AUDIENCES)[number], AUDIENCES)
      else if (col === 'mode') f.mode = toggled(f.mode, value as (typeof MODES)[number], MODES)
      else f.level = toggled(f.level, value as (typeof LEVELS)[number], LEVELS)
    })
  }

  /** Ends an edit in a cell keeping what was typed or ticked (a drag starts, the screen closes). */
  function finish() {
    if (editing.value) commitText()
    closeCarriers(true)
  }

  /** Another catalog: whatever was open in a cell is gone. */
  function reset() {
    editing.value = null
    carrierEdit.value = null
  }

  return {
    focusCol, editing, carrierEdit, carrierAnchor,
    startEdit, commitText, cancelText, onEditorKey, closeCarriers, onPointerDown, toggleIn, finish, reset,
  }
}

export type GridEditing = ReturnType<typeof useGridEditing>
