import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, item, store } from '../test/fakeStore'
import { openEditor, settled } from '../test/editor'
import { SAVE_DELAY } from './useAutosave'

vi.mock('../lib/api', async (orig) => ({ ...(await orig<typeof import('../lib/api')>()), api: (await import('../test/fakeStore')).fakeApi }))

const ITEMS = () => [item(1, '社会救助', '综合业务', '政策法规'), item(2, '社会救助', '综合业务', '办事指南'), item(3, '就业', '就业服务', '招聘信息')]

beforeEach(() => { vi.useFakeTimers() })
afterEach(() => { vi.useRealTimers() })

async function type(e: Awaited<ReturnType<typeof openEditor>>, l2: string) {
  e.editor.form.value!.l2 = l2
  await settled()
  await vi.advanceTimersByTimeAsync(SAVE_DELAY)
  await settled()
}

describe('undo and redo', () => {
  it('step back and forth over saved edits, the panel showing each state', async () => {
    const e = await openEditor(ITEMS())
    e.editor.select(1)
    await type(e, 'A')
    await type(e, 'AB')
    expect(e.history.state.value).toEqual({ canUndo: true, canRedo: false })
    await e.history.undo()
    expect(store.find(1).l2).toBe('A')
    expect(e.editor.form.value!.l2).toBe('A')
    expect(e.messages).toContainEqual(['info', '已撤销：修改事项'])
    await e.history.undo()
    expect(store.find(1).l2).toBe('政策法规')
    expect(e.history.state.value).toEqual({ canUndo: false, canRedo: true })
    await e.history.redo()
    expect(store.find(1).l2).toBe('A')
    expect(e.editor.form.value!.l2).toBe('A')
    expect(e.messages).toContainEqual(['info', '已重做：修改事项'])
    // Undoing writes nothing back through the autosave (the form was re-read, not edited).
    await vi.advanceTimersByTimeAsync(SAVE_DELAY)
    await settled()
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(5)
  })

  it('a pending edit is saved first and is what undo reverts', async () => {
    const e = await openEditor(ITEMS())
    e.editor.select(1)
    await type(e, 'A')
    e.editor.form.value!.l2 = 'A 还没保存'
    await settled()
    await e.history.undo() // before the pause is over
    expect(store.find(1).l2).toBe('A')
    await e.history.redo()
    expect(store.find(1).l2).toBe('A 还没保存')
  })

  it('a new edit after undo drops the redo steps', async () => {
    const e = await openEditor(ITEMS())
    e.editor.select(1)
    await type(e, 'A')
    await e.history.undo()
    expect(e.history.state.value.canRedo).toBe(true)
    await type(e, 'B')
    expect(e.history.state.value).toEqual({ canUndo: true, canRedo: false })
  })

  it('a failed undo stays on the stack to try again', async () => {
    const e = await openEditor(ITEMS())
    e.editor.select(1)
    await type(e, 'A')
    store.failNext('updateItem', '写入失败')
    await e.history.undo()
    expect(e.messages).toContainEqual(['error', '写入失败'])
    expect(store.find(1).l2).toBe('A')
    expect(e.history.state.value).toEqual({ canUndo: true, canRedo: false })
    await e.history.undo()
    expect(store.find(1).l2).toBe('政策法规')
  })

  it('covers adding, deleting and moving items', async () => {
    const e = await openEditor(ITEMS())
    await e.actions.addLocal() // nothing selected: the catalog's first domain
    const added = e.editor.selectedId.value!
    expect(store.find(added)).toMatchObject({ domain: '社会救助', l1: '本级特色事项', position: 2 })
    e.editor.select(1)
    await e.actions.move(1)
    expect(store.order('社会救助')).toEqual([2, 1, added])
    e.editor.select(2)
    await e.actions.remove()
    expect(e.editor.selectedId.value).toBeNull()
    expect(store.order()).toEqual([1, added, 3])
    expect(e.messages).toContainEqual(['info', '已删除“办事指南”，按 Ctrl+Z 撤销'])
    await e.history.undo()
    expect(store.order()).toEqual([2, 1, added, 3])
    await e.history.undo()
    expect(store.order()).toEqual([1, 2, added, 3])
    await e.history.undo()
    expect(store.order()).toEqual([1, 2, 3])
    expect(e.items.value.map((i) => i.id)).toEqual([1, 2, 3])
    await e.history.redo()
    await e.history.redo()
    await e.history.redo()
    expect(store.order()).toEqual([1, added, 3])
  })

  it('another catalog starts with nothing to undo', async () => {
    const e = await openEditor(ITEMS())
    e.editor.select(1)
    await type(e, 'A')
    const edits = e.history.edits.value
    e.reset()
    await settled()
    expect(e.history.state.value).toEqual({ canUndo: false, canRedo: false })
    expect(e.history.edits.value).toBeGreaterThan(edits) // the 审核 panel's results may be out of date
    expect(e.editor.selectedId.value).toBeNull()
  })
})
