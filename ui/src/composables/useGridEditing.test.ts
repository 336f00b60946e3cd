// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, item, store } from '../test/fakeStore'
import { gridElement, openEditor, settled } from '../test/editor'

vi.mock('../lib/api', async (orig) => ({ ...(await orig<typeof import('../lib/api')>()), api: (await import('../test/fakeStore')).fakeApi }))

const ITEMS = () => [item(1, '社会救助', '综合业务', '政策法规'), item(2, '就业', '就业服务', '招聘信息', { time_limit: '' })]

afterEach(() => { document.body.innerHTML = '' })

type Editor = Awaited<ReturnType<typeof openEditor>>

/** Lets the edits made so far be written. */
async function written(e: Editor) {
  await settled()
  await e.editor.settle()
}

/** Opens a text cell and types `text` in it (not yet kept). */
async function typeIn(e: Editor, id: number, col: 'l2' | 'time', text: string) {
  await e.editing.startEdit(id, col)
  e.editing.editing.value!.value = text
}

describe('editing in the grid', () => {
  it('a toggle switches a value in the vocabulary\'s order, one save and one undo step each', async () => {
    const e = await openEditor(ITEMS(), gridElement(ITEMS()))
    e.editing.toggleIn(2, 'audience', '特定群体')
    await written(e)
    expect(e.editor.selectedId.value).toBe(2)
    expect(e.editing.focusCol.value).toBe('audience')
    expect(store.find(2).audience).toEqual(['全社会', '特定群体'])
    e.editing.toggleIn(2, 'audience', '全社会')
    e.editing.toggleIn(2, 'level', '乡级')
    await written(e)
    expect(store.find(2)).toMatchObject({ audience: ['特定群体'], level: ['乡级'] })
    expect(e.editor.form.value).toMatchObject({ audience: ['特定群体'], level: ['乡级'] })
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(3)
    await e.history.undo()
    await e.history.undo()
    expect(store.find(2)).toMatchObject({ audience: ['全社会', '特定群体'], level: [] })
  })

  it('a text cell starts from the form, saves trimmed text, and an unchanged one writes nothing', async () => {
    const e = await openEditor(ITEMS(), gridElement(ITEMS()))
    await e.editing.startEdit(2, 'time')
    expect(e.editing.editing.value).toEqual({ id: 2, col: 'time', value: '' })
    await typeIn(e, 2, 'time', ' 5个工作日内 ')
    e.editing.commitText()
    await written(e)
    expect(store.find(2).time_limit).toBe('5个工作日内')
    await e.editing.startEdit(2, 'l2')
    e.editing.commitText()
    await written(e)
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(1)
  })

  it('columns that are not edited in place only take the focus', async () => {
    const e = await openEditor(ITEMS(), gridElement(ITEMS()))
    await e.editing.startEdit(1, 'domain')
    expect(e.editing.focusCol.value).toBe('domain')
    expect(e.editor.selectedId.value).toBe(1)
    expect(e.editing.editing.value).toBeNull()
    expect(e.editing.carrierEdit.value).toBeNull()
  })

  it('a click outside the open checklist keeps what was ticked', async () => {
    const e = await openEditor(ITEMS(), gridElement(ITEMS()))
    document.addEventListener('mousedown', e.editing.onPointerDown, true)
    await e.editing.startEdit(1, 'channels')
    e.editing.carrierEdit.value!.value.push('政务服务中心')
    const pop = document.createElement('div')
    pop.className = 'carrier-pop'
    document.body.append(pop)
    pop.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    expect(e.editing.carrierEdit.value).not.toBeNull()
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    expect(e.editing.carrierEdit.value).toBeNull()
    await written(e)
    expect(store.find(1).channels.standard).toEqual(['政府网站', '政务服务中心'])
    document.removeEventListener('mousedown', e.editing.onPointerDown, true)
  })

  it('finish (the screen closes) keeps a cell being typed in; reset (another catalog) drops it', async () => {
    const e = await openEditor(ITEMS(), gridElement(ITEMS()))
    await typeIn(e, 1, 'l2', '留下')
    e.editing.finish()
    await written(e)
    expect(store.find(1).l2).toBe('留下')
    await typeIn(e, 1, 'l2', '不留')
    e.reset()
    await written(e)
    expect(e.editing.editing.value).toBeNull()
    expect(store.find(1).l2).toBe('留下')
  })
})
