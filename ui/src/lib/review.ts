// Review results for the window: the findings panel of the editor and the 审核工作台. The types
// come from the Rust side (ui/src/bindings/review.ts, generated from mulu-review); the checks
// themselves run there too (api.checkCatalog / checkFiles / annotateFiles).
import type { Field, Severity } from '../bindings/core'
import { FIELD_LABELS, type AnnotatedFile, type Coverage, type FileCheck, type FileFinding, type Finding, type ItemRef } from '../bindings/review'

export const SEVERITIES: Severity[] = ['错误', '警告', '提示']

/** Element Plus tag type of a severity. */
export function severityTagType(s: Severity): 'danger' | 'warning' | 'info' {
  return s === '错误' ? 'danger' : s === '警告' ? 'warning' : 'info'
}

export function countBySeverity(list: { severity: Severity }[]): Record<Severity, number> {
  const c: Record<Severity, number> = { 错误: 0, 警告: 0, 提示: 0 }
  for (const x of list) c[x.severity] += 1
  return c
}

/** Errors first, then warnings, then notes; the order within each severity is kept. */
export function bySeverity<T extends { severity: Severity }>(list: T[]): T[] {
  return list
    .map((x, i) => ({ x, i }))
    .sort((a, b) => SEVERITIES.indexOf(a.x.severity) - SEVERITIES.indexOf(b.x.severity) || a.i - b.i)
    .map(({ x }) => x)
}

/** Findings of the chosen severities, errors first. */
export function visibleFindings<T extends { severity: Severity }>(list: T[], shown: Severity[]): T[] {
  return bySeverity(list.filter((f) => shown.includes(f.severity)))
}

/** The field's name in the official table header ('' when the finding is not about one field). */
export function fieldLabel(f: Field | null): string {
  return f ? FIELD_LABELS[f] : ''
}

/** `一级事项 / 二级事项` (as ItemRef::display_name in Rust). */
export function itemName(ref: Pick<ItemRef, 'l1' | 'l2'> | null): string {
  if (!ref) return ''
  if (!ref.l2) return ref.l1
  if (!ref.l1) return ref.l2
  return `${ref.l1} / ${ref.l2}`
}

/** Where a finding points: `社会救助!F12`, `社会救助 第12行`, the item, or the domain
 *  (as Finding::location in Rust). */
export function findingLocation(f: Finding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`
  if (f.sheet && f.item?.row != null) return `${f.sheet} 第${f.item.row}行`
  if (f.sheet) return f.sheet
  if (f.item) return itemName(f.item)
  return f.domain
}

/** `58.3%` ('—' when there is no coverage to show). */
export function coverageText(c: Pick<Coverage, 'percent'> | null | undefined): string {
  return c ? `${c.percent.toFixed(1)}%` : '—'
}

/** Where a finding of a checked file points (as FileFinding::location in Rust). */
export function fileFindingLocation(f: FileFinding): string {
  if (f.sheet && f.cell) return `${f.sheet}!${f.cell}`
  if (f.sheet && f.row != null) return `${f.sheet} 第${f.row}行`
  if (f.sheet) return f.sheet
  if (f.item) return f.item
  return f.domain
}

/** The catalog item a finding of a stored catalog is about (null for missing guideline items and
 *  whole-catalog findings). */
export function findingItemId(f: Finding): number | null {
  return f.item?.id ?? null
}

/** A stable key for a finding row. */
export function findingKey(f: Finding, i: number): string {
  return `${i}:${f.rule}:${f.item?.id ?? f.item?.row ?? ''}:${f.field ?? ''}`
}

/** One checked file in the workbench's summary table. */
export interface FileRow {
  path: string
  name: string
  unit: string
  domains: string[]
  items: number | null
  errors: number | null
  warnings: number | null
  infos: number | null
  /** Guideline coverage in %, null when the file could not be read. */
  coverage: number | null
  coverageLabel: string
  failure: string | null
}

export function fileRow(c: FileCheck): FileRow {
  const ok = c.readable
  return {
    path: c.path,
    name: baseName(c.path),
    unit: c.unit ?? '',
    domains: c.domains,
    items: ok ? c.items : null,
    errors: ok ? c.errors : null,
    warnings: ok ? c.warnings : null,
    infos: ok ? c.infos : null,
    coverage: ok ? c.coverage : null,
    coverageLabel: ok && c.coverage != null ? coverageText({ percent: c.coverage }) : '—',
    failure: ok ? null : (c.error ?? '读不了'),
  }
}

/** Earlier results with fresh ones: a file checked again replaces its row, new files are appended. */
export function mergeChecks(earlier: FileCheck[], fresh: FileCheck[]): FileCheck[] {
  const byPath = new Map(fresh.map((c) => [c.path, c]))
  const out = earlier.map((c) => byPath.get(c.path) ?? c)
  for (const c of fresh) if (!earlier.some((e) => e.path === c.path)) out.push(c)
  return out
}

/** `共 3 个文件：1 个有错误，1 个读不了。` */
export function batchSummary(results: FileCheck[]): string {
  const failed = results.filter((r) => !r.readable).length
  const withErrors = results.filter((r) => r.readable && r.errors > 0).length
  return `共 ${results.length} 个文件：${withErrors} 个有错误，${failed} 个读不了。`
}

/** The message after writing annotated workbooks. */
export function annotateSummary(results: AnnotatedFile[]): { ok: number; failed: AnnotatedFile[]; text: string } {
  const ok = results.filter((r) => r.output).length
  const failed = results.filter((r) => !r.output)
  const text = failed.length === 0 ? `已写出 ${ok} 个批注工作簿。` : `已写出 ${ok} 个批注工作簿，${failed.length} 个没有写成。`
  return { ok, failed, text }
}

/** The file name of a path (either separator). */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return i < 0 ? path : path.slice(i + 1)
}

/** Progress as a whole percentage (0 when nothing is known yet). */
export function progressPercent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((done * 100) / total)) : 0
}
