// Undo/redo over edits that are already saved (autosave): each entry knows how to revert and
// re-apply itself through the store, so Ctrl+Z works across every kind of edit.
export interface Edit {
  label: string
  undo: () => Promise<void>
  redo: () => Promise<void>
}

export class UndoStack {
  private done: Edit[] = []
  private undone: Edit[] = []
  constructor(private readonly limit = 200) {}

  push(e: Edit): void {
    this.done.push(e)
    if (this.done.length > this.limit) this.done.shift()
    this.undone = []
  }

  get canUndo(): boolean {
    return this.done.length > 0
  }

  get canRedo(): boolean {
    return this.undone.length > 0
  }

  /** Reverts the latest edit; returns its label, or null when there is nothing to undo. */
  async undo(): Promise<string | null> {
    const e = this.done.pop()
    if (!e) return null
    try {
      await e.undo()
    } catch (err) {
      this.done.push(e)
      throw err
    }
    this.undone.push(e)
    return e.label
  }

  async redo(): Promise<string | null> {
    const e = this.undone.pop()
    if (!e) return null
    try {
      await e.redo()
    } catch (err) {
      this.undone.push(e)
      throw err
    }
    this.done.push(e)
    return e.label
  }

  clear(): void {
    this.done = []
    this.undone = []
  }
}
