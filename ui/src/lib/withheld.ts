// 不予公开事项（负面清单）与“本单位不涉及”的指引事项: helpers for WithheldPanel and its tests.
// The shapes are the Rust types (ui/src/bindings/core.ts); the store checks them again.
import type {
  GuidelineDomainSummary, GuidelineItem, Item, NotApplicable, Withheld, WithholdGround,
} from '../bindings/core'

/** What each statutory ground covers, as docs/rules.md R603 states it. A Record over the generated
 *  type: a new ground in Rust fails the typecheck here until it is given its scope. */
export const GROUND_SCOPE: Record<WithholdGround, string> = {
  条例第十四条: '国家秘密、法律法规禁止公开、危及国家安全公共安全经济安全社会稳定',
  条例第十五条: '商业秘密、个人隐私',
  条例第十六条: '内部事务信息、过程性信息、行政执法案卷信息',
}

/** The grounds in the order of the regulation. */
export const WITHHOLD_GROUNDS = Object.keys(GROUND_SCOPE) as WithholdGround[]

/** `条例第十五条（商业秘密、个人隐私）`, or the hint for a missing ground (review rule R603). */
export function groundLabel(g: WithholdGround | null): string {
  return g ? `${g}（${GROUND_SCOPE[g]}）` : '未选择（审核时报错误）'
}

/** The form of the add/edit dialog: a new entry of the catalog (domain: null = 不分领域). */
export function newWithheld(catalogId: number, domain: string | null = null): Withheld {
  return { id: 0, catalog_id: catalogId, domain, name: '', ground: null, detail: '' }
}

/** What is wrong with a 不予公开事项 before saving ('' when it can be saved). */
export function withheldProblem(w: Pick<Withheld, 'name'>): string {
  return w.name.trim() ? '' : '请填写不予公开事项的名称。'
}

/** What is wrong with a 不涉及 record before saving ('' when it can be saved). */
export function notApplicableProblem(na: Pick<NotApplicable, 'guideline_item_id' | 'reason'>): string {
  if (!na.guideline_item_id.trim()) return '请选择本单位不涉及的指引事项。'
  if (!na.reason.trim()) return '请写明不涉及的理由，例如“本镇无此项职能”。'
  return ''
}

/** The guideline items the catalog already holds: adopted ones carry their guideline item id. */
export function adoptedGuidelineIds(items: Pick<Item, 'provenance'>[]): Set<string> {
  const ids = new Set<string>()
  for (const it of items) if (it.provenance.kind === '标准指引') ids.add(it.provenance.guideline_item_id)
  return ids
}

/** A domain's guideline items that can still be marked 不涉及: neither adopted into the catalog
 *  nor marked already (`keep`: the id being edited stays in the list). Guideline order. */
export function markableGuidelineItems(
  guidelineItems: GuidelineItem[], items: Pick<Item, 'provenance'>[], marked: Pick<NotApplicable, 'guideline_item_id'>[], keep = '',
): GuidelineItem[] {
  const taken = adoptedGuidelineIds(items)
  for (const m of marked) if (m.guideline_item_id !== keep) taken.add(m.guideline_item_id)
  return guidelineItems.filter((g) => !taken.has(g.id))
}

/** `一级事项 / 二级事项` of a guideline item (either may be empty). */
export function guidelineItemName(g: Pick<GuidelineItem, 'l1' | 'l2'>): string {
  if (g.l1 && g.l2) return `${g.l1} / ${g.l2}`
  return g.l2 || g.l1
}

/** The domain a guideline item id (`NN.MMM`) belongs to: NN is the domain's number. */
export function domainOfItemId(id: string, domains: Pick<GuidelineDomainSummary, 'name' | 'number'>[]): string | null {
  const m = /^(\d+)\./.exec(id.trim())
  if (!m) return null
  const n = Number(m[1])
  return domains.find((d) => d.number === n)?.name ?? null
}
