// Rows copied out of a catalog open in Excel/WPS, pasted into the editor as 本级特色事项.
// The clipboard holds tab-separated text: one line per row, and cells holding a newline, tab or
// quote wrapped in "…" with "" for a quote (papaparse reads that). Columns in the official order
// of a catalog sheet: [序号,] 一级事项, 二级事项, 公开内容（要素）, 公开依据, 公开时限, 公开主体, ….
import Papa from 'papaparse'
import type { ItemFields } from '../bindings/core'
import { basisFromText, newLocalFields } from './item'

/** Cells of the pasted table, row by row (blank rows kept, so that row numbers match the selection). */
export function parseClipboard(text: string): { rows: string[][]; warnings: string[] } {
  // One line ending for rows and for line breaks inside cells (Windows copies CRLF between rows).
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '')
  if (normalised.trim() === '') return { rows: [], warnings: [] }
  const parsed = Papa.parse<string[]>(normalised, { delimiter: '\t', newline: '\n', quoteChar: '"', skipEmptyLines: false })
  const warnings = parsed.errors
    .filter((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')
    .map((e) => `第${(e.row ?? 0) + 1}行的引号没有配对，这一行的内容可能不完整`)
  return { rows: parsed.data, warnings: [...new Set(warnings)] }
}

/** Column titles of a catalog sheet: a first row made of these is a header, not an item. */
const HEADER_WORDS = ['序号', '公开事项', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道', '公开对象', '公开方式', '公开层级', '备注']

const squash = (s: string) => s.replace(/\s+/g, '')
const isHeaderCell = (s: string) => HEADER_WORDS.some((w) => squash(s).startsWith(w))
const isBlank = (row: string[]) => row.every((c) => c.trim() === '')

/** Most of its filled cells (at least two, or its only one) are column titles. */
export function looksLikeHeader(row: string[]): boolean {
  const filled = row.filter((c) => c.trim() !== '')
  if (filled.length === 0) return false
  return filled.filter(isHeaderCell).length >= Math.min(2, filled.length)
}

/** A name cell on one line (Excel wraps long names). */
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, '').trim()

export interface PasteResult {
  items: ItemFields[]
  /** What was left out or may be wrong, in Chinese, by pasted row number. */
  warnings: string[]
}

/**
 * Items of `domain` from pasted rows: leading header rows skipped, a leading 序号 column dropped,
 * then 一级事项, 二级事项, 公开内容（要素）, 公开依据 (one per line), 公开时限, 公开主体; further
 * columns ignored, missing ones empty. An empty 一级事项 under a filled 二级事项 takes the one above
 * (merged cells are copied as one value and blanks). Rows without either name are left out.
 */
export function rowsToItems(rows: string[][], domain: string): PasteResult {
  const warnings: string[] = []
  let start = 0
  while (start < rows.length && isBlank(rows[start]!)) start++
  let serialHeader = false
  while (start < rows.length && looksLikeHeader(rows[start]!)) {
    if (squash(rows[start]![0] ?? '') === '序号') serialHeader = true
    start++
  }
  const data = rows.map((cells, i) => ({ cells, line: i + 1 })).slice(start).filter((r) => !isBlank(r.cells))
  const serial = data.length > 0 && (serialHeader || data.every((r) => /^\d+[.、]?$/.test((r.cells[0] ?? '').trim())))

  const items: ItemFields[] = []
  let l1Above = ''
  for (const { cells, line } of data) {
    const c = serial ? cells.slice(1) : cells
    const cell = (i: number) => (c[i] ?? '').trim()
    let l1 = oneLine(cell(0))
    const l2 = oneLine(cell(1))
    if (!l1 && !l2) {
      warnings.push(`第${line}行没有事项名称，已跳过`)
      continue
    }
    if (!l1 && l1Above) l1 = l1Above
    l1Above = l1
    items.push({
      ...newLocalFields(domain, l1), l2, content: cell(2), basis: basisFromText(cell(3)), time_limit: cell(4), subject: cell(5),
    })
  }
  return { items, warnings }
}

/** Clipboard text → items of `domain`, with every warning. */
export function parsePaste(text: string, domain: string): PasteResult {
  const { rows, warnings } = parseClipboard(text)
  const r = rowsToItems(rows, domain)
  return { items: r.items, warnings: [...warnings, ...r.warnings] }
}
