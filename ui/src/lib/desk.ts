// The reviewer's desk on the 审核工作台: the county's unit list, each unit's latest round and status, the
// units still missing, and the reviewer's decision on each finding. The data and the rules (matching a
// file to its unit, rounds, statuses, decisions kept across re-checks) live on the Rust side
// (mulu_api::desk); this file only shapes it for the screen.
import type { DeskRow, DeskView, DecidedFinding, RoundComparison } from '../bindings/api'
import type { DeskStatus } from '../bindings/review'

export const DESK_STATUSES: DeskStatus[] = ['未报送', '退回修改', '待审', '通过']

/** Element Plus tag type of a unit's status. */
export function statusTagType(s: DeskStatus): 'info' | 'danger' | 'warning' | 'success' {
  return s === '退回修改' ? 'danger' : s === '待审' ? 'warning' : s === '通过' ? 'success' : 'info'
}

/** How many units have each status (every status present, in display order). */
export function statusCounts(rows: DeskRow[]): Record<DeskStatus, number> {
  const c: Record<DeskStatus, number> = { 未报送: 0, 退回修改: 0, 待审: 0, 通过: 0 }
  for (const r of rows) c[r.status] += 1
  return c
}

/** The rows with one of the chosen statuses (all rows when none is chosen). */
export function filterRows(rows: DeskRow[], shown: DeskStatus[]): DeskRow[] {
  return shown.length === 0 ? rows : rows.filter((r) => shown.includes(r.status))
}

/** Toggles a status in the filter. */
export function toggleStatus(shown: DeskStatus[], s: DeskStatus): DeskStatus[] {
  return shown.includes(s) ? shown.filter((x) => x !== s) : [...shown, s]
}

/** One line of the unit table. */
export interface DeskLine {
  unitId: number
  name: string
  kind: string
  status: DeskStatus
  round: number | null
  /** `2026-12-02` (the date part of the UTC time received), '' when nothing was received. */
  received: string
  file: string
  errors: number | null
  warnings: number | null
  waived: number
  coverage: string
  unsure: boolean
}

export function deskLine(r: DeskRow): DeskLine {
  const l = r.latest
  return {
    unitId: r.unit.id,
    name: r.unit.name,
    kind: r.unit.kind ?? '',
    status: r.status,
    round: l ? l.round : null,
    received: l ? l.received.slice(0, 10) : '',
    file: l ? l.file_name : '',
    errors: l ? l.open_errors : null,
    warnings: l ? l.open_warnings : null,
    waived: l ? l.waived : 0,
    coverage: l?.coverage != null ? `${l.coverage.toFixed(1)}%` : '—',
    unsure: l ? l.unsure : false,
  }
}

/** `共 5 个单位：通过 1、待审 1、退回修改 1、未报送 2。` */
export function deskSummary(v: DeskView): string {
  const c = statusCounts(v.rows)
  const parts = DESK_STATUSES.filter((s) => c[s] > 0).map((s) => `${s} ${c[s]}`)
  return `共 ${v.rows.length} 个单位：${parts.join('、')}。`
}

/** `还没有报送：丁镇人民政府、某某县教育体育局` ('' when every unit has sent something). */
export function missingText(v: DeskView): string {
  return v.missing.length ? `还没有报送（${v.missing.length}）：${v.missing.join('、')}` : ''
}

/** How a decided finding is shown: '' (undecided), '采纳', or '不采纳：〈reason〉（〈reviewer〉）'. */
export function decisionText(f: DecidedFinding): string {
  const d = f.decision
  if (!d) return ''
  return d.verdict === '采纳' ? `采纳（${d.reviewer}）` : `不采纳：${d.reason}（${d.reviewer}）`
}

export function isWaived(f: DecidedFinding): boolean {
  return f.decision?.verdict === '不采纳'
}

/** The reason typed for a waiver, trimmed; null when blank (a waiver needs a reason). */
export function waiverReason(input: string | null | undefined): string | null {
  const r = (input ?? '').trim()
  return r ? r : null
}

/** `与第 1 轮相比：已改 1 条，新出 1 条，仍在 1 条；事项新增 0、删除 0、改动 2。` */
export function comparisonText(c: RoundComparison | null): string {
  if (!c) return ''
  let s = `与第 ${c.previous_round} 轮相比：已改 ${c.fixed.length} 条，新出 ${c.new.length} 条，仍在 ${c.still_open.length} 条`
  if (c.items) s += `；事项新增 ${c.items.added.length}、删除 ${c.items.removed.length}、改动 ${c.items.changed.length}`
  return `${s}。`
}
