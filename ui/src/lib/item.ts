// Pure helpers over catalog items: grouping for the grid, the official checklist text, and the
// edit form's conversion (公开依据 one per line).
import type { Item, ItemFields, StandardCarrier } from '../bindings/core'

export const STANDARD_CARRIERS: StandardCarrier[] = [
  '政府网站', '政府公报', '两微一端', '发布会/听证会', '广播电视', '纸质媒体', '公开查阅点',
  '政务服务中心', '便民服务站', '入户/现场', '社区/企事业单位/村公示栏（电子屏）', '精准推送', '其他',
]

/** `■政府网站 □政府公报 …` over every standard carrier, then `■` + each extra carrier. */
export function checklist(f: Pick<ItemFields, 'channels'>): string {
  const std = STANDARD_CARRIERS.map((c) => (f.channels.standard.includes(c) ? '■' : '□') + c)
  return [...std, ...f.channels.extra.map((e) => '■' + e)].join(' ')
}

/** Short form for the grid: only the chosen carriers. */
export function chosenCarriers(f: Pick<ItemFields, 'channels'>): string {
  return [...f.channels.standard, ...f.channels.extra].join('、')
}

export interface Row {
  /** The item's id: the grid's row key (序号 repeats across domains). */
  id: number
  item: Item
  /** 1-based number within its domain, as 序号 in the official table. */
  seq: number
  /** First row of its domain / of its 一级事项 run (for the group headers). */
  domainStart: boolean
  l1Start: boolean
}

/** Rows in catalog order with group boundaries (items arrive sorted by domain and position). */
export function toRows(items: Item[]): Row[] {
  const rows: Row[] = []
  let domain = ''
  let l1: string | null = null
  let seq = 0
  for (const item of items) {
    const domainStart = item.domain !== domain
    if (domainStart) {
      domain = item.domain
      seq = 0
      l1 = null
    }
    seq += 1
    const l1Start = item.l1 !== l1
    l1 = item.l1
    rows.push({ id: item.id, item, seq, domainStart, l1Start })
  }
  return rows
}

/** A deep, plain copy (Vue's reactive proxies cannot go through structuredClone). */
export function plainCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}

export function fieldsOf(item: Item): ItemFields {
  const { id: _id, catalog_id: _c, position: _p, provenance: _pr, ...fields } = item
  return plainCopy(fields)
}

export function provenanceLabel(item: Item): string {
  const p = item.provenance
  if (p.kind === '本级特色事项') return '本级特色'
  return p.modified ? '指引·已修改' : '指引'
}

export function basisFromText(text: string): string[] {
  return text.split('\n').map((s) => s.trim()).filter((s) => s.length > 0)
}

export function sameFields(a: ItemFields, b: ItemFields): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** A new 本级特色事项 as the editor starts it: the usual carrier, audience and mode ticked, to be
 *  filled in (添加本级特色事项, and the rows pasted from Excel). */
export function newLocalFields(domain: string, l1 = '本级特色事项'): ItemFields {
  return {
    domain, l1, l2: '', content: '', elements: [], basis: [], time_limit: '信息形成或者变更之日起20个工作日内',
    subject: '', channels: { standard: ['政府网站'], extra: [] }, audience: ['全社会'], audience_group: null, mode: ['主动'],
    level: [], notes: '',
  }
}
