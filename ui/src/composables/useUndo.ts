// Undo/redo of the editor (Ctrl+Z / Ctrl+Y and the toolbar's 撤销/重做) over lib/undo's stack. A
// pending or in-flight save is an edit of its own: it goes on the stack before undo looks at it.
import { ref } from 'vue'
import { errorText } from '../lib/api'
import type { Notify } from '../lib/notify'
import { UndoStack, type Edit } from '../lib/undo'

export interface UndoDeps {
  /** Writes a pending edit and waits for the saves in flight (the autosave's settle). */
  settle: () => Promise<void>
  notify: Notify
}

export function useUndo({ settle, notify }: UndoDeps) {
  const stack = new UndoStack()
  const state = ref({ canUndo: false, canRedo: false })
  /** How many changes were saved since the editor opened (the 审核 panel's results may be out of date). */
  const edits = ref(0)

  function sync() {
    state.value = { canUndo: stack.canUndo, canRedo: stack.canRedo }
    edits.value += 1
  }

  /** An edit already written to the store, one step back. */
  function record(e: Edit) {
    stack.push(e)
    sync()
  }

  async function step(which: 'undo' | 'redo') {
    await settle()
    try {
      const label = await (which === 'undo' ? stack.undo() : stack.redo())
      if (label) notify.info(`${which === 'undo' ? '已撤销' : '已重做'}：${label}`)
    } catch (e) {
      notify.error(errorText(e))
    }
    sync()
  }

  /** A change saved outside the undo stack (the 不予公开/不涉及 panel): the findings may be out of date. */
  function changed() {
    edits.value += 1
  }

  /** Another catalog (or the same one reloaded after an import): nothing to undo. */
  function clear() {
    stack.clear()
    sync()
  }

  return { state, edits, record, changed, undo: () => step('undo'), redo: () => step('redo'), clear }
}

export type Undo = ReturnType<typeof useUndo>
