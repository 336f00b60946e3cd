// 首次使用向导（快速上手）: when it is shown, what each guideline domain covers (from the built-in
// guideline data, never written by hand), the checks of each step, and the use cases it runs —
// the same commands as 单位与目录 and 标准指引库 (create_unit, create_catalog, adopt_domain).
import type { Catalog, GuidelineDomain, UnitKind } from '../bindings/core'
import { api } from './api'

export const UNIT_KINDS: UnitKind[] = ['乡镇', '街道', '县级部门']

/** The localStorage key that remembers “以后不再自动显示” for the database at `dbPath`. */
export function guideDismissedKey(dbPath: string | null): string {
  return dbPath ? `mulu.guideDismissed:${dbPath}` : 'mulu.guideDismissed'
}

/** Shown by itself only on a store without any catalog, and only until it was closed once. */
export function shouldShowGuide(catalogCount: number, dismissed: string | null): boolean {
  return catalogCount === 0 && dismissed !== '1'
}

/**
 * One line saying what a domain covers, from its guideline data: the issuing ministry, the number
 * of items, and its 一级事项 in order (at most `max`, then “等”). Example:
 * `民政部（办公厅）印发 · 13 项：综合业务、最低生活保障、特困人员救助供养、临时救助`.
 */
export function domainBlurb(d: Pick<GuidelineDomain, 'ministry' | 'items'>, max = 5): string {
  const l1: string[] = []
  for (const it of d.items) {
    const name = it.l1.trim()
    if (name && !l1.includes(name)) l1.push(name)
  }
  const head = [d.ministry ? `${d.ministry}印发` : '', `${d.items.length} 项`].filter(Boolean).join(' · ')
  if (l1.length === 0) return head
  const shown = l1.slice(0, max).join('、')
  return `${head}：${shown}${l1.length > max ? ' 等' : ''}`
}

export interface GuideForm {
  unit: string
  kind: UnitKind
  year: number
  domains: string[]
}

/** What is missing on a step (a Chinese sentence), or null when the step is complete. */
export function stepProblem(step: number, f: GuideForm): string | null {
  if (step === 0) {
    if (!f.unit.trim()) return '请填写单位全称，例如“某某县某某镇人民政府”。'
    if (!UNIT_KINDS.includes(f.kind)) return '请选择单位类别：乡镇、街道或县级部门。'
    if (!Number.isInteger(f.year) || f.year < 2000 || f.year > 2100) return '年度应在 2000 至 2100 之间。'
  }
  if (step === 1 && f.domains.length === 0) return '请至少选择一个领域（可以以后在“标准指引库”再添加）。'
  return null
}

/** The domains suggested for a kind of unit: none preselected for a county department (its
 *  domains depend on the department); 社会救助 for townships and street offices, which every
 *  township catalog in samples/ has. Only names present in `available` are returned. */
export function suggestedDomains(kind: UnitKind, available: string[]): string[] {
  const wanted = kind === '县级部门' ? [] : ['社会救助']
  return wanted.filter((d) => available.includes(d))
}

export interface GuideResult {
  catalog: Catalog
  added: number
  /** Guideline ids of adopted items whose source copy was cut off (to be completed from the official guideline). */
  truncated: string[]
  /** Domains whose adoption failed, with the reason. */
  failed: { domain: string; reason: string }[]
}

/** Creates (or reuses, by exact name) the unit, creates the year's catalog and adopts every item of
 *  each chosen domain. `progress` is told each domain before it is adopted. */
export async function runGuide(f: GuideForm, progress: (domain: string, index: number) => void = () => {}): Promise<GuideResult> {
  const name = f.unit.trim()
  const units = await api.listUnits()
  const unit = units.find((u) => u.name === name) ?? (await api.createUnit({ name, kind: f.kind, region: [] }))
  const catalog = await api.createCatalog(unit.id, f.year)
  let added = 0
  const truncated: string[] = []
  const failed: GuideResult['failed'] = []
  for (const [i, d] of f.domains.entries()) {
    progress(d, i)
    try {
      const out = await api.adoptDomain(catalog.id, d, null)
      added += out.added
      truncated.push(...out.truncated)
    } catch (e) {
      failed.push({ domain: d, reason: typeof e === 'string' ? e : e instanceof Error ? e.message : String(e) })
    }
  }
  return { catalog, added, truncated, failed }
}
