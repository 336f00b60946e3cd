// 门户栏目 panel of the editor: the column tree with item counts, the item ↔ column choice, the
// column mappings of a CMS export / 权责清单 as one sentence, and the suggested items still to be
// confirmed. The data and the checks come from the Rust side (api.portal* / api.powers*).
import type { ColumnTree, Item, ItemFields, PortalColumn } from '../bindings/core'
import type { CmsMapping, CmsPreview, ColumnsFormat, PowersMapping, PowersPreview } from '../bindings/api'
import type { PowerSuggestion } from '../bindings/review'

/** One line of the tree table: the column, its last segment, its depth (1 = root), the items tied to it
 *  directly and the items tied to it or any column below it. */
export interface ColumnRow {
  column: PortalColumn
  name: string
  depth: number
  direct: number
  total: number
}

/** The tree as rows in the tree's order, with item counts (links to items no longer listed are ignored). */
export function columnRows(tree: ColumnTree | null, items: Pick<Item, 'id'>[]): ColumnRow[] {
  if (!tree) return []
  const live = new Set(items.map((i) => i.id))
  const direct = new Map<number, number>()
  for (const l of tree.links) {
    if (live.has(l.item_id)) direct.set(l.column_id, (direct.get(l.column_id) ?? 0) + 1)
  }
  const sorted = [...tree.columns].sort((a, b) => a.position - b.position)
  return sorted.map((c) => {
    const prefix = `${c.path}/`
    const total = sorted
      .filter((d) => d.path === c.path || d.path.startsWith(prefix))
      .reduce((n, d) => n + (direct.get(d.id) ?? 0), 0)
    const parts = c.path.split('/')
    return { column: c, name: parts[parts.length - 1] ?? c.path, depth: parts.length, direct: direct.get(c.id) ?? 0, total }
  })
}

/** The column an item is tied to (null: none). */
export function columnOf(tree: ColumnTree | null, itemId: number | null | undefined): number | null {
  if (!tree || itemId == null) return null
  return tree.links.find((l) => l.item_id === itemId)?.column_id ?? null
}

/** Items of the catalog tied to no column. */
export function unlinkedCount(tree: ColumnTree | null, items: Pick<Item, 'id'>[]): number {
  const linked = new Set((tree?.links ?? []).map((l) => l.item_id))
  return items.filter((i) => !linked.has(i.id)).length
}

/** Spreadsheet column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

function mappingText(headers: string[], roles: [string, number | null][]): string {
  return roles
    .map(([name, c]) => (c === null ? `${name}=无` : `${name}=${columnLetter(c)}（${headers[c] ?? ''}）`))
    .join('、')
}

/** `栏目路径=B（栏目全路径）、网址=C（访问地址）……` (as CmsPreview::mapping_text in Rust). */
export function cmsMappingText(p: Pick<CmsPreview, 'headers' | 'mapping'>): string {
  const m: CmsMapping = p.mapping
  return mappingText(p.headers, [['栏目路径', m.path], ['上级栏目', m.parent], ['网址', m.url], ['文档数', m.count], ['最后更新日期', m.updated]])
}

/** `事项名称=B（事项名称）、事项类型=C（权力类型）……` (as PowersPreview::mapping_text in Rust). */
export function powersMappingText(p: Pick<PowersPreview, 'headers' | 'mapping'>): string {
  const m: PowersMapping = p.mapping
  return mappingText(p.headers, [['事项名称', m.name], ['事项类型', m.kind], ['实施依据', m.basis], ['实施主体', m.subject]])
}

/** File name of the exported column tree: `〈目录名〉门户栏目表.xlsx` (characters a file name cannot hold replaced). */
export function columnsFileName(title: string, format: ColumnsFormat): string {
  const safe = title.replace(/[\\/:*?"<>|]/g, '_').trim() || '目录'
  return `${safe}门户栏目表.${format}`
}

/** The suggestion's fields as the clerk edits them in the confirm dialog: basis as one line per entry. */
export interface SuggestionDraft {
  domain: string
  l1: string
  l2: string
  basis: string
  subject: string
}

export function draftOf(s: PowerSuggestion): SuggestionDraft {
  return { domain: s.fields.domain, l1: s.fields.l1, l2: s.fields.l2, basis: s.fields.basis.join('\n'), subject: s.fields.subject }
}

/** The suggestion's fields with the clerk's edits; null (and the reason) when it cannot be added yet. */
export function fieldsOf(s: PowerSuggestion, d: SuggestionDraft): { fields: ItemFields } | { error: string } {
  const l1 = d.l1.trim()
  const l2 = d.l2.trim()
  if (!l1 && !l2) return { error: '请填写事项名称后再添加。' }
  if (!d.domain.trim()) return { error: '请为这个事项选择领域后再添加。' }
  const basis = d.basis.split('\n').map((b) => b.trim()).filter((b) => b)
  return { fields: { ...s.fields, domain: d.domain.trim(), l1, l2, basis, subject: d.subject.trim() } }
}

/** A column's name as the clerk types it: trimmed; null and the reason when it cannot be a path segment. */
export function columnName(text: string): { name: string } | { error: string } {
  const name = text.trim()
  if (!name) return { error: '请填写栏目名称。' }
  if (name.includes('/')) return { error: '栏目名称里不能有“/”（它用来分隔上下级栏目）。' }
  return { name }
}

/** The path of a new column named `name` below `parent` (null: a top-level column). */
export function childPath(parent: string | null, name: string): string {
  return parent ? `${parent}/${name}` : name
}

/** `path` with its last segment replaced by `name` (the column renamed in place). */
export function renamedPath(path: string, name: string): string {
  const cut = path.lastIndexOf('/')
  return cut < 0 ? name : `${path.slice(0, cut)}/${name}`
}

/** What deleting the column of `row` takes with it: the columns below it and the items tied to any of them. */
export function deletionText(rows: ColumnRow[], row: ColumnRow): string {
  const prefix = `${row.column.path}/`
  const below = rows.filter((r) => r.column.path.startsWith(prefix)).length
  const parts = [`删除栏目“${row.column.path}”`]
  if (below > 0) parts.push(`连同下级栏目 ${below} 个`)
  const tail = row.total > 0 ? `；对应到这些栏目的 ${row.total} 个事项将变为“没有栏目”` : ''
  return `${parts.join('，')}${tail}。删除后不能撤销：“生成栏目表”能补回按领域生成的栏目，但填过的网址与手工的对应不会恢复。`
}
