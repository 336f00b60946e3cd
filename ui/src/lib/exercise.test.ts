import { describe, expect, it } from 'vitest'
import type { ImportPreview, PreviewItem } from '../bindings/core'
import type { FileCheck } from '../bindings/review'
import { columnOf, exerciseRows, faultKeys, faultsAt, faultsOf } from './exercise'

const item = (row: number, cells: PreviewItem['cells'], extra: Partial<PreviewItem> = {}): PreviewItem => ({
  sheet: '就业', row, cells, id: null, provenance: null, domain: '就业', l1: '就业信息服务', l2: `事项${row}`, content: '', elements: [],
  basis: [], time_limit: '20个工作日内', subject: '街道办事处', channels: { standard: ['政府网站'], extra: [] }, audience: [],
  audience_group: null, mode: ['主动'], level: [], notes: '', ...extra,
})
const preview: ImportPreview = {
  file: 'mistakes-street.xlsx', origin: null, unit_hint: null,
  sheets: [{ sheet: '就业', domain: '就业', items: [
    item(4, { l1: 'B4', l2: 'C4', time_limit: 'F4', audience: 'I4' }),
    item(5, { l1: 'B4', l2: 'C5' }, { time_limit: '' }),
  ], diagnostics: [
    { sheet: '就业', cell: 'H4', severity: '警告', code: 'damaged_marks', message: '载体清单里的 t/口 是字体损坏后的 ■/□', raw: 't政府网站' },
    { sheet: '就业', cell: 'D5', severity: '提示', code: 'tidied', message: '去掉了多余空格', raw: null },
  ] }],
}
const check = {
  path: 'x', unit: null, domains: ['就业'], error: null, readable: true,
  findings: [
    { rule: 'R102-audience-marks', severity: '错误', domain: '就业', item: null, field: 'audience', sheet: '就业', cell: 'I4', row: 4, message: '没有勾选公开对象', suggestion: null },
    { rule: 'R101-required-field', severity: '错误', domain: '就业', item: null, field: 'time_limit', sheet: '就业', cell: 'F5', row: 5, message: '公开时限空白', suggestion: null },
    { rule: 'R301-missing', severity: '警告', domain: '就业', item: null, field: null, sheet: null, cell: null, row: null, message: '缺少指引事项', suggestion: null },
  ],
} as unknown as FileCheck

describe('spot-the-mistake exercise', () => {
  it('places every shown cell, blank ones by their column', () => {
    expect(columnOf('F12')).toBe('F')
    const rows = exerciseRows(preview, '就业')
    expect(rows.map((r) => r.row)).toEqual([4, 5])
    expect(rows[0]?.cells.find((c) => c.field === 'l2')).toEqual({ field: 'l2', ref: 'C4', text: '事项4' })
    // Row 5's blank 公开时限 was not placed by the reader: column F of row 4, row 5.
    expect(rows[1]?.cells.find((c) => c.field === 'time_limit')).toEqual({ field: 'time_limit', ref: 'F5', text: '' })
    // A field no row placed has no address.
    expect(rows[1]?.cells.find((c) => c.field === 'level')?.ref).toBe('')
  })

  it('finds the review’s findings and the damaged marks at their cells', () => {
    const faults = faultsOf(check, preview)
    expect(faults.map((f) => `${f.cell} ${f.code}`)).toEqual(['I4 R102-audience-marks', 'F5 R101-required-field', 'H4 读取提示'])
    expect(faultsAt(faults, '就业', 'f5').map((f) => f.code)).toEqual(['R101-required-field'])
    expect(faultsAt(faults, '就业', 'C4')).toEqual([])
    expect(faultsAt(faults, '其他', 'I4')).toEqual([])
    expect(faultKeys(faults, '就业')).toEqual(['就业!I4', '就业!F5', '就业!H4'])
  })
})
