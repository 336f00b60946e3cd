import { describe, it, expect } from 'vitest'
import {
  applyMove, cellKind, dropWhere, editorAction, gridAction, planDrop, stepColumn, stepPosition, stepRow, toggled,
  AUDIENCES, FOCUSABLE, LEVELS, MODES,
} from './grid'

// Two domains; 社会救助 has two 一级事项 runs (ids 1–3 and 4–5).
const ITEMS = [
  { id: 1, domain: '社会救助' }, { id: 2, domain: '社会救助' }, { id: 3, domain: '社会救助' },
  { id: 4, domain: '社会救助' }, { id: 5, domain: '社会救助' },
  { id: 10, domain: '养老服务' }, { id: 11, domain: '养老服务' },
]
const order = (domain: string) => ITEMS.filter((i) => i.domain === domain).map((i) => i.id)

describe('planDrop', () => {
  it('gives move_item the position that puts the item right before or after the target', () => {
    const cases: [number, number, 'before' | 'after'][] = [
      [1, 3, 'after'], [1, 3, 'before'], [5, 1, 'before'], [5, 2, 'after'], [3, 5, 'after'], [4, 1, 'before'], [2, 4, 'before'],
    ]
    for (const [drag, target, where] of cases) {
      const plan = planDrop(ITEMS, drag, target, where)
      expect(plan.ok, `${drag} ${where} ${target}`).toBe(true)
      if (!plan.ok) continue
      const now = applyMove(order('社会救助'), drag, plan.position)
      const t = now.indexOf(target)
      expect(now.indexOf(drag), `${drag} ${where} ${target} → ${now.join(',')}`).toBe(where === 'before' ? t - 1 : t + 1)
      expect(plan.from).toBe(order('社会救助').indexOf(drag))
      // Undo: moving back to `from` restores the order.
      expect(applyMove(now, drag, plan.from)).toEqual(order('社会救助'))
    }
  })

  it('moves down: the position counts the items without the dragged one', () => {
    expect(planDrop(ITEMS, 1, 3, 'after')).toEqual({ ok: true, from: 0, position: 2 })
    expect(planDrop(ITEMS, 1, 5, 'after')).toEqual({ ok: true, from: 0, position: 4 })
    expect(planDrop(ITEMS, 5, 1, 'before')).toEqual({ ok: true, from: 4, position: 0 })
  })

  it('crosses 一级事项 runs within a domain', () => {
    expect(planDrop(ITEMS, 2, 4, 'after')).toEqual({ ok: true, from: 1, position: 3 })
  })

  it('refuses another domain, and drops that change nothing', () => {
    expect(planDrop(ITEMS, 1, 10, 'before')).toEqual({ ok: false, reason: 'domain' })
    expect(planDrop(ITEMS, 11, 5, 'after')).toEqual({ ok: false, reason: 'domain' })
    expect(planDrop(ITEMS, 2, 2, 'after')).toEqual({ ok: false, reason: 'same' })
    expect(planDrop(ITEMS, 2, 1, 'after')).toEqual({ ok: false, reason: 'same' })
    expect(planDrop(ITEMS, 2, 3, 'before')).toEqual({ ok: false, reason: 'same' })
    expect(planDrop(ITEMS, 2, 99, 'before')).toEqual({ ok: false, reason: 'missing' })
  })

  it('uses the whole catalog order, not only the rows a search shows', () => {
    // A search shows only 1 and 4: dropping 4 after 1 puts it second in the domain, before 2.
    const plan = planDrop(ITEMS, 4, 1, 'after')
    expect(plan).toEqual({ ok: true, from: 3, position: 1 })
    if (plan.ok) expect(applyMove(order('社会救助'), 4, plan.position)).toEqual([1, 4, 2, 3, 5])
  })
})

describe('dropWhere', () => {
  it('splits a row at its middle', () => {
    expect(dropWhere(100, 100, 36)).toBe('before')
    expect(dropWhere(117, 100, 36)).toBe('before')
    expect(dropWhere(118, 100, 36)).toBe('after')
    expect(dropWhere(135, 100, 36)).toBe('after')
  })
})

describe('stepPosition (上移/下移, Alt+↑/↓)', () => {
  it('moves one place within the domain and stops at its ends', () => {
    expect(stepPosition(ITEMS, 2, -1)).toEqual({ from: 1, position: 0 })
    expect(stepPosition(ITEMS, 2, 1)).toEqual({ from: 1, position: 2 })
    expect(stepPosition(ITEMS, 1, -1)).toBeNull()
    expect(stepPosition(ITEMS, 5, 1)).toBeNull() // not into 养老服务
    expect(stepPosition(ITEMS, 10, -1)).toBeNull() // not into 社会救助
    expect(stepPosition(ITEMS, 11, -1)).toEqual({ from: 1, position: 0 })
    expect(stepPosition(ITEMS, 42, 1)).toBeNull()
  })
})

describe('keyboard', () => {
  it('maps keys on the grid to actions', () => {
    expect(gridAction({ key: 'ArrowDown' })).toBe('down')
    expect(gridAction({ key: 'ArrowUp' })).toBe('up')
    expect(gridAction({ key: 'ArrowLeft' })).toBe('left')
    expect(gridAction({ key: 'ArrowRight' })).toBe('right')
    expect(gridAction({ key: 'Enter' })).toBe('edit')
    expect(gridAction({ key: 'F2' })).toBe('edit')
    expect(gridAction({ key: 'ArrowUp', altKey: true })).toBe('moveUp')
    expect(gridAction({ key: 'ArrowDown', altKey: true })).toBe('moveDown')
    expect(gridAction({ key: 'ArrowLeft', altKey: true })).toBeNull()
    expect(gridAction({ key: 'z', ctrlKey: true })).toBeNull()
    expect(gridAction({ key: 'ArrowDown', ctrlKey: true })).toBeNull()
    expect(gridAction({ key: 'a' })).toBeNull()
  })

  it('commits on Enter and cancels on Esc, but not while an IME is composing', () => {
    expect(editorAction({ key: 'Enter' })).toBe('commit')
    expect(editorAction({ key: 'Escape' })).toBe('cancel')
    expect(editorAction({ key: 'Enter', isComposing: true })).toBeNull()
    expect(editorAction({ key: 'a' })).toBeNull()
  })

  it('moves the focused column and row, stopping at the ends', () => {
    expect(stepColumn('l2', 1)).toBe('time')
    expect(stepColumn('l2', -1)).toBe('l1')
    expect(stepColumn('seq', -1)).toBe('seq') // the drag handle is not focusable
    expect(stepColumn('prov', 1)).toBe('prov')
    expect(stepColumn('drag', 1)).toBe('time') // unknown → from 二级事项
    expect(FOCUSABLE).not.toContain('drag')
    expect(stepRow(-1, 1, 5)).toBe(0)
    expect(stepRow(0, -1, 5)).toBe(0)
    expect(stepRow(3, 1, 5)).toBe(4)
    expect(stepRow(4, 1, 5)).toBe(4)
    expect(stepRow(0, 1, 0)).toBe(-1)
  })

  it('knows which cells are edited how', () => {
    expect(cellKind('l2')).toBe('text')
    expect(cellKind('time')).toBe('text')
    expect(cellKind('channels')).toBe('carriers')
    expect(['audience', 'mode', 'level'].map((c) => cellKind(c as 'mode'))).toEqual(['toggle', 'toggle', 'toggle'])
    expect(cellKind('seq')).toBeNull()
    expect(cellKind('prov')).toBeNull()
  })
})

describe('toggled', () => {
  it('switches a value on or off, keeping the vocabulary order', () => {
    expect(toggled(['依申请'], '主动', MODES)).toEqual(['主动', '依申请'])
    expect(toggled(['主动', '依申请'], '主动', MODES)).toEqual(['依申请'])
    expect(toggled([], '乡级', LEVELS)).toEqual(['乡级'])
    expect(toggled(['乡级'], '县级', LEVELS)).toEqual(['县级', '乡级'])
    expect(toggled(['全社会'], '全社会', AUDIENCES)).toEqual([])
  })
})
