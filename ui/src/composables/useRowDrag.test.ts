// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, item, store } from '../test/fakeStore'
import { gridElement, openEditor, settled } from '../test/editor'

vi.mock('../lib/api', async (orig) => ({ ...(await orig<typeof import('../lib/api')>()), api: (await import('../test/fakeStore')).fakeApi }))

const ITEMS = () => [
  item(1, '社会救助', '综合业务', '政策法规'), item(2, '社会救助', '综合业务', '办事指南'), item(3, '社会救助', '救助管理', '救助结果'),
  item(4, '就业', '就业服务', '招聘信息'),
]

afterEach(() => { document.body.innerHTML = '' })

/** happy-dom's DragEvent has no clientY (a browser's inherits it from MouseEvent). */
function at(e: DragEvent, clientY: number): DragEvent {
  Object.defineProperty(e, 'clientY', { value: clientY })
  return e
}

/** Drags row `from` by its handle and drops it on row `to`, above (`before`) or below its middle. */
async function dragTo(e: Awaited<ReturnType<typeof openEditor>>, grid: HTMLElement, from: number, to: number, where: 'before' | 'after') {
  const row = (id: number) => grid.querySelector<HTMLElement>(`.el-table-v2__row[data-id="${id}"]`)!
  const target = row(to).querySelector('[data-col="l2"]')!
  const y = row(to).getBoundingClientRect().top + (where === 'before' ? 5 : 30)
  const dataTransfer = new DataTransfer()
  const start = new DragEvent('dragstart', { bubbles: true, dataTransfer })
  row(from).querySelector('[data-col="drag"]')!.dispatchEvent(start)
  e.drag.onDragStart(start, e.search.rows.value.find((r) => r.id === from)!)
  const over = at(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }), y)
  target.dispatchEvent(over)
  const hint = e.drag.dropHint.value
  const drop = at(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }), y)
  target.dispatchEvent(drop)
  await settled()
  return { hint, overAccepted: over.defaultPrevented }
}

function wire(e: Awaited<ReturnType<typeof openEditor>>, grid: HTMLElement) {
  grid.addEventListener('dragover', e.drag.onDragOver)
  grid.addEventListener('drop', (ev) => void e.drag.onDrop(ev))
}

describe('drag to reorder', () => {
  it('moves an item within its domain, one undo step, and selects it', async () => {
    const grid = gridElement(ITEMS())
    const e = await openEditor(ITEMS(), grid)
    wire(e, grid)
    const { hint } = await dragTo(e, grid, 1, 3, 'after')
    expect(hint).toEqual({ id: 3, where: 'after', ok: true })
    await settled()
    expect(fakeApi.moveItem).toHaveBeenCalledWith(1, 2)
    expect(store.order()).toEqual([2, 3, 1, 4])
    expect(e.items.value.map((i) => i.id)).toEqual([2, 3, 1, 4])
    expect(e.editor.selectedId.value).toBe(1)
    expect(e.drag.dropHint.value).toBeNull()
    expect(e.scrolls.at(-1)).toEqual([2, 'auto'])
    await e.history.undo()
    expect(store.order()).toEqual([1, 2, 3, 4])
  })

  it('refuses a drop on another domain with a message, moving nothing', async () => {
    const grid = gridElement(ITEMS())
    const e = await openEditor(ITEMS(), grid)
    wire(e, grid)
    const { hint, overAccepted } = await dragTo(e, grid, 2, 4, 'before')
    expect(overAccepted).toBe(true) // accepted, to be refused with a message
    expect(hint).toEqual({ id: 4, where: 'before', ok: false })
    expect(fakeApi.moveItem).not.toHaveBeenCalled()
    expect(e.messages).toContainEqual(['warning', '只能在同一领域内拖动调整顺序：“办事指南”属于“社会救助”领域。'])
    expect(e.history.state.value.canUndo).toBe(false)
  })

  it('a drop where the item already is does nothing, without a hint', async () => {
    const grid = gridElement(ITEMS())
    const e = await openEditor(ITEMS(), grid)
    wire(e, grid)
    const { hint } = await dragTo(e, grid, 2, 1, 'after')
    expect(hint).toBeNull()
    expect(fakeApi.moveItem).not.toHaveBeenCalled()
    expect(e.messages).toEqual([])
  })

  it('a drag ends an edit in a cell, keeping what was typed', async () => {
    const grid = gridElement(ITEMS())
    const e = await openEditor(ITEMS(), grid)
    wire(e, grid)
    await e.editing.startEdit(3, 'l2')
    e.editing.editing.value!.value = '救助结果公示'
    await dragTo(e, grid, 1, 2, 'after')
    await e.editor.settle()
    expect(e.editing.editing.value).toBeNull()
    expect(store.find(3).l2).toBe('救助结果公示')
    expect(store.order('社会救助')).toEqual([2, 1, 3])
  })

  it('上移/下移 stop at the domain\'s ends', async () => {
    const e = await openEditor(ITEMS())
    e.editor.select(3)
    await e.actions.move(1)
    expect(fakeApi.moveItem).not.toHaveBeenCalled()
    expect(e.messages).toContainEqual(['info', '已是“社会救助”领域的最后一项'])
    e.editor.select(4)
    await e.actions.move(-1)
    expect(e.messages).toContainEqual(['info', '已是“就业”领域的第一项'])
    await e.actions.move(1)
    expect(fakeApi.moveItem).not.toHaveBeenCalled()
    e.editor.select(3)
    await e.actions.move(-1)
    expect(store.order('社会救助')).toEqual([1, 3, 2])
  })
})
