import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, item, store } from '../test/fakeStore'
import { openEditor, settled } from '../test/editor'
import { SEARCH_DELAY } from './useSearch'

vi.mock('../lib/api', async (orig) => ({ ...(await orig<typeof import('../lib/api')>()), api: (await import('../test/fakeStore')).fakeApi }))

const ITEMS = () => [item(1, '社会救助', '综合业务', '最低生活保障'), item(2, '社会救助', '综合业务', '临时救助'), item(3, '就业', '就业服务', '招聘信息')]

beforeEach(() => { vi.useFakeTimers() })
afterEach(() => { vi.useRealTimers() })

async function search(e: Awaited<ReturnType<typeof openEditor>>, q: string) {
  e.search.query.value = q
  await settled()
  await vi.advanceTimersByTimeAsync(SEARCH_DELAY)
  await settled()
}

describe('search as you type', () => {
  it('runs the last query after a pause and shows only its hits', async () => {
    const e = await openEditor(ITEMS())
    e.search.query.value = '救'
    await settled()
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY / 2)
    await search(e, '救助')
    expect(fakeApi.searchItems).toHaveBeenCalledTimes(1)
    expect(fakeApi.searchItems).toHaveBeenCalledWith(1, '救助')
    expect(e.search.rows.value.map((r) => r.id)).toEqual([2])
    await search(e, '  ')
    expect(e.search.rows.value.map((r) => r.id)).toEqual([1, 2, 3])
    expect(fakeApi.searchItems).toHaveBeenCalledTimes(1)
  })

  it('keeps the rows numbered within their domain while filtered', async () => {
    const e = await openEditor(ITEMS())
    await search(e, '招聘')
    expect(e.search.rows.value.map((r) => [r.id, r.seq, r.domainStart])).toEqual([[3, 1, true]])
  })

  it('says why a search failed and keeps the rows it showed', async () => {
    const e = await openEditor(ITEMS())
    await search(e, '救助')
    store.failNext('searchItems', '搜索失败')
    await search(e, '保障')
    expect(e.messages).toContainEqual(['error', '搜索失败'])
    expect(e.search.rows.value.map((r) => r.id)).toEqual([2])
  })

  it('clear shows every item at once', async () => {
    const e = await openEditor(ITEMS())
    await search(e, '招聘')
    e.search.clear()
    expect(e.search.rows.value).toHaveLength(3)
  })
})
