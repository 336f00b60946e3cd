import { describe, it, expect } from 'vitest'
import type { FileCheck, FileFinding, Finding } from '../bindings/review'
import { FIELD_LABELS } from '../bindings/review'
import {
  annotateSummary, batchSummary, bySeverity, countBySeverity, coverageText, fieldLabel, fileFindingLocation, fileRow, findingItemId, findingLocation, itemName,
  mergeChecks, progressPercent, severityTagType, visibleFindings,
} from './review'

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'R101-required-field', severity: '警告', domain: '社会救助', item: null, field: null, sheet: null, cell: null,
  message: '缺少公开时限。', suggestion: null, ...over,
})
const stored = { id: 42, l1: '临时救助', l2: '审批结果', sheet: null, row: null }
const inFile = { id: null, l1: '临时救助', l2: '', sheet: '社会救助', row: 12 }

describe('findings', () => {
  it('puts errors first and keeps the order within a severity', () => {
    const list = [finding({ rule: 'a', severity: '提示' }), finding({ rule: 'b' }), finding({ rule: 'c', severity: '错误' }), finding({ rule: 'd' })]
    expect(bySeverity(list).map((f) => f.rule)).toEqual(['c', 'b', 'd', 'a'])
    expect(visibleFindings(list, ['警告']).map((f) => f.rule)).toEqual(['b', 'd'])
    expect(countBySeverity(list)).toEqual({ 错误: 1, 警告: 2, 提示: 1 })
  })
  it('says where a finding points, as Finding::location does', () => {
    expect(findingLocation(finding({ sheet: '社会救助', cell: 'F12', item: inFile }))).toBe('社会救助!F12')
    expect(findingLocation(finding({ sheet: '社会救助', item: inFile }))).toBe('社会救助 第12行')
    expect(findingLocation(finding({ sheet: '社会救助' }))).toBe('社会救助')
    expect(findingLocation(finding({ item: stored }))).toBe('临时救助 / 审批结果')
    expect(findingLocation(finding({}))).toBe('社会救助')
  })
  it('names items and fields in Chinese', () => {
    expect(itemName(stored)).toBe('临时救助 / 审批结果')
    expect(itemName(inFile)).toBe('临时救助')
    expect(itemName({ l1: '', l2: '办事指南' })).toBe('办事指南')
    expect(itemName(null)).toBe('')
    expect(fieldLabel('time_limit')).toBe('公开时限')
    expect(fieldLabel(null)).toBe('')
    expect(Object.keys(FIELD_LABELS)).toHaveLength(12)
  })
  it('finds the catalog item of a finding of a stored catalog', () => {
    expect(findingItemId(finding({ item: stored }))).toBe(42)
    expect(findingItemId(finding({ item: inFile }))).toBe(null)
    expect(findingItemId(finding({}))).toBe(null)
  })
  it('tags severities with Element Plus types', () => {
    expect(['错误', '警告', '提示'].map((s) => severityTagType(s as Finding['severity']))).toEqual(['danger', 'warning', 'info'])
  })
})

const checked = (errors: number, percent: number): Omit<FileCheck, 'path' | 'unit' | 'domains'> => ({
  items: 10, errors, warnings: 2, infos: 1, coverage: percent, error: null, findings: [], annotated: null, readable: true,
  coverage_detail: { expected: 12, present: 7, not_applicable: 0, missing: 5, percent, domains: [] },
})
const ok: FileCheck = { path: '/in/甲镇.xlsx', unit: '某某县甲镇', domains: ['社会救助'], ...checked(1, 58.3) }
const bad: FileCheck = {
  path: '/in/乙镇.xlsx', unit: null, domains: [], items: 0, errors: 0, warnings: 0, infos: 0, coverage: null,
  error: '“乙镇.xlsx”不是 Excel 工作簿。', findings: [], annotated: null, readable: false, coverage_detail: null,
}
const fileFinding = (over: Partial<FileFinding>): FileFinding => ({
  rule: 'R101-required-field', severity: '错误', sheet: null, cell: null, item: null, field: null, message: '', suggestion: null,
  domain: '社会救助', row: null, ...over,
})

describe('workbench', () => {
  it('turns a checked file into a summary row', () => {
    expect(fileRow(ok)).toMatchObject({ name: '甲镇.xlsx', unit: '某某县甲镇', items: 10, errors: 1, warnings: 2, coverage: 58.3, coverageLabel: '58.3%', failure: null })
    expect(fileRow(bad)).toMatchObject({ name: '乙镇.xlsx', unit: '', items: null, errors: null, coverageLabel: '—', failure: bad.error })
    expect(coverageText({ percent: 100 })).toBe('100.0%')
  })
  it('replaces a file checked again and appends new ones', () => {
    const again = { ...ok, ...checked(0, 100) }
    const merged = mergeChecks([ok, bad], [again, { ...ok, path: '/in/丙镇.xlsx' }])
    expect(merged.map((c) => c.path)).toEqual(['/in/甲镇.xlsx', '/in/乙镇.xlsx', '/in/丙镇.xlsx'])
    expect(merged[0]!.errors).toBe(0)
  })
  it('sums up a batch and the annotated workbooks', () => {
    expect(batchSummary([ok, bad])).toBe('共 2 个文件：1 个有错误，1 个读不了。')
    const s = annotateSummary([
      { source: ok.path, output: '/out/甲镇（审核意见）.xlsx', failure: null },
      { source: bad.path, output: null, failure: '读不了' },
    ])
    expect([s.ok, s.failed.length, s.text]).toEqual([1, 1, '已写出 1 个批注工作簿，1 个没有写成。'])
    expect(annotateSummary([]).text).toBe('已写出 0 个批注工作簿。')
  })
  it('locates a finding of a checked file', () => {
    expect(fileFindingLocation(fileFinding({ sheet: '社会救助', cell: 'F12', row: 12 }))).toBe('社会救助!F12')
    expect(fileFindingLocation(fileFinding({ sheet: '社会救助', row: 12 }))).toBe('社会救助 第12行')
    expect(fileFindingLocation(fileFinding({ sheet: '社会救助' }))).toBe('社会救助')
    expect(fileFindingLocation(fileFinding({ item: '临时救助 / 审批结果' }))).toBe('临时救助 / 审批结果')
    expect(fileFindingLocation(fileFinding({}))).toBe('社会救助')
  })
  it('shows progress as a percentage', () => {
    expect(progressPercent(0, 0)).toBe(0)
    expect(progressPercent(1, 3)).toBe(33)
    expect(progressPercent(5, 3)).toBe(100)
  })
})
