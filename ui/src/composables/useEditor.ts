// The editor's parts wired together (EditorScreen.vue renders them; the composables' tests drive
// the same wiring without a screen). Undo needs the autosave's settle and the autosave records its
// writes on the undo stack, so the two are made together here.
import { ref, type Ref } from 'vue'
import type { Catalog, Item } from '../bindings/core'
import type { Notify } from '../lib/notify'
import { reveal, type GridView, type ScrollStrategy } from './gridView'
import { useAutosave } from './useAutosave'
import { useGridEditing } from './useGridEditing'
import { useGridKeys } from './useGridKeys'
import { useItemActions } from './useItemActions'
import { usePaste } from './usePaste'
import { useRowDrag } from './useRowDrag'
import { useSearch } from './useSearch'
import { useUndo } from './useUndo'

export function useEditor(catalog: Ref<Catalog | null>, view: GridView, notify: Notify) {
  const items = ref<Item[]>([])
  const history = useUndo({ settle: () => editor.settle(), notify })
  const editor = useAutosave({ items, record: history.record, notify })
  const search = useSearch({ catalog, items, notify })
  const show = (id: number, strategy?: ScrollStrategy) => reveal(view, search.rows, id, strategy)
  const actions = useItemActions({ catalog, items, editor, record: history.record, notify, reveal: show })
  const paste = usePaste({ catalog, editor, actions, record: history.record, notify, reveal: show })
  const editing = useGridEditing({ editor, view })
  const drag = useRowDrag({ items, editor, editing, moveTo: actions.moveTo, notify, view })
  const keys = useGridKeys({ rows: search.rows, editor, editing, history, move: actions.move, view })

  /** Another catalog is open (or the same one changed by an import): start afresh. */
  function reset() {
    history.clear()
    editor.clear()
    editing.reset()
    void actions.load()
  }

  return { items, history, editor, search, actions, paste, editing, drag, keys, show, reset }
}

export type Editor = ReturnType<typeof useEditor>
