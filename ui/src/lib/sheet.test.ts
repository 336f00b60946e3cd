import { describe, it, expect } from 'vitest'
import type { CellMark, DecidedFinding } from '../bindings/api'
import type { FileFinding, SheetGrid } from '../bindings/review'
import {
  GUTTER, ROW_HEIGHT, boxesForRows, cellName, cellText, columnLefts, columnName, columnWidths, findingCell, headerRows,
  isHeaderRow, markAt, markClass, markIndex, markLook, markTitle, mergeIndex, scrollToShow, visibleRows,
} from './sheet'

// The official table as a township draws it: a title over all columns, the two-row header (一级事项 and 二级事项
// down over both rows, 公开对象 and 公开方式 across their two sub-columns), and 一级事项 merged down over its items.
const grid: SheetGrid = {
  sheets: ['社会救助', '就业'],
  sheet: '社会救助',
  rows: 6,
  cols: 6,
  total_rows: 6,
  total_cols: 6,
  cells: [
    ['某某镇政务公开标准目录'],
    ['一级事项', '二级事项', '公开对象', '', '公开方式'],
    ['', '', '全社会', '特定群体', '主动', '依申请'],
    ['最低生活保障', '低保审批', '√', '', '√'],
    ['', '低保资金发放', '√', '', '√', '√'],
    ['', '低保对象名单'],
  ],
  merges: [
    { row: 0, col: 0, rows: 1, cols: 6 },
    { row: 1, col: 0, rows: 2, cols: 1 },
    { row: 1, col: 1, rows: 2, cols: 1 },
    { row: 1, col: 2, rows: 1, cols: 2 },
    { row: 1, col: 4, rows: 1, cols: 2 },
    { row: 3, col: 0, rows: 3, cols: 1 },
  ],
  headers: [{ row: 1, rows: 2 }],
  cut_cells: 0,
}

const finding = (severity: FileFinding['severity'], cell: string, message: string): FileFinding => ({
  rule: 'R103-mode-marks', severity, sheet: '社会救助', cell, item: null, field: null, message, suggestion: null, domain: '社会救助', row: null,
})
const decided = (f: FileFinding, waived = false): DecidedFinding => ({
  finding: f,
  place: `社会救助!${f.cell}`,
  decision: waived ? { unit_id: 1, rule: f.rule, place: `社会救助!${f.cell}`, verdict: '不采纳', reason: '确有两种', reviewer: '张三', decided_at: '', round: 1 } : null,
})

describe('cell names', () => {
  it('uses Excel column letters and 1-based rows', () => {
    expect([0, 7, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'H', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA'])
    expect(cellName(11, 7)).toBe('H12')
    expect(cellText(grid, 5, 4)).toBe('')
    expect(cellText(grid, 99, 0)).toBe('')
  })
})

describe('merged layout', () => {
  const idx = mergeIndex(grid.merges)

  it('draws the two-row header as the official table: spans over rows and columns, covered cells not drawn', () => {
    const head = boxesForRows(grid, idx, 1, 3)
    expect(head).toEqual([
      { row: 1, col: 0, rows: 2, cols: 1 },
      { row: 1, col: 1, rows: 2, cols: 1 },
      { row: 1, col: 2, rows: 1, cols: 2 },
      { row: 1, col: 4, rows: 1, cols: 2 },
      { row: 2, col: 2, rows: 1, cols: 1 },
      { row: 2, col: 3, rows: 1, cols: 1 },
      { row: 2, col: 4, rows: 1, cols: 1 },
      { row: 2, col: 5, rows: 1, cols: 1 },
    ])
    expect(headerRows(grid)).toEqual({ row: 1, rows: 2 })
    expect([0, 1, 2, 3].map((r) => isHeaderRow(grid, r))).toEqual([false, true, true, false])
  })

  it('keeps a block merged down over many rows while only its lower rows are in view', () => {
    const lower = boxesForRows(grid, idx, 5, 6)
    expect(lower[0]).toEqual({ row: 3, col: 0, rows: 3, cols: 1 })
    expect(lower.filter((b) => b.col === 0)).toHaveLength(1)
    // Each box once, however many of its rows are in view.
    const all = boxesForRows(grid, idx, 0, 6)
    expect(new Set(all.map((b) => `${b.row}:${b.col}`)).size).toBe(all.length)
  })

  it('windows the rows around the scroll position', () => {
    expect(visibleRows(0, 10 * ROW_HEIGHT, 5000, 2)).toEqual([0, 12])
    expect(visibleRows(1000 * ROW_HEIGHT, 10 * ROW_HEIGHT, 5000, 2)).toEqual([998, 1012])
    expect(visibleRows(4995 * ROW_HEIGHT, 10 * ROW_HEIGHT, 5000, 2)).toEqual([4993, 5000])
  })

  it('sizes columns by their own texts, not by titles spanning several columns', () => {
    const w = columnWidths(grid, idx)
    expect(w).toHaveLength(6)
    expect(w[0]).toBe(6 * 13 + 12) // 最低生活保障; the title in A1 spans all columns and is ignored
    expect(w[3]).toBe(4 * 13 + 12) // 特定群体
    expect(Math.min(...w)).toBeGreaterThanOrEqual(48)
    expect(columnWidths({ ...grid, cells: [['长'.repeat(500)]] }, mergeIndex([]))[0]).toBe(260)
    expect(columnLefts([50, 60])).toEqual([GUTTER, GUTTER + 50, GUTTER + 110])
  })
})

describe('findings on cells', () => {
  const f0 = finding('警告', 'E5', '公开方式两个都勾了')
  const f1 = finding('错误', 'E5', '公开方式不明')
  const findings = [
    decided(f0),
    decided(f1),
    decided(finding('提示', 'B6', '名称可简化'), true),
    decided({ ...finding('错误', '', '缺公开时限'), cell: null, row: 4 }),
  ]
  const rowMark: CellMark = { row: 3, col: null, severity: '错误', waived: false, findings: [3] }
  const e5: CellMark = { row: 4, col: 4, severity: '错误', waived: false, findings: [0, 1] }
  const b6: CellMark = { row: 5, col: 1, severity: '提示', waived: true, findings: [2] }
  const idx = markIndex([rowMark, e5, b6])

  it('finds a finding\'s cell or row, and the mark of a cell', () => {
    expect(findingCell(idx, 1)).toEqual({ row: 4, col: 4 })
    expect(findingCell(idx, 3)).toEqual({ row: 3, col: null })
    expect(findingCell(idx, 9)).toBeNull()
    expect(markAt(idx, 4, 4)?.findings).toEqual([0, 1])
    expect(markAt(idx, 3, 0)).toBeUndefined()
    expect(idx.rows.get(3)?.findings).toEqual([3])
  })

  it('colours a cell by its worst open finding and greys it when all are waived', () => {
    expect(markLook(e5, findings)).toEqual({ severity: '错误', waived: false })
    expect(markClass(markLook(e5, findings))).toBe('sev-error')
    expect(markClass(markLook(b6, findings))).toBe('sev-info waived')
    // Waiving the error since the sheet was read: the warning is what is left.
    const now = findings.map((f, i) => (i === 1 ? decided(f1, true) : f))
    expect(markLook(e5, now)).toEqual({ severity: '警告', waived: false })
    expect(markClass(markLook(e5, now))).toBe('sev-warning')
    const all = [decided(f0, true), decided(f1, true)]
    expect(markLook(e5, all)).toEqual({ severity: '错误', waived: true })
  })

  it('lists the messages as plain text in the tooltip', () => {
    expect(markTitle(e5, findings, 4, 4)).toBe('E5\n警告：公开方式两个都勾了\n错误：公开方式不明')
    expect(markTitle(b6, findings, 5, 1)).toBe('B6\n提示：名称可简化（不采纳）')
    expect(markTitle(rowMark, findings, 3, null)).toBe('第4行\n错误：缺公开时限')
  })
})

describe('scrolling to a cell', () => {
  const view = { scrollTop: 0, scrollLeft: 0, width: 800, height: 400, stickyHeight: 78 }

  it('leaves a visible cell where it is', () => {
    expect(scrollToShow({ top: 200, left: 100, width: 80, height: 28 }, view)).toEqual({ top: 0, left: 0 })
  })

  it('centres a cell below the sticky header, and brings a column on the right into view', () => {
    const to = scrollToShow({ top: 5000, left: 1200, width: 100, height: 28 }, view)
    expect(to.top).toBe(Math.round(5000 - 78 - (400 - 78 - 28) / 2))
    expect(to.left).toBe(1200 - GUTTER - 24)
    // A cell hidden under the sticky header counts as out of view.
    expect(scrollToShow({ top: 1030, left: 100, width: 80, height: 28 }, { ...view, scrollTop: 1000 }).top).toBeLessThan(1000)
  })
})
