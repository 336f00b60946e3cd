import { describe, it, expect } from 'vitest'
import type { DeskDashboard, LetterWritten } from '../bindings/api'
import {
  STATUS_COLORS, barsHeight, boardSummary, coverageOption, dataUrlBytes, imageLayout, lettersText, ruleLabel, rulesOption,
  staleLines, staleTitle, statusOption,
} from './dashboard'

const board: DeskDashboard = {
  units: 4,
  year: 2026,
  by_status: [
    { status: '未报送', units: 1 }, { status: '退回修改', units: 2 }, { status: '待审', units: 0 }, { status: '通过', units: 1 },
  ],
  domains: [
    { domain: '养老服务', units: 1, average: 50, lowest: 50 },
    { domain: '社会救助', units: 3, average: 92.5, lowest: 80 },
  ],
  rules: [
    { rule: 'R102-audience-marks', title: '公开对象没有勾选或两项都勾', severity: '错误', findings: 5, units: 2 },
    { rule: 'R999-unknown', title: 'R999-unknown', severity: '警告', findings: 1, units: 1 },
  ],
  stale: [
    { name: '丙镇人民政府', kind: '乡镇', last_received: null },
    { name: '丁镇人民政府', kind: '乡镇', last_received: '2025-11-30' },
  ],
}

// The series data of an option built by this module.
const series = (o: unknown) => (o as { series: { data: unknown[] }[] }).series[0]?.data ?? []
const yAxis = (o: unknown) => (o as { yAxis: { data: string[] } }).yAxis.data

describe('the dashboard', () => {
  it('sums up the statuses, leaving out the empty ones', () => {
    expect(boardSummary(board)).toBe('共 4 个单位：未报送 1、退回修改 2、通过 1。')
    expect(boardSummary({ ...board, units: 0, by_status: [] })).toBe('共 0 个单位。')
  })

  it('draws a slice per status with units, in the status colours', () => {
    expect(series(statusOption(board))).toEqual([
      { name: '未报送', value: 1, itemStyle: { color: STATUS_COLORS['未报送'] } },
      { name: '退回修改', value: 2, itemStyle: { color: STATUS_COLORS['退回修改'] } },
      { name: '通过', value: 1, itemStyle: { color: STATUS_COLORS['通过'] } },
    ])
  })

  it('draws the coverage per domain, the first domain on top, coloured by how much is covered', () => {
    const o = coverageOption(board)
    expect(yAxis(o)).toEqual(['社会救助', '养老服务'])
    expect(series(o)).toEqual([
      { value: 92.5, itemStyle: { color: '#67c23a' } },
      { value: 50, itemStyle: { color: '#f56c6c' } },
    ])
  })

  it('draws the most frequent rules on top, labelled by number and title', () => {
    const o = rulesOption(board)
    expect(yAxis(o)).toEqual(['R999-unknown', 'R102 公开对象没有勾选或两项都勾'])
    expect(series(o).map((d) => (d as { value: number }).value)).toEqual([1, 5])
    expect(ruleLabel('R201-basis-repealed', '公开依据已废止')).toBe('R201 公开依据已废止')
  })

  it('charts grow with the bars and never draw animations (the image is taken at once)', () => {
    expect(barsHeight(0)).toBe(160)
    expect(barsHeight(26)).toBe(56 + 26 * 26)
    for (const o of [statusOption(board), coverageOption(board), rulesOption(board)]) expect((o as { animation: boolean }).animation).toBe(false)
  })

  it('lists the units not updated this year', () => {
    expect(staleTitle(board)).toBe('今年（2026 年）没有更新的单位（2）')
    expect(staleLines(board)).toEqual(['丙镇人民政府（从未报送）', '丁镇人民政府（上次 2025-11-30）'])
  })
})

describe('letters for all units', () => {
  const ok: LetterWritten = { unit: '甲镇', path: '/out/甲镇审核意见.docx', accepted: 2, failure: null }
  it('says how many were written, and which were not', () => {
    expect(lettersText([], '/out')).toContain('没有写审核意见')
    expect(lettersText([ok], '/out')).toBe('已为 1 个单位写出审核意见，文件夹：/out。')
    expect(lettersText([ok, { unit: '乙镇', path: null, accepted: 1, failure: '磁盘满' }], '/out'))
      .toBe('已为 1 个单位写出审核意见，文件夹：/out；1 个没写成：乙镇（磁盘满）。')
  })
})

describe('the exported image', () => {
  it('decodes a base64 data URL into bytes and refuses anything else', () => {
    // The 8-byte PNG signature.
    expect(dataUrlBytes('data:image/png;base64,iVBORw0KGgo=')).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(() => dataUrlBytes('data:image/png,abc')).toThrow('base64')
    expect(() => dataUrlBytes('iVBORw0KGgo=')).toThrow()
  })

  it('lays the charts out in two columns under the title, the list below', () => {
    const at = imageLayout([{ w: 500, h: 260 }, { w: 500, h: 300 }, { w: 500, h: 400 }], 2)
    expect(at.charts).toEqual([
      { x: 24, y: 72, w: 500, h: 260 },
      { x: 548, y: 72, w: 500, h: 300 },
      { x: 24, y: 396, w: 500, h: 400 },
    ])
    expect(at.width).toBe(24 * 3 + 1000)
    expect(at.listY).toBe(396 + 400 + 24)
    expect(at.height).toBe(at.listY + 22 * 3 + 24)
    expect(imageLayout([{ w: 300, h: 100 }], 0)).toMatchObject({ width: 348, height: 72 + 100 + 24 })
  })
})
