import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, item, store } from '../test/fakeStore'
import { openEditor, settled } from '../test/editor'
import { SAVE_DELAY } from './useAutosave'

vi.mock('../lib/api', async (orig) => ({ ...(await orig<typeof import('../lib/api')>()), api: (await import('../test/fakeStore')).fakeApi }))

const ITEMS = () => [item(1, '社会救助', '综合业务', '政策法规'), item(2, '就业', '就业服务', '招聘信息')]
const ROWS = '救助管理\t临时救助申请\t申请条件\t《社会救助暂行办法》\t20个工作日内\t镇民政办\n救助管理\t救助结果公示\t救助对象\t\t5个工作日内\t镇民政办'

beforeEach(() => { vi.useFakeTimers() })
afterEach(() => { vi.useRealTimers() })

describe('paste rows from Excel', () => {
  it('previews, then adds them to the selected item\'s domain as one undo step', async () => {
    const e = await openEditor(ITEMS())
    e.editor.select(2)
    expect(e.paste.offer(ROWS)).toBe(true)
    await e.paste.readDone()
    expect(fakeApi.pastePreview).toHaveBeenCalledWith(ROWS, '就业')
    expect(e.paste.show.value).toBe(true)
    expect(e.paste.paste.value).toMatchObject({ domain: '就业' })
    expect(e.paste.paste.value!.items.map((f) => f.l2)).toEqual(['临时救助申请', '救助结果公示'])
    expect(e.paste.offer(ROWS)).toBe(false) // the dialog is open already
    await e.paste.confirm()
    expect(e.paste.show.value).toBe(false)
    expect(store.items.filter((i) => i.domain === '就业').map((i) => i.l2)).toEqual(['招聘信息', '临时救助申请', '救助结果公示'])
    const first = store.items.find((i) => i.l2 === '临时救助申请')!
    expect(e.editor.selectedId.value).toBe(first.id)
    expect(e.scrolls.at(-1)).toEqual([2, 'start'])
    expect(e.messages).toContainEqual(['success', '已粘贴 2 个事项'])
    await e.history.undo()
    expect(store.order()).toEqual([1, 2])
    expect(e.messages).toContainEqual(['info', '已撤销：粘贴 2 个事项'])
    await e.history.redo()
    expect(store.items.map((i) => i.l2)).toEqual(['政策法规', '招聘信息', '临时救助申请', '救助结果公示'])
  })

  it('writes a pending edit before adding', async () => {
    const e = await openEditor(ITEMS())
    e.editor.select(1)
    e.editor.form.value!.notes = '先保存'
    await settled()
    e.paste.offer(ROWS)
    await e.paste.readDone()
    await e.paste.confirm()
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(1)
    expect(fakeApi.updateItem.mock.invocationCallOrder[0]!).toBeLessThan(fakeApi.addItem.mock.invocationCallOrder[0]!)
    await vi.advanceTimersByTimeAsync(SAVE_DELAY)
  })

  it('keeps the rows added before an error, undone together', async () => {
    const e = await openEditor(ITEMS())
    e.paste.offer(ROWS)
    await e.paste.readDone()
    fakeApi.addItem.mockImplementationOnce(async (c, f) => {
      fakeApi.addItem.mockImplementationOnce(async () => { throw '磁盘已满' })
      const it = { ...item(store.newId(), f.domain, f.l1, f.l2), catalog_id: c }
      store.insert(it, 99)
      return it
    })
    await e.paste.confirm()
    expect(e.messages).toContainEqual(['error', '已粘贴 1 个事项后出错：磁盘已满'])
    expect(e.messages.some(([k]) => k === 'success')).toBe(false)
    expect(store.items).toHaveLength(3)
    await e.history.undo()
    expect(store.items).toHaveLength(2)
  })

  it('says what to copy when the clipboard holds no rows', async () => {
    const e = await openEditor(ITEMS())
    expect(e.paste.offer('一级事项\t二级事项\t公开时限')).toBe(true) // a header row only
    await e.paste.readDone()
    expect(e.paste.show.value).toBe(false)
    expect(e.messages[0]?.[0]).toBe('warning')
    expect(e.paste.offer('   ')).toBe(false)
  })
})
