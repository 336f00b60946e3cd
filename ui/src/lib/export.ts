// Export choices that do not need the window: file names, the defaults of the Excel options, paths.
// The export itself is done by the Rust side (mulu-export) through api.exportXlsx/Html/Json.
import type { Unit, UnitKind } from '../bindings/core'
import type { ExportOptionsArg, LowerLevelLabel } from '../bindings/api'

export type ExportFormat = 'xlsx' | 'html' | 'json'

export interface FormatInfo {
  /** Menu label. */
  label: string
  /** What the success message calls the file. */
  noun: string
  ext: string
  /** Filter for the save dialog. */
  filter: { name: string; extensions: string[] }
  /** Has the options step (domains, level columns, lower-level label). */
  hasOptions: boolean
}

export const FORMATS: Record<ExportFormat, FormatInfo> = {
  xlsx: { label: 'Excel 报送表', noun: 'Excel 工作簿', ext: 'xlsx', filter: { name: 'Excel 工作簿', extensions: ['xlsx'] }, hasOptions: true },
  html: { label: '网页', noun: '网页', ext: 'html', filter: { name: '网页', extensions: ['html', 'htm'] }, hasOptions: true },
  json: { label: 'JSON', noun: 'JSON 文件', ext: 'json', filter: { name: 'JSON', extensions: ['json'] }, hasOptions: false },
}

// The lower-level labels (乡级/镇级/街道), the options and the result come from the Rust use-case layer
// (mulu-api, generated into bindings/api.ts): the list is not repeated here.
export { LOWER_LEVEL_LABELS } from '../bindings/api'
export type { ExportDone, ExportOptionsArg, LowerLevelLabel } from '../bindings/api'

// Characters Windows (and some Linux desktops) refuse in file names, plus control characters.
const BAD_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]/g

/** `text` made safe as (part of) a file name on Windows and Linux. */
export function safeFileStem(text: string): string {
  return text.replace(BAD_FILE_CHARS, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '')
}

/** `〈单位〉〈年度〉年政务公开标准目录.xlsx`, safe as a file name on Windows and Linux. */
export function defaultFileName(unitName: string, year: number, format: ExportFormat): string {
  return `${safeFileStem(unitName)}${year}年政务公开标准目录.${FORMATS[format].ext}`
}

/** The unit's short name: the government suffix dropped (某某县某某镇人民政府 → 某某县某某镇). */
function placeName(name: string): string {
  return name.trim().replace(/(人民政府|政府|党委|党政办公室|党政办|办事处)$/u, '').trim()
}

/**
 * The lower-level column's name for a unit: 街道 for a subdistrict; for a township 镇级 when its
 * name ends in 镇 and 乡级 otherwise (乡, 民族乡, 苏木…); 乡级 for a county department (the
 * guidelines' own word).
 */
export function defaultLowerLevelLabel(unit: Pick<Unit, 'name' | 'kind'>): LowerLevelLabel {
  if (unit.kind === '街道') return '街道'
  if (unit.kind === '乡镇') {
    const place = placeName(unit.name)
    if (place.endsWith('街道')) return '街道'
    if (place.endsWith('镇')) return '镇级'
  }
  return '乡级'
}

/** County departments' catalogs usually leave out the 公开层级 columns; townships keep them. */
export function defaultIncludeLevel(kind: UnitKind): boolean {
  return kind !== '县级部门'
}

/** The options a unit starts with: every domain, level columns and label from the unit kind. */
export function defaultOptions(unit: Pick<Unit, 'name' | 'kind'>, domains: string[]): { domains: string[]; include_level: boolean; lower_level_label: LowerLevelLabel } {
  return { domains: [...domains], include_level: defaultIncludeLevel(unit.kind), lower_level_label: defaultLowerLevelLabel(unit) }
}

/** The options to send: an unchanged, complete domain list becomes null (= all, in catalog order). */
export function optionsArg(chosen: string[], all: string[], includeLevel: boolean, label: LowerLevelLabel): ExportOptionsArg {
  const complete = all.length > 0 && all.every((d) => chosen.includes(d))
  return { domains: complete ? null : all.filter((d) => chosen.includes(d)), include_level: includeLevel, lower_level_label: label }
}

/** Chinese text followed by a word: a space only before a Latin word (导出 Excel 报送表, 导出网页). */
export function cjkJoin(before: string, word: string): string {
  return /^[A-Za-z0-9]/.test(word) ? `${before} ${word}` : `${before}${word}`
}

/** Adds the format's extension when the user typed a name without it (GTK's dialog does not). */
export function ensureExtension(path: string, format: ExportFormat): string {
  const exts = FORMATS[format].filter.extensions
  const lower = path.toLowerCase()
  return exts.some((e) => lower.endsWith(`.${e}`)) ? path : `${path}.${FORMATS[format].ext}`
}

/** `dir` + `name` with the directory's own separator (\ for a Windows path). */
export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/'
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}${sep}${name}`
}

/** The folder part of a path ('' when there is none). */
export function dirOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  if (i < 0) return ''
  return i === 0 ? path.slice(0, 1) : path.slice(0, i)
}
