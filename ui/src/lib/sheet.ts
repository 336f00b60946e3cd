// The desk's table view of a submission (SheetView.vue): one sheet of the workbook as the official table —
// merged two-row header, every cell with findings coloured by its worst severity. The sheet is read on the Rust
// side (mulu_api::desk_sheet, in a `mulu worker` child process); this file lays it out for a virtual scroller
// (fixed row height, each cell an absolutely placed box: merged cells span rows and columns) and maps
// findings to cells and back.
import type { CellMark, DecidedFinding } from '../bindings/api'
import type { Severity } from '../bindings/core'
import type { SheetGrid, SheetMerge } from '../bindings/review'
import { isWaived } from './desk'
import { columnLetter } from './portal'

/** Height of one row of the table (px); cells show one line, the full text is in the title and the detail. */
export const ROW_HEIGHT = 28
/** Width of the row-number gutter (px). */
export const GUTTER = 44

/** `0` → `A`, `27` → `AB` (Excel's column letters; the same as the portal's CMS column mapping uses). */
export const columnName = columnLetter

/** `(11, 7)` → `H12`. */
export function cellName(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`
}

/** The text of a cell ('' past the end of a row: the Rust side leaves trailing blanks out). */
export function cellText(g: SheetGrid, row: number, col: number): string {
  return g.cells[row]?.[col] ?? ''
}

const key = (row: number, col: number) => `${row}:${col}`

/** Where the merged areas are: the area starting at a cell, and the area covering any other cell. */
export interface MergeIndex {
  at: Map<string, SheetMerge>
  covered: Map<string, SheetMerge>
}

export function mergeIndex(merges: SheetMerge[]): MergeIndex {
  const at = new Map<string, SheetMerge>()
  const covered = new Map<string, SheetMerge>()
  for (const m of merges) {
    at.set(key(m.row, m.col), m)
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.col; c < m.col + m.cols; c++) {
        if (r !== m.row || c !== m.col) covered.set(key(r, c), m)
      }
    }
  }
  return { at, covered }
}

/** One box to draw: a cell, or a merged area from its top-left cell. */
export interface CellBox {
  row: number
  col: number
  rows: number
  cols: number
}

/** The boxes that show rows `from`..`to` (exclusive): each cell not covered by a merge, and each merged area
 *  overlapping the rows once — also when its top-left cell is above `from` (a 一级事项 merged down over many
 *  rows stays visible while its lower rows are on screen). */
export function boxesForRows(g: SheetGrid, idx: MergeIndex, from: number, to: number): CellBox[] {
  const out: CellBox[] = []
  const seen = new Set<SheetMerge>()
  for (let r = Math.max(0, from); r < Math.min(g.rows, to); r++) {
    for (let c = 0; c < g.cols; c++) {
      const m = idx.at.get(key(r, c)) ?? idx.covered.get(key(r, c))
      if (m) {
        if (seen.has(m)) continue
        seen.add(m)
        out.push({ row: m.row, col: m.col, rows: m.rows, cols: m.cols })
      } else {
        out.push({ row: r, col: c, rows: 1, cols: 1 })
      }
    }
  }
  return out
}

/** The rows to draw for a scroll position (with `overscan` rows either side). */
export function visibleRows(scrollTop: number, height: number, total: number, overscan = 8): [number, number] {
  const first = Math.floor(scrollTop / ROW_HEIGHT)
  const last = Math.ceil((scrollTop + height) / ROW_HEIGHT)
  return [Math.max(0, first - overscan), Math.min(total, last + overscan)]
}

/** Column widths (px) from the texts: a narrow 序号, one character ≈ 13 px, between 48 and 260;
 *  only the first 400 rows are looked at (the header and enough items to judge). */
export function columnWidths(g: SheetGrid, idx: MergeIndex): number[] {
  const chars = new Array<number>(g.cols).fill(2)
  const rows = Math.min(g.rows, 400)
  for (let r = 0; r < rows; r++) {
    const row = g.cells[r] ?? []
    for (let c = 0; c < row.length && c < g.cols; c++) {
      const m = idx.at.get(key(r, c))
      if (m && m.cols > 1) continue // a title or a group name over several columns says nothing about one
      chars[c] = Math.max(chars[c] ?? 0, [...(row[c] ?? '')].length)
    }
  }
  return chars.map((n) => Math.min(260, Math.max(48, n * 13 + 12)))
}

/** Left edge (px) of each column, after the gutter; one more entry for the right edge of the last. */
export function columnLefts(widths: number[]): number[] {
  const out = [GUTTER]
  let x = GUTTER
  for (const w of widths) {
    x += w
    out.push(x)
  }
  return out
}

/** The left edge of column `c` (the right edge of the last for `c` = the column count). */
export function leftOf(lefts: number[], c: number): number {
  return lefts[Math.min(c, lefts.length - 1)] ?? GUTTER
}

/** The rows of the first recognised header (the official table's two rows), or null. */
export function headerRows(g: SheetGrid): { row: number; rows: number } | null {
  const h = g.headers[0]
  return h ? { row: h.row, rows: h.rows } : null
}

/** Whether a row is part of a recognised header (drawn in the header style). */
export function isHeaderRow(g: SheetGrid, row: number): boolean {
  return g.headers.some((h) => row >= h.row && row < h.row + h.rows)
}

/** The marks by cell (`row:col`) and by row (findings that point at a row only). */
export interface MarkIndex {
  cells: Map<string, CellMark>
  rows: Map<number, CellMark>
  /** finding index → its mark */
  findings: Map<number, CellMark>
}

export function markIndex(marks: CellMark[]): MarkIndex {
  const cells = new Map<string, CellMark>()
  const rows = new Map<number, CellMark>()
  const findings = new Map<number, CellMark>()
  for (const m of marks) {
    if (m.col === null) rows.set(m.row, m)
    else cells.set(key(m.row, m.col), m)
    for (const i of m.findings) findings.set(i, m)
  }
  return { cells, rows, findings }
}

export function markAt(idx: MarkIndex, row: number, col: number): CellMark | undefined {
  return idx.cells.get(key(row, col))
}

const RANK: Record<Severity, number> = { 错误: 3, 警告: 2, 提示: 1 }

/** A mark's colour with the decisions as they are now (the mark was computed when the sheet was read; waiving
 *  a finding since greys it without reading the sheet again): the worst severity of the findings not waived,
 *  or of all of them, greyed, when every one is waived. */
export function markLook(m: CellMark, findings: DecidedFinding[]): { severity: Severity; waived: boolean } {
  const list = m.findings.map((i) => findings[i]).filter((f): f is DecidedFinding => f !== undefined)
  if (list.length === 0) return { severity: m.severity, waived: m.waived }
  const open = list.filter((f) => !isWaived(f))
  const over = open.length ? open : list
  const severity = over.map((f) => f.finding.severity).reduce((a, b) => (RANK[b] > RANK[a] ? b : a))
  return { severity, waived: open.length === 0 }
}

/** CSS class of a marked cell: `sev-error` / `sev-warning` / `sev-info` (the colours of severityTagType's
 *  danger / warning / info), plus `waived`. */
export function markClass(look: { severity: Severity; waived: boolean }): string {
  const s = look.severity === '错误' ? 'sev-error' : look.severity === '警告' ? 'sev-warning' : 'sev-info'
  return look.waived ? `${s} waived` : s
}

/** The tooltip of a marked cell: the cell's name and each finding's severity and message, one per line
 *  (plain text: shown through the title attribute, never as HTML). */
export function markTitle(m: CellMark, findings: DecidedFinding[], row: number, col: number | null): string {
  const head = col === null ? `第${row + 1}行` : cellName(row, col)
  const lines = m.findings
    .map((i) => findings[i])
    .filter((f): f is DecidedFinding => f !== undefined)
    .map((f) => `${f.finding.severity}：${f.finding.message}${isWaived(f) ? '（不采纳）' : ''}`)
  return [head, ...lines].join('\n')
}

/** Where a finding is in the table: its sheet, row and column (null: the whole row), or null when the finding
 *  is not on a cell or row of this sheet. */
export function findingCell(idx: MarkIndex, index: number): { row: number; col: number | null } | null {
  const m = idx.findings.get(index)
  return m ? { row: m.row, col: m.col } : null
}

/** The scroll offsets that bring a cell into view (centred when it is out of view, unchanged when it is
 *  already visible). `top` of the body is below the sticky header of `stickyHeight` px. */
export function scrollToShow(
  box: { top: number; left: number; width: number; height: number },
  view: { scrollTop: number; scrollLeft: number; width: number; height: number; stickyHeight: number },
): { top: number; left: number } {
  let top = view.scrollTop
  const visibleTop = view.scrollTop + view.stickyHeight
  if (box.top < visibleTop || box.top + box.height > view.scrollTop + view.height) {
    top = Math.max(0, box.top - view.stickyHeight - (view.height - view.stickyHeight - box.height) / 2)
  }
  let left = view.scrollLeft
  if (box.left < view.scrollLeft + GUTTER || box.left + box.width > view.scrollLeft + view.width) {
    left = Math.max(0, box.left - GUTTER - 24)
  }
  return { top: Math.round(top), left: Math.round(left) }
}
