import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, item, store } from '../test/fakeStore'
import { openEditor, settled } from '../test/editor'
import { SAVE_DELAY } from './useAutosave'

vi.mock('../lib/api', async (orig) => ({ ...(await orig<typeof import('../lib/api')>()), api: (await import('../test/fakeStore')).fakeApi }))

const ITEMS = () => [item(1, '社会救助', '综合业务', '政策法规'), item(2, '社会救助', '综合业务', '办事指南'), item(3, '就业', '就业服务', '招聘信息')]

beforeEach(() => { vi.useFakeTimers() })
afterEach(() => { vi.useRealTimers() })

/** Waits out the autosave's pause and lets the write land. */
async function pause(ms = SAVE_DELAY) {
  await vi.advanceTimersByTimeAsync(ms)
  await settled()
}

describe('autosave', () => {
  it('writes an edit once, after a pause since the last change', async () => {
    const { editor } = await openEditor(ITEMS())
    editor.select(1)
    await pause() // selecting alone writes nothing
    expect(fakeApi.updateItem).not.toHaveBeenCalled()
    editor.form.value!.l2 = '政策'
    await settled()
    await vi.advanceTimersByTimeAsync(SAVE_DELAY - 100)
    editor.form.value!.l2 = '政策法规文件'
    await settled()
    await vi.advanceTimersByTimeAsync(SAVE_DELAY - 100)
    expect(fakeApi.updateItem).not.toHaveBeenCalled()
    await pause(100)
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(1)
    expect(fakeApi.updateItem.mock.calls[0]![1].l2).toBe('政策法规文件')
    expect(store.find(1).l2).toBe('政策法规文件')
    expect(editor.selected.value?.l2).toBe('政策法规文件')
  })

  it('reads 公开依据 one per line and other carriers separated by 、', async () => {
    const { editor } = await openEditor(ITEMS())
    editor.select(1)
    editor.basisText.value = '《社会救助暂行办法》\n\n 《民政部令》 '
    editor.extraText.value = '办税服务厅、 村务公开栏,'
    await settled()
    await pause()
    expect(store.find(1).basis).toEqual(['《社会救助暂行办法》', '《民政部令》'])
    expect(store.find(1).channels.extra).toEqual(['办税服务厅', '村务公开栏'])
  })

  it('flushes a pending edit on leaving (flushSave) and before an export (settle)', async () => {
    const { editor, history } = await openEditor(ITEMS())
    editor.select(1)
    editor.form.value!.time_limit = '10个工作日内'
    await settled()
    editor.flushSave() // the screen closes: no pause
    await settled()
    expect(store.find(1).time_limit).toBe('10个工作日内')
    editor.form.value!.notes = '备注'
    await settled()
    await editor.settle()
    expect(store.find(1).notes).toBe('备注')
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(2)
    expect(history.state.value.canUndo).toBe(true)
    await pause() // nothing left to write
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(2)
  })

  it('writes the edit to the item it was made on when another is selected mid-edit', async () => {
    const { editor } = await openEditor(ITEMS())
    editor.select(1)
    editor.form.value!.l2 = '改过的'
    await settled()
    editor.select(3) // before the pause is over
    await settled()
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(1)
    expect(fakeApi.updateItem.mock.calls[0]![0]).toBe(1)
    expect(store.find(1).l2).toBe('改过的')
    expect(store.find(3).l2).toBe('招聘信息')
    expect(editor.form.value!.l2).toBe('招聘信息')
    await pause()
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(1)
  })

  it('keeps an edit whose save failed: the form holds it and the next save writes it', async () => {
    const { editor, history, messages } = await openEditor(ITEMS())
    editor.select(1)
    store.failNext('updateItem', '数据库被锁定，请稍后再试。')
    editor.form.value!.l2 = '第一处修改'
    await settled()
    await pause()
    expect(messages).toContainEqual(['error', '数据库被锁定，请稍后再试。（这处修改尚未保存，会在下次操作时再试）'])
    expect(store.find(1).l2).toBe('政策法规')
    expect(editor.form.value!.l2).toBe('第一处修改')
    expect(editor.saving.value).toBe(false)
    expect(history.state.value.canUndo).toBe(false)
    await editor.settle() // a failed save does not block the ones after it
    editor.form.value!.time_limit = '第二处修改'
    await settled()
    await pause()
    expect(store.find(1).l2).toBe('第一处修改')
    expect(store.find(1).time_limit).toBe('第二处修改')
  })

  it('writes an edit whose save failed when another item is selected, without typing again', async () => {
    const { editor } = await openEditor(ITEMS())
    editor.select(1)
    store.failNext('updateItem', '数据库被锁定，请稍后再试。')
    editor.form.value!.l2 = '未能保存的修改'
    await settled()
    await pause()
    expect(store.find(1).l2).toBe('政策法规')
    editor.select(2) // leaving the item retries the failed write
    await editor.settle()
    expect(store.find(1).l2).toBe('未能保存的修改')
    expect(editor.form.value!.l2).toBe('办事指南')
    editor.select(1)
    expect(editor.form.value!.l2).toBe('未能保存的修改')
  })

  it('does not let a failed older edit overwrite a newer one of the same item', async () => {
    const { editor } = await openEditor(ITEMS())
    editor.select(1)
    store.failNext('updateItem', '数据库被锁定，请稍后再试。')
    editor.form.value!.l2 = '旧的'
    await settled()
    await pause()
    editor.form.value!.l2 = '新的'
    await settled()
    editor.select(3) // the timer's newer save is queued; the failed older one is not replayed over it
    await editor.settle()
    expect(store.find(1).l2).toBe('新的')
  })

  it('writes saves of one item in order, each compared with the version before it', async () => {
    const { editor } = await openEditor(ITEMS())
    editor.select(1)
    const go = store.hold('updateItem')
    editor.form.value!.l2 = 'A'
    await settled()
    await pause()
    expect(editor.saving.value).toBe(true)
    editor.form.value!.l2 = 'AB'
    await settled()
    await pause() // queued behind the first
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(1)
    go()
    await editor.settle()
    expect(fakeApi.updateItem.mock.calls.map((c) => c[1].l2)).toEqual(['A', 'AB'])
    expect(store.find(1).l2).toBe('AB')
  })

  it('edits from the grid go through the form: a pending panel edit is its own undo step', async () => {
    const { editor, history } = await openEditor(ITEMS())
    editor.select(2)
    editor.form.value!.notes = '详情里改的'
    await settled()
    await editor.editItem(2, (f) => { f.l2 = '表格里改的' })
    await editor.settle()
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(2)
    expect(store.find(2)).toMatchObject({ notes: '详情里改的', l2: '表格里改的' })
    await history.undo()
    expect(store.find(2)).toMatchObject({ notes: '详情里改的', l2: '办事指南' })
  })

  it('an edit from the grid on another item selects it, after the previous item is written', async () => {
    const { editor } = await openEditor(ITEMS())
    editor.select(1)
    editor.form.value!.l2 = '一的修改'
    await settled()
    await editor.editItem(3, (f) => { f.mode = ['依申请'] })
    expect(editor.selectedId.value).toBe(3)
    expect(store.find(1).l2).toBe('一的修改')
    expect(store.find(3).mode).toEqual(['依申请'])
    expect(editor.form.value!.mode).toEqual(['依申请'])
  })
})
