// Guideline helpers shared by the library screen and its tests.
import type {
  AdoptOutcome, DomainLoad, Field, GuidelineCarrier, GuidelineDomain, GuidelineDomainSummary, GuidelineItem, LibraryLoad,
  LoadAction,
} from '../bindings/core'
import { safeFileStem } from './export'

export interface TreeNode {
  key: string
  label: string
  item?: GuidelineItem
  children?: TreeNode[]
}

/** 领域 → 一级事项 → 二级事项, keeping the guideline's order; an item with no 二级事项 is a leaf. */
export function domainTree(d: GuidelineDomain, filter = ''): TreeNode[] {
  const q = filter.trim()
  const groups = new Map<string, TreeNode>()
  const out: TreeNode[] = []
  for (const it of d.items) {
    if (q && !matches(it, q)) continue
    const l1 = it.l1 || '（一级事项未见于来源）'
    let g = groups.get(l1)
    if (!g) {
      g = { key: `${d.name}/${l1}`, label: l1, children: [] }
      groups.set(l1, g)
      out.push(g)
    }
    g.children!.push({ key: it.id, label: it.l2 || it.l1, item: it })
  }
  return out
}

export function matches(it: GuidelineItem, q: string): boolean {
  return [it.l1, it.l2, ...it.elements, ...it.basis, it.subject ?? ''].some((s) => s.includes(q))
}

export function statusHint(status: string): string {
  return status === '部分' ? '只收录了已公开副本中读得到的事项，可导入官方指引工作簿补全' : '已与官方指引全文核对'
}

// ---- The library: where each domain comes from, how complete it is ----

type SummaryLike = { library?: string | null; data_version: string }

/** Which library the current version comes from: 内置 〈version〉, the pack's “名称 版本”, or 导入：〈file〉. */
export function libraryLabel(d: SummaryLike): string {
  return d.library ?? `内置 ${d.data_version}`
}

/** Whether the version is built in (not imported, not from a pack). */
export function isBuiltinLibrary(d: SummaryLike): boolean {
  return d.library == null
}

type SizeLike = Pick<GuidelineDomainSummary, 'item_count' | 'l1_count' | 'national_l1' | 'national_l2'>

/** How much of the national table is known, as numbers: “已收录 3 项 / 全表 25 项（二级）”. */
export function completeness(d: SizeLike): { items: string; l1: string | null; known: boolean } {
  const items = d.national_l2 !== null
    ? `已收录 ${d.item_count} 项 / 全表 ${d.national_l2} 项（二级）`
    : `已收录 ${d.item_count} 项`
  const l1 = d.national_l1 !== null ? `一级 ${d.l1_count} / ${d.national_l1}` : null
  return { items, l1, known: d.national_l1 !== null || d.national_l2 !== null }
}

/** The same numbers for a whole domain (the detail pane has the domain, not its summary row). */
export function domainSize(d: GuidelineDomain): SizeLike {
  return {
    item_count: d.items.length,
    l1_count: new Set(d.items.map((i) => i.l1)).size,
    national_l1: d.national?.l1 ?? null,
    national_l2: d.national?.l2 ?? null,
  }
}

// ---- An item's carriers and cut-off fields ----

export interface CarrierTag {
  text: string
  /** Element Plus tag type ('' = no mark: shown as a plain grey tag). */
  type: 'primary' | 'info' | ''
  title: string
}

/** ■ 必选 / □ 可选 only when the copy's legend said so; a carrier listed without one is a plain tag. */
export function carrierTag(c: GuidelineCarrier): CarrierTag {
  switch (c.requirement) {
    case '必选': return { text: `■ ${c.name}`, type: 'primary', title: '必选' }
    case '可选': return { text: `□ ${c.name}`, type: 'info', title: '可选' }
    default: return { text: c.name, type: '', title: '来源列了这个载体，但没有说明必选还是可选' }
  }
}

/** Which marks the item's carriers use, for the legend under them. */
export function carrierLegend(item: GuidelineItem): string {
  const kinds = new Set(item.carriers.map((c) => c.requirement))
  const parts: string[] = []
  if (kinds.has('必选') || kinds.has('可选')) parts.push('■ 必选　□ 可选')
  if (kinds.has('未注明')) parts.push('无标记：来源列了该载体，未注明必选或可选（采用时勾上）')
  return parts.join('；')
}

/** Whether the source copy cut `field` off (the value holds only what could be read). */
export function isTruncated(item: GuidelineItem, field: Field): boolean {
  return item.truncated?.includes(field) ?? false
}

// ---- Messages after adopting, importing, loading ----

/** One message after adopting: how many were added, and once, which have cut-off fields. */
export function adoptMessage(o: AdoptOutcome, catalogTitle: string): { type: 'success' | 'warning' | 'info'; text: string } {
  if (o.added === 0) return { type: 'info', text: '这些事项都已在目录中' }
  const base = `已采用 ${o.added} 个事项到“${catalogTitle}”`
  if (o.truncated.length === 0) return { type: 'success', text: base }
  const shown = o.truncated.slice(0, 5).join('、') + (o.truncated.length > 5 ? ' 等' : '')
  return {
    type: 'warning',
    text: `${base}。其中 ${o.truncated.length} 个事项的部分字段来源不完整（${shown}），请核对官方指引后补全。`,
  }
}

/** A row of the load preview / result table. */
export interface LoadRow {
  key: string
  name: string
  action: LoadAction
  version: string
  items: string
  note: string
}

export function loadRows(domains: DomainLoad[]): LoadRow[] {
  return domains.map((d) => ({
    key: d.name,
    name: d.name,
    action: d.action,
    version: d.data_version,
    items: d.current_count === null ? `${d.item_count}（新领域）` : `${d.current_count} → ${d.item_count}`,
    note: [
      d.action === '改名' ? `本机已有内容不同的版本 ${d.requested_version}，另存为此版本号` : '',
      d.action === '已有' ? '本机已有相同的版本，不重复载入' : '',
      d.action !== '已有' && d.new_items > 0 && d.current_count !== null ? `新增 ${d.new_items} 个事项编号` : '',
      d.truncated_items > 0 ? `${d.truncated_items} 个事项来源不完整` : '',
    ].filter(Boolean).join('；'),
  }))
}

/** “载入 2 个领域，25 个本机已有” — after (or before: `done` false) a load. */
export function loadSummary(load: Pick<LibraryLoad, 'domains'>, done = true): string {
  const stored = load.domains.filter((d) => d.action !== '已有').length
  const same = load.domains.length - stored
  const verb = done ? '已载入' : '将载入'
  const parts = [`${verb} ${stored} 个领域`]
  if (same > 0) parts.push(`${same} 个本机已有相同版本`)
  return parts.join('，')
}

/** `〈名称〉-指引包.json`, safe as a file name. */
export function packFileName(name: string): string {
  return `${safeFileStem(name) || '指引库'}-指引包.json`
}
