// 培训演示: the walk through a catalog's structure — domain → 一级事项 → 二级事项 → the nine elements —
// as slides built from the built-in guideline data (schemas/guidelines), with what each element means
// and the legal facts behind it. The meanings and facts are those of the project's format reference
// (reference/catalog-format.md: 标准目录要素说明 and “Policy background”) and schemas/rules/repealed.json;
// nothing here is added from memory.
import type { GuidelineDomain, GuidelineItem } from '../bindings/core'
import { STANDARD_CARRIERS } from './item'

export interface ElementInfo {
  key: 'name' | 'content' | 'basis' | 'time_limit' | 'subject' | 'channels' | 'audience' | 'mode' | 'level'
  label: string
  /** Which column(s) of the official table (A 序号 … N 公开层级). */
  columns: string
  meaning: string
  facts: string[]
}

/** The nine elements of a catalog row, in the official table's order. */
export const ELEMENTS: ElementInfo[] = [
  { key: 'name', label: '公开事项', columns: 'B–C 列（一级事项 · 二级事项）',
    meaning: '事项的名称：一级事项把若干二级事项归在一起，表格里一级事项常纵向合并在它的二级事项上。',
    facts: ['事项取自国务院各部门印发的 26 个试点领域基层政务公开标准指引，再加本级权责清单、公共服务事项清单里的事项（国办发〔2019〕54号）。'] },
  { key: 'content', label: '公开内容（要素）', columns: 'D 列',
    meaning: '要公开的具体内容，通常是用“、”连起来的一串名词，以“等”结尾。',
    facts: ['国办发〔2019〕54号要求目录至少写明每个事项的名称、内容、依据、时限、主体、方式、渠道和对象。'] },
  { key: 'basis', label: '公开依据', columns: 'E 列',
    meaning: '要求公开的法律、法规、规章和规范性文件，常在前面注明层级，如【法律】【行政法规】【部门规章】【规范性文件】；文件名用《》，常附文号。',
    facts: ['《中华人民共和国政府信息公开条例》现行文本是国务院令第711号（2019年4月3日修订公布，2019年5月15日起施行），取代2007年文本（国务院令第492号）。',
      '仍引用第492号，就是引用已被取代的文本：审核报 R201-basis-repealed，建议改引第711号。'] },
  { key: 'time_limit', label: '公开时限', columns: 'F 列',
    meaning: '什么时候公开。最常见的写法是“信息形成或者变更之日起20个工作日内”，也有“实时”“及时公开”“办理完成后N个工作日内”等。',
    facts: ['条例第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开；法律、法规对期限另有规定的，从其规定。',
      '条例第三十三条：依申请公开的，20个工作日内答复，需要延长的最多再延长20个工作日。'] },
  { key: 'subject', label: '公开主体', columns: 'G 列',
    meaning: '负责公开的机关，例如“县级民政部门”“乡镇人民政府（街道办事处）”。',
    facts: ['乡镇、街道的目录写本级负责公开的机关；由县级部门公开的事项，可在目录中标为“不涉及”并写明理由。'] },
  { key: 'channels', label: '公开渠道和载体', columns: 'H 列',
    meaning: `在一个单元格里写成勾选清单：■ 表示选中，□ 表示未选。标准载体共 ${STANDARD_CARRIERS.length} 种：${STANDARD_CARRIERS.join('、')}；还可写领域特有的载体。`,
    facts: ['在指引的模板里 ■/□ 有时表示“必选/可选”（图例写明“■表示必选项，□表示可选项”）；在单位自己的目录里表示“选中/未选”。',
      '字体损坏时 ■/□ 会变成 t/口 等字母，读取时会提示改回。'] },
  { key: 'audience', label: '公开对象', columns: 'I–J 列（全社会 · 特定群体）',
    meaning: '向谁公开：全社会，或特定群体（可写明是哪些人，如“申请人”“项目单位”）。在选中的一栏打 √。',
    facts: ['通常恰好勾一项；两项都没勾或都勾了，审核报 R102-audience-marks。'] },
  { key: 'mode', label: '公开方式', columns: 'K–L 列（主动 · 依申请）',
    meaning: '主动公开，或依申请公开。在选中的一栏打 √。',
    facts: ['主动公开的时限见条例第二十六条（20个工作日）；依申请公开的答复期限见条例第三十三条。',
      '通常恰好勾一项；两项都勾或都没勾，审核报 R103-mode-marks。'] },
  { key: 'level', label: '公开层级', columns: 'M–N 列（县级 · 乡级）',
    meaning: '由哪一级公开：县级和/或乡级。下级一栏也写作“镇级”“街道”。',
    facts: ['县级部门的目录常不含公开层级两栏。'] },
]

/** The grounds for not disclosing (条例第十四至十六条), as the reference states them. */
export const WITHHOLD_FACTS: string[] = [
  '第十四条：依法确定为国家秘密的，法律、行政法规禁止公开的，公开后可能危及国家安全、公共安全、经济安全、社会稳定的，不予公开。',
  '第十五条：涉及商业秘密、个人隐私的，不予公开；当事人同意公开，或者公共利益更为重要的除外。',
  '第十六条：行政机关的内部事务信息、过程性信息以及行政执法案卷信息，可以不予公开。',
  '不予公开的事项列入负面清单，逐项写明法定理由；本程序在“不予公开/不涉及”里记录，随目录一起导出。',
]

export interface Slide {
  kind: 'domain' | 'l1' | 'l2' | 'element' | 'withheld'
  /** Breadcrumb: 社会救助 › 最低生活保障 › 审核信息. */
  path: string[]
  title: string
  /** What the element means (element slides) or the slide's body lines. */
  lines: string[]
  /** The value in the guideline item shown (element slides). */
  value: string[]
  facts: string[]
  /** The element's columns in the official table. */
  columns?: string
}

/** The distinct 一级事项 of a domain in order, with their items. */
export function groups(d: Pick<GuidelineDomain, 'items'>): { l1: string; items: GuidelineItem[] }[] {
  const out: { l1: string; items: GuidelineItem[] }[] = []
  for (const it of d.items) {
    const l1 = it.l1.trim() || '（来源中未见一级事项）'
    const g = out.find((x) => x.l1 === l1)
    if (g) g.items.push(it)
    else out.push({ l1, items: [it] })
  }
  return out
}

const orUnseen = (v: string[]) => (v.length ? v : ['（指引副本中未见）'])

/** The value of an element in a guideline item, as lines. */
export function elementValue(it: GuidelineItem, key: ElementInfo['key']): string[] {
  switch (key) {
    case 'name': return [`一级事项：${it.l1 || '—'}`, `二级事项：${it.l2 || '—'}`]
    case 'content': return orUnseen(it.elements)
    case 'basis': return orUnseen(it.basis)
    case 'time_limit': return orUnseen(it.time_limit ? [it.time_limit] : [])
    case 'subject': return orUnseen(it.subject ? [it.subject] : [])
    case 'channels': return orUnseen(it.carriers.map((c) => (c.requirement === '未注明' ? c.name : `${c.name}（${c.requirement}）`)))
    case 'audience': return orUnseen(it.audience.map((a) => (a === '特定群体' && it.audience_group ? `${a}（${it.audience_group}）` : a)))
    case 'mode': return orUnseen(it.mode)
    case 'level': return orUnseen(it.level)
  }
}

/**
 * The walk for one domain: the domain, its 一级事项, the 二级事项 of the chosen 一级事项 (`l1`, default
 * the first), the nine elements of the chosen item (`itemId`, default the first of that 一级事项), and
 * the grounds for not disclosing.
 */
export function buildWalk(d: GuidelineDomain, l1?: string, itemId?: string): Slide[] {
  const gs = groups(d)
  const g = gs.find((x) => x.l1 === l1) ?? gs[0]
  const it = g?.items.find((i) => i.id === itemId) ?? g?.items[0]
  const slides: Slide[] = [{
    kind: 'domain', path: [d.name], title: `${d.name}领域`,
    lines: [
      d.guideline_title ?? `${d.name}领域基层政务公开标准指引`,
      [d.ministry ? `印发：${d.ministry}` : '', d.issued ? `时间与文号：${d.issued}` : ''].filter(Boolean).join('　'),
      `共 ${d.items.length} 个事项，分 ${gs.length} 个一级事项。`,
    ].filter(Boolean),
    value: [], facts: ['每个领域在目录里是一张表，标题如“某某县某某镇社会救助领域基层政务公开标准目录”，表头两行。'],
  }]
  if (!g || !it) return slides
  slides.push({
    kind: 'l1', path: [d.name], title: '一级事项', lines: gs.map((x) => `${x.l1}（${x.items.length} 项）`), value: [],
    facts: ['一级事项把相关的二级事项归为一组，表格里常纵向合并单元格。'],
  })
  slides.push({
    kind: 'l2', path: [d.name, g.l1], title: `“${g.l1}”的二级事项`, lines: g.items.map((i) => `${i.id}　${i.l2 || '（无二级事项）'}`), value: [],
    facts: ['每个二级事项是目录里的一行，有下面九个要素。'],
  })
  const name = it.l2 || it.l1
  for (const e of ELEMENTS) {
    slides.push({
      kind: 'element', path: [d.name, g.l1, name], title: e.label, columns: e.columns,
      lines: [e.meaning], value: elementValue(it, e.key), facts: e.facts,
    })
  }
  slides.push({ kind: 'withheld', path: [d.name], title: '不予公开的理由（条例第十四至十六条）', lines: [], value: [], facts: WITHHOLD_FACTS })
  return slides
}

/** The slide after (1) or before (−1) `i`, kept within the walk. */
export function stepSlide(i: number, dir: 1 | -1, count: number): number {
  return Math.min(Math.max(i + dir, 0), Math.max(count - 1, 0))
}
