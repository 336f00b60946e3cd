// The import dialog's logic that does not need the window: what the preview and the plan say, in
// the words the dialog shows, and the defaults of a new catalog. Reading, comparing and writing are
// done by the Rust side (mulu-import) through api.importPreview (read once, kept under a token) / importPlan / importCommit.
import type { ChangedItem, Diagnostic, ImportPlan, ImportPreview, PreviewItem, Severity, UnitKind } from '../bindings/core'
import { FIELD_LABELS } from '../bindings/review'
import { SEVERITIES, countBySeverity, bySeverity, itemName } from './review'

export { baseName } from './review'

/** Filter for the open dialog: what mulu-import reads. */
export const WORKBOOK_FILTER = { name: 'Excel 工作簿', extensions: ['xlsx', 'xls', 'xlsm'] }

/** Filter for the import dialog: workbooks, and Word documents whose tables mulu-import reads like sheets. */
export const IMPORT_FILTER = { name: 'Excel 工作簿或 Word 文档', extensions: [...WORKBOOK_FILTER.extensions, 'docx'] }

/** One diagnostic as a table row. */
export interface DiagnosticRow {
  key: string
  /** `社会救助!H12`, or the sheet alone when the note is about the whole sheet. */
  at: string
  severity: Severity
  message: string
  /** The cell's text as found (line breaks shown as ⏎). */
  raw: string
}

/** Every diagnostic of the preview, errors first, then in reading order. */
export function diagnosticRows(p: ImportPreview): DiagnosticRow[] {
  return bySeverity(p.sheets.flatMap((s, si) => s.diagnostics.map((d, di) => diagnosticRow(d, `${si}-${di}`))))
}

/** A list of diagnostics (a guideline import's), errors first, then in reading order. */
export function diagnosticListRows(ds: Diagnostic[]): DiagnosticRow[] {
  return bySeverity(ds.map((d, i) => diagnosticRow(d, String(i))))
}

function diagnosticRow(d: Diagnostic, key: string): DiagnosticRow {
  return {
    key,
    at: d.cell ? `${d.sheet}!${d.cell}` : d.sheet,
    severity: d.severity,
    message: d.message,
    raw: (d.raw ?? '').replace(/\r?\n/g, '⏎'),
  }
}

/** One table of the workbook (a sheet, or one domain's table within a sheet). */
export interface SheetRow {
  key: string
  sheet: string
  /** null: not recognised (the user picks one). */
  domain: string | null
  items: number
  diagnostics: number
}

/** The tables that hold items (cover pages and notes sheets only bring diagnostics). */
export function sheetRows(p: ImportPreview): SheetRow[] {
  return p.sheets
    .map((s, i) => ({ key: String(i), sheet: s.sheet, domain: s.domain, items: s.items.length, diagnostics: s.diagnostics.length }))
    .filter((s) => s.items > 0)
}

/** Sheets with items whose domain the importer could not tell (imported only once a domain is picked). */
export function unrecognisedSheets(p: ImportPreview): string[] {
  return [...new Set(p.sheets.filter((s) => s.items.length > 0 && !s.domain).map((s) => s.sheet))]
}

export function itemCount(p: ImportPreview): number {
  return p.sheets.reduce((n, s) => n + s.items.length, 0)
}

/** `读出 2 个表格，共 12 个事项；提示 3 条（错误 0、警告 1、提示 2）。` */
export function previewSummary(p: ImportPreview): string {
  const all = p.sheets.flatMap((s) => s.diagnostics)
  const c = countBySeverity(all)
  const tables = p.sheets.filter((s) => s.items.length > 0).length
  const notes = all.length === 0 ? '没有提示。' : `提示 ${all.length} 条（${SEVERITIES.map((s) => `${s} ${c[s]}`).join('、')}）。`
  return `读出 ${tables} 个表格，共 ${itemCount(p)} 个事项；${notes}`
}

/** `新增 10 项，更改 2 项，不变 3 项` (what importing would do). */
export function planSummary(plan: ImportPlan): string {
  return `新增 ${plan.added.length} 项，更改 ${plan.changed.length} 项，不变 ${plan.unchanged} 项`
}

/** Whether pressing 导入 would write anything (a new catalog needs at least one item). */
export function hasWork(plan: ImportPlan): boolean {
  return plan.added.length > 0 || plan.changed.length > 0
}

/** `临时救助 / 审批结果（社会救助!第12行）：公开时限、公开渠道和载体` */
export function changedLabel(c: ChangedItem): string {
  const name = itemName({ l1: c.after.l1, l2: c.after.l2 })
  return `${name}（${c.sheet} 第${c.row}行）：${c.fields.map((f) => FIELD_LABELS[f]).join('、')}`
}

/** Unit, kind and year a new catalog starts with: from this program's own export when the file is
 *  one (round-trip data), else the unit named in the title and this year. kind null = let the
 *  importer judge from the unit's name. */
export function newCatalogDefaults(p: ImportPreview, thisYear: number): { unit: string; kind: UnitKind | null; year: number } {
  if (p.origin) return { unit: p.origin.unit.name, kind: p.origin.unit.kind, year: p.origin.catalog.year }
  return { unit: p.unit_hint ?? '', kind: null, year: thisYear }
}

/** One item of the preview as a table row. */
export interface PreviewItemRow {
  key: string
  at: string
  domain: string
  l1: string
  l2: string
  time_limit: string
}

export function previewItemRows(p: ImportPreview): PreviewItemRow[] {
  return p.sheets.flatMap((s, si) =>
    s.items.map((it: PreviewItem, ii) => ({
      key: `${si}-${ii}`,
      at: `${it.sheet} 第${it.row}行`,
      domain: s.domain ?? '未识别',
      l1: it.l1,
      l2: it.l2,
      time_limit: it.time_limit,
    })),
  )
}
