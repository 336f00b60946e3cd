import { describe, it, expect } from 'vitest'
import type { DeskRow, DeskView, DecidedFinding, RoundComparison } from '../bindings/api'
import type { FileFinding } from '../bindings/review'
import {
  DESK_STATUSES, comparisonText, decisionText, deskLine, deskSummary, filterRows, isWaived, missingText, statusCounts,
  statusTagType, toggleStatus, waiverReason,
} from './desk'

const row = (id: number, name: string, status: DeskRow['status'], round: number | null): DeskRow => ({
  unit: { id, name, kind: '乡镇' },
  status,
  rounds: round ?? 0,
  latest: round == null ? null : {
    round, received: '2026-12-02T01:30:00Z', file_name: `${name}.xlsx`, path: `/in/${name}.xlsx`, unsure: id === 2,
    readable: true, errors: 2, warnings: 1, infos: 0, open_errors: 1, open_warnings: 1, waived: 1, coverage: 58.25, status,
  },
})
const view: DeskView = {
  rows: [row(1, '甲镇', '退回修改', 2), row(2, '乙镇', '待审', 1), row(3, '丙镇', '未报送', null), row(4, '丁镇', '未报送', null)],
  missing: ['丙镇', '丁镇'],
}
const finding: FileFinding = {
  rule: 'R201-basis-repealed', severity: '错误', sheet: '社会救助', cell: 'E4', item: null, field: 'basis', message: '', suggestion: null,
  domain: '社会救助', row: 4,
}
const decided = (verdict: '采纳' | '不采纳' | null): DecidedFinding => ({
  finding, place: '社会救助!E4',
  decision: verdict && { unit_id: 1, rule: finding.rule, place: '社会救助!E4', verdict, reason: verdict === '不采纳' ? '已更正' : '', reviewer: '张三', decided_at: '', round: 1 },
})

describe('desk', () => {
  it('counts and filters units by status', () => {
    expect(statusCounts(view.rows)).toEqual({ 未报送: 2, 退回修改: 1, 待审: 1, 通过: 0 })
    expect(filterRows(view.rows, []).length).toBe(4)
    expect(filterRows(view.rows, ['未报送']).map((r) => r.unit.name)).toEqual(['丙镇', '丁镇'])
    expect(toggleStatus(toggleStatus([], '待审'), '待审')).toEqual([])
    expect(DESK_STATUSES.map(statusTagType)).toEqual(['info', 'danger', 'warning', 'success'])
  })
  it('makes a table line of a unit', () => {
    expect(deskLine(view.rows[0]!)).toMatchObject({ name: '甲镇', round: 2, received: '2026-12-02', errors: 1, warnings: 1, waived: 1, coverage: '58.3%', unsure: false })
    expect(deskLine(view.rows[1]!).unsure).toBe(true)
    expect(deskLine(view.rows[2]!)).toMatchObject({ round: null, received: '', errors: null, coverage: '—' })
  })
  it('sums up the desk and names the missing units', () => {
    expect(deskSummary(view)).toBe('共 4 个单位：未报送 2、退回修改 1、待审 1。')
    expect(missingText(view)).toBe('还没有报送（2）：丙镇、丁镇')
    expect(missingText({ rows: [], missing: [] })).toBe('')
  })
  it('shows decisions and needs a reason to waive', () => {
    expect(decisionText(decided(null))).toBe('')
    expect(decisionText(decided('采纳'))).toBe('采纳（张三）')
    expect(decisionText(decided('不采纳'))).toBe('不采纳：已更正（张三）')
    expect(isWaived(decided('不采纳'))).toBe(true)
    expect(isWaived(decided('采纳'))).toBe(false)
    expect(waiverReason('  ')).toBe(null)
    expect(waiverReason(' 已在公示栏更正 ')).toBe('已在公示栏更正')
  })
  it('describes the comparison with the round before', () => {
    const c: RoundComparison = { previous_round: 1, fixed: [finding], new: [], still_open: [finding, finding], items: null }
    expect(comparisonText(c)).toBe('与第 1 轮相比：已改 1 条，新出 0 条，仍在 2 条。')
    expect(comparisonText({ ...c, items: { old: '第 1 轮', new: '第 2 轮', added: [], removed: [], changed: [], unchanged: 3 } }))
      .toBe('与第 1 轮相比：已改 1 条，新出 0 条，仍在 2 条；事项新增 0、删除 0、改动 0。')
    expect(comparisonText(null)).toBe('')
  })
})
