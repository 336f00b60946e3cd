// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { fakeApi, item, store } from '../test/fakeStore'
import { gridElement, openEditor, settled } from '../test/editor'

vi.mock('../lib/api', async (orig) => ({ ...(await orig<typeof import('../lib/api')>()), api: (await import('../test/fakeStore')).fakeApi }))

const ITEMS = () => [item(1, '社会救助', '综合业务', '政策法规'), item(2, '社会救助', '综合业务', '办事指南'), item(3, '就业', '就业服务', '招聘信息')]

afterEach(() => { document.body.innerHTML = '' })

async function setup() {
  const grid = gridElement(ITEMS())
  const e = await openEditor(ITEMS(), grid)
  window.addEventListener('keydown', e.keys.onKey)
  return { e, grid, done: () => window.removeEventListener('keydown', e.keys.onKey) }
}

/** Presses a key on `target` (the grid by default) as the browser would; returns the event. */
async function press(target: Element, key: string, mods: KeyboardEventInit = {}) {
  const ev = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods })
  target.dispatchEvent(ev)
  await settled()
  return ev
}

describe('keys on the grid', () => {
  it('↑/↓ select rows (from the first when nothing is selected), stopping at the ends', async () => {
    const { e, grid, done } = await setup()
    expect((await press(grid, 'ArrowDown')).defaultPrevented).toBe(true)
    expect(e.editor.selectedId.value).toBe(1)
    await press(grid, 'ArrowDown')
    await press(grid, 'ArrowDown')
    await press(grid, 'ArrowDown')
    expect(e.editor.selectedId.value).toBe(3)
    expect(e.scrolls.at(-1)).toEqual([2, 'auto'])
    await press(grid, 'ArrowUp')
    expect(e.editor.selectedId.value).toBe(2)
    done()
  })

  it('←/→ move the focused cell over the columns but the drag handle', async () => {
    const { e, grid, done } = await setup()
    e.editor.select(1)
    expect(e.editing.focusCol.value).toBe('l2')
    await press(grid, 'ArrowRight')
    expect(e.editing.focusCol.value).toBe('time')
    for (let i = 0; i < 6; i++) await press(grid, 'ArrowLeft')
    expect(e.editing.focusCol.value).toBe('seq')
    done()
  })

  it('Enter edits the focused text cell; Enter in the editor keeps the text, Esc drops it', async () => {
    const { e, grid, done } = await setup()
    await press(grid, 'ArrowDown')
    await press(grid, 'Enter')
    expect(e.editing.editing.value).toEqual({ id: 1, col: 'l2', value: '政策法规' })
    e.editing.editing.value!.value = '  政策法规文件 '
    const input = document.createElement('input')
    input.addEventListener('keydown', (ev) => e.editing.onEditorKey(ev))
    input.className = 'cell-editor'
    grid.append(input)
    const enter = await press(input, 'Enter')
    expect(enter.defaultPrevented).toBe(true)
    expect(e.editing.editing.value).toBeNull()
    expect(document.activeElement).toBe(grid)
    await e.editor.settle()
    expect(store.find(1).l2).toBe('政策法规文件')
    await press(grid, 'F2')
    e.editing.editing.value!.value = '不要'
    await press(input, 'Escape')
    expect(e.editing.editing.value).toBeNull()
    await e.editor.settle()
    expect(fakeApi.updateItem).toHaveBeenCalledTimes(1)
    done()
  })

  it('Enter on a toggle cell steps into its toggles; ←/→ go between them, Esc back to the grid', async () => {
    const { e, grid, done } = await setup()
    e.editor.select(2)
    e.editing.focusCol.value = 'mode'
    await press(grid, 'Enter')
    const togs = grid.querySelectorAll<HTMLElement>('.el-table-v2__row[data-id="2"] [data-col="mode"] .tog')
    expect(document.activeElement).toBe(togs[0])
    await press(togs[0]!, 'ArrowRight')
    expect(document.activeElement).toBe(togs[1])
    await press(togs[1]!, 'Escape')
    expect(document.activeElement).toBe(grid)
    togs[0]!.focus()
    await press(togs[0]!, 'ArrowDown') // leaves the cell and selects the next row
    expect(e.editor.selectedId.value).toBe(3)
    done()
  })

  it('Alt+↑/↓ move the selected item, also from outside the grid but not from a text field', async () => {
    const { e, grid, done } = await setup()
    e.editor.select(2)
    await press(grid, 'ArrowUp', { altKey: true })
    expect(store.order('社会救助')).toEqual([2, 1])
    const button = document.createElement('button')
    document.body.append(button)
    await press(button, 'ArrowDown', { altKey: true })
    expect(store.order('社会救助')).toEqual([1, 2])
    const field = document.createElement('input')
    document.body.append(field)
    const ev = await press(field, 'ArrowUp', { altKey: true })
    expect(ev.defaultPrevented).toBe(false)
    expect(fakeApi.moveItem).toHaveBeenCalledTimes(2)
    done()
  })

  it('Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) undo and redo from anywhere', async () => {
    const { e, grid, done } = await setup()
    await e.editor.editItem(1, (f) => { f.l2 = '改' })
    const field = document.createElement('input')
    document.body.append(field)
    expect((await press(field, 'z', { ctrlKey: true })).defaultPrevented).toBe(true)
    await settled()
    expect(store.find(1).l2).toBe('政策法规')
    await press(grid, 'Z', { ctrlKey: true, shiftKey: true })
    await settled()
    expect(store.find(1).l2).toBe('改')
    await press(grid, 'z', { ctrlKey: true })
    await press(grid, 'y', { ctrlKey: true })
    await settled()
    expect(store.find(1).l2).toBe('改')
    done()
  })

  it('while the carrier checklist is open, Esc closes it unchanged and Enter keeps the ticks', async () => {
    const { e, grid, done } = await setup()
    const pop = document.createElement('div')
    pop.className = 'carrier-pop'
    const box = document.createElement('input')
    box.type = 'checkbox'
    pop.append(box)
    document.body.append(pop)
    e.editor.select(1)
    e.editing.focusCol.value = 'channels'
    await press(grid, 'Enter')
    await nextTick()
    expect(e.editing.carrierEdit.value).toMatchObject({ id: 1, value: ['政府网站'] })
    expect(document.activeElement).toBe(box)
    e.editing.carrierEdit.value!.value.push('公开查阅点')
    await press(grid, 'ArrowDown') // the grid's keys wait
    expect(e.editor.selectedId.value).toBe(1)
    await press(box, 'Escape')
    expect(e.editing.carrierEdit.value).toBeNull()
    await e.editor.settle()
    expect(fakeApi.updateItem).not.toHaveBeenCalled()
    await press(grid, 'Enter')
    e.editing.carrierEdit.value!.value = ['公开查阅点', '政府网站']
    await press(box, 'Enter')
    await e.editor.settle()
    expect(store.find(1).channels.standard).toEqual(['政府网站', '公开查阅点']) // in the official order
    done()
  })
})
