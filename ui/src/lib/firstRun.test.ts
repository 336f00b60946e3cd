import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { GuidelineItem } from '../bindings/core'

const calls: string[] = []
let adoptFails = ''
vi.mock('./api', async (orig) => ({
  ...(await orig<typeof import('./api')>()),
  api: {
    listUnits: async () => [{ id: 7, name: '某某县某某镇人民政府', kind: '乡镇', region: [] }],
    createUnit: async (u: { name: string; kind: string }) => { calls.push(`unit ${u.name} ${u.kind}`); return { id: 9, ...u, region: [] } },
    createCatalog: async (unitId: number, year: number) => {
      calls.push(`catalog ${unitId} ${year}`)
      return { id: 3, unit_id: unitId, year, title: 't', status: '草稿', domains: [], created_at: '', updated_at: '' }
    },
    adoptDomain: async (id: number, d: string, items: string[] | null) => {
      calls.push(`adopt ${id} ${d} ${items}`)
      if (d === adoptFails) throw '领域“就业”不存在。'
      return { added: 4, truncated: d === '社会救助' ? ['05.010'] : [] }
    },
  },
}))
const { domainBlurb, guideDismissedKey, runGuide, shouldShowGuide, stepProblem, suggestedDomains } = await import('./firstRun')

const it1 = (l1: string, l2: string) => ({ id: '05.001', l1, l2 }) as GuidelineItem

describe('first-run guide', () => {
  beforeEach(() => { calls.length = 0; adoptFails = '' })

  it('is shown on a store without catalogs until dismissed', () => {
    expect(shouldShowGuide(0, null)).toBe(true)
    expect(shouldShowGuide(0, '1')).toBe(false)
    expect(shouldShowGuide(2, null)).toBe(false)
    expect(guideDismissedKey('/d/mulu.db')).toBe('mulu.guideDismissed:/d/mulu.db')
    expect(guideDismissedKey(null)).toBe('mulu.guideDismissed')
  })

  it('says what a domain covers from its data: ministry, item count, 一级事项 in order', () => {
    const items = [it1('综合业务', 'a'), it1('综合业务', 'b'), it1('最低生活保障', 'c'), it1('', 'd'), it1('临时救助', 'e')]
    expect(domainBlurb({ ministry: '民政部（办公厅）', items })).toBe('民政部（办公厅）印发 · 5 项：综合业务、最低生活保障、临时救助')
    expect(domainBlurb({ ministry: null, items }, 2)).toBe('5 项：综合业务、最低生活保障 等')
    expect(domainBlurb({ ministry: null, items: [] })).toBe('0 项')
  })

  it('checks each step', () => {
    const f = { unit: ' ', kind: '乡镇' as const, year: 2026, domains: [] }
    expect(stepProblem(0, f)).toContain('单位全称')
    expect(stepProblem(0, { ...f, unit: '某某镇', year: 1999 })).toContain('2000')
    expect(stepProblem(0, { ...f, unit: '某某镇' })).toBeNull()
    expect(stepProblem(1, f)).toContain('至少选择一个领域')
    expect(stepProblem(1, { ...f, domains: ['就业'] })).toBeNull()
  })

  it('suggests 社会救助 to townships and street offices only, when it exists', () => {
    expect(suggestedDomains('乡镇', ['就业', '社会救助'])).toEqual(['社会救助'])
    expect(suggestedDomains('街道', ['就业', '社会救助'])).toEqual(['社会救助'])
    expect(suggestedDomains('县级部门', ['社会救助'])).toEqual([])
    expect(suggestedDomains('乡镇', ['就业'])).toEqual([])
  })

  it('reuses a unit of the same name, creates the catalog and adopts each domain', async () => {
    const seen: string[] = []
    const r = await runGuide({ unit: ' 某某县某某镇人民政府 ', kind: '乡镇', year: 2026, domains: ['社会救助', '就业'] }, (d) => seen.push(d))
    expect(calls).toEqual(['catalog 7 2026', 'adopt 3 社会救助 null', 'adopt 3 就业 null'])
    expect(seen).toEqual(['社会救助', '就业'])
    expect(r).toMatchObject({ added: 8, truncated: ['05.010'], failed: [] })
  })

  it('creates a new unit; a failed domain is reported and the others still adopted', async () => {
    adoptFails = '就业'
    const r = await runGuide({ unit: '某某街道办事处', kind: '街道', year: 2027, domains: ['就业', '养老服务'] })
    expect(calls).toEqual(['unit 某某街道办事处 街道', 'catalog 9 2027', 'adopt 3 就业 null', 'adopt 3 养老服务 null'])
    expect(r.failed).toEqual([{ domain: '就业', reason: '领域“就业”不存在。' }])
    expect(r.added).toBe(4)
  })
})
