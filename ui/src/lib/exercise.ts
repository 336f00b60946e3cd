// 找错练习 (spot the mistake): a sample submission (samples/mistakes-*.xlsx) shown as its table, cell by
// cell with the workbook's own cell addresses; the app's review (check_files) and the reader's notes
// (import_preview: damaged ■/□) say which cells are faulty. The trainee clicks a cell, the app shows
// the finding there — or says the cell is fine.
import type { Field, ImportPreview, PreviewItem } from '../bindings/core'
import type { FileCheck } from '../bindings/review'

/** The columns shown, in the official table's order (公开对象/方式/层级 as one cell each: the
 *  reader gives the first column of each pair). */
export const EXERCISE_FIELDS: { field: Field; label: string }[] = [
  { field: 'l1', label: '一级事项' }, { field: 'l2', label: '二级事项' }, { field: 'content', label: '公开内容（要素）' },
  { field: 'basis', label: '公开依据' }, { field: 'time_limit', label: '公开时限' }, { field: 'subject', label: '公开主体' },
  { field: 'channels', label: '公开渠道和载体' }, { field: 'audience', label: '公开对象' }, { field: 'mode', label: '公开方式' },
  { field: 'level', label: '公开层级' },
]

export interface ExerciseCell {
  field: Field
  /** `F5`: the workbook's address. */
  ref: string
  text: string
}
export interface ExerciseRow {
  row: number
  cells: ExerciseCell[]
}
export interface Fault {
  sheet: string
  cell: string
  /** Rule (R101-required-field …) or the reader's note code. */
  code: string
  severity: string
  message: string
  suggestion: string | null
}

/** The column letters of an address (`F12` → `F`). */
export function columnOf(ref: string): string {
  return /^[A-Z]+/.exec(ref.toUpperCase())?.[0] ?? ''
}

function fieldText(it: PreviewItem, f: Field): string {
  switch (f) {
    case 'l1': return it.l1
    case 'l2': return it.l2
    case 'content': return it.content
    case 'basis': return it.basis.join('\n')
    case 'time_limit': return it.time_limit
    case 'subject': return it.subject
    case 'channels': return [...it.channels.standard, ...it.channels.extra].join('、')
    case 'audience': return it.audience.join('、')
    case 'mode': return it.mode.join('、')
    case 'level': return it.level.join('、')
    default: return ''
  }
}

/** The sheet's rows with each shown field's address: the reader's own, or (a blank cell the reader
 *  did not place) the field's column in the other rows and this row's number. */
export function exerciseRows(p: ImportPreview, sheet: string): ExerciseRow[] {
  const items = p.sheets.filter((s) => s.sheet === sheet).flatMap((s) => s.items)
  const column: Partial<Record<Field, string>> = {}
  for (const it of items) {
    for (const { field } of EXERCISE_FIELDS) {
      const ref = it.cells[field]
      if (ref && !column[field]) column[field] = columnOf(ref)
    }
  }
  return items.map((it) => ({
    row: it.row,
    cells: EXERCISE_FIELDS.map(({ field }) => ({
      field,
      ref: it.cells[field] ?? (column[field] ? `${column[field]}${it.row}` : ''),
      text: fieldText(it, field),
    })),
  }))
}

/** The faults of the workbook that point at a cell: the review's findings, and the reader's notes
 *  about damaged check marks (not a review rule: the reader reads them and asks for a fix). */
export function faultsOf(check: FileCheck, p: ImportPreview): Fault[] {
  const out: Fault[] = []
  for (const f of check.findings) {
    if (f.sheet && f.cell) out.push({ sheet: f.sheet, cell: f.cell, code: f.rule, severity: f.severity, message: f.message, suggestion: f.suggestion })
  }
  for (const s of p.sheets) {
    for (const d of s.diagnostics) {
      if (d.cell && d.code === 'damaged_marks') out.push({ sheet: d.sheet, cell: d.cell, code: '读取提示', severity: d.severity, message: d.message, suggestion: null })
    }
  }
  return out
}

/** The faults at a clicked cell (none: the cell is fine). */
export function faultsAt(faults: Fault[], sheet: string, ref: string): Fault[] {
  return faults.filter((f) => f.sheet === sheet && f.cell.toUpperCase() === ref.toUpperCase())
}

/** The faulty cells of a sheet, as `sheet!cell` keys, for counting what was found. */
export function faultKeys(faults: Fault[], sheet: string): string[] {
  return [...new Set(faults.filter((f) => f.sheet === sheet).map((f) => `${f.sheet}!${f.cell.toUpperCase()}`))]
}
