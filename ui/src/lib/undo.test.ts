import { describe, it, expect } from 'vitest'
import { UndoStack } from './undo'

describe('UndoStack', () => {
  it('undoes and redoes in order, and a new edit clears redo', async () => {
    let value = 0
    const s = new UndoStack()
    const set = (from: number, to: number) => ({ label: `${from}->${to}`, undo: async () => { value = from }, redo: async () => { value = to } })
    value = 1; s.push(set(0, 1))
    value = 2; s.push(set(1, 2))
    expect(await s.undo()).toBe('1->2'); expect(value).toBe(1)
    expect(await s.undo()).toBe('0->1'); expect(value).toBe(0)
    expect(await s.undo()).toBeNull()
    expect(await s.redo()).toBe('0->1'); expect(value).toBe(1)
    s.push(set(1, 5))
    expect(s.canRedo).toBe(false)
  })

  it('keeps the edit when undo fails', async () => {
    const s = new UndoStack()
    s.push({ label: 'x', undo: async () => { throw new Error('找不到事项') }, redo: async () => {} })
    await expect(s.undo()).rejects.toThrow('找不到事项')
    expect(s.canUndo).toBe(true)
  })

  it('drops the oldest edits beyond the limit', async () => {
    const s = new UndoStack(2)
    const log: string[] = []
    for (const n of ['a', 'b', 'c']) s.push({ label: n, undo: async () => { log.push(n) }, redo: async () => {} })
    await s.undo(); await s.undo(); await s.undo()
    expect(log).toEqual(['c', 'b'])
  })
})
