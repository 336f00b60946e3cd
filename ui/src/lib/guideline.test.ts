import { describe, it, expect } from 'vitest'
import type { DomainLoad, GuidelineDomain, GuidelineDomainSummary, GuidelineItem } from '../bindings/core'
import {
  adoptMessage, carrierLegend, carrierTag, completeness, domainSize, domainTree, isBuiltinLibrary, isTruncated, libraryLabel,
  loadRows, loadSummary, packFileName, statusHint,
} from './guideline'
import { NAV, ROLES, entriesFor } from './nav'

const domain: GuidelineDomain = {
  name: '社会救助', number: 5, aliases: [], ministry: '民政部', guideline_title: null, issued: null, data_version: 'v1',
  status: '部分', confidence: 'high', sources: [], notes: '',
  items: [
    { id: '05.001', l1: '综合业务', l2: '政策法规文件', elements: ['社会救助暂行办法'], basis: [], time_limit: null, subject: null, carriers: [], audience: [], audience_group: null, mode: [], level: [], source: 's', note: null },
    { id: '05.002', l1: '综合业务', l2: '监督检查', elements: ['投诉举报电话'], basis: [], time_limit: null, subject: null, carriers: [], audience: [], audience_group: null, mode: [], level: [], source: 's', note: null },
    { id: '05.003', l1: '', l2: '独生子女父母奖励', elements: [], basis: [], time_limit: null, subject: null, carriers: [], audience: [], audience_group: null, mode: [], level: [], source: 's', note: null },
  ],
}

describe('domainTree', () => {
  it('groups by 一级事项 in order and names a missing one', () => {
    const t = domainTree(domain)
    expect(t.map((n) => n.label)).toEqual(['综合业务', '（一级事项未见于来源）'])
    expect(t[0]!.children!.map((n) => n.key)).toEqual(['05.001', '05.002'])
  })
  it('filters by a Chinese substring of names or elements', () => {
    const t = domainTree(domain, '投诉')
    expect(t).toHaveLength(1)
    expect(t[0]!.children!.map((n) => n.label)).toEqual(['监督检查'])
  })
  it('explains partial data', () => {
    expect(statusHint('部分')).toContain('补全')
  })
})

const summary = (over: Partial<GuidelineDomainSummary>): GuidelineDomainSummary => ({
  name: '就业', number: 9, ministry: null, data_version: '2026.12-1', status: '部分', item_count: 3, l1_count: 2,
  national_l1: null, national_l2: null, truncated_items: 0, library: null, builtin: true, ...over,
})

describe('library and completeness', () => {
  it('names the library a domain comes from', () => {
    expect(libraryLabel(summary({}))).toBe('内置 2026.12-1')
    expect(isBuiltinLibrary(summary({}))).toBe(true)
    const pack = summary({ library: '某某县指引库 2026.12', data_version: '县-1' })
    expect(libraryLabel(pack)).toBe('某某县指引库 2026.12')
    expect(isBuiltinLibrary(pack)).toBe(false)
    expect(libraryLabel({ data_version: 'v', library: undefined })).toBe('内置 v')
  })
  it('makes “partial” a number when the national size is known', () => {
    expect(completeness(summary({ national_l1: 8, national_l2: 25 }))).toEqual({
      items: '已收录 3 项 / 全表 25 项（二级）', l1: '一级 2 / 8', known: true,
    })
    expect(completeness(summary({}))).toEqual({ items: '已收录 3 项', l1: null, known: false })
    expect(completeness(summary({ national_l2: 40 })).l1).toBeNull()
  })
  it('counts a whole domain the same way', () => {
    expect(domainSize({ ...domain, national: { l1: 5, l2: null, source: 's' } })).toEqual({
      item_count: 3, l1_count: 2, national_l1: 5, national_l2: null,
    })
    expect(domainSize(domain).national_l1).toBeNull()
  })
})

describe('an item’s carriers and cut-off fields', () => {
  const item = (over: Partial<GuidelineItem>): GuidelineItem => ({ ...domain.items[0]!, ...over })
  it('marks ■/□ only when the source stated it', () => {
    expect(carrierTag({ name: '政府网站', requirement: '必选' })).toMatchObject({ text: '■ 政府网站', type: 'primary' })
    expect(carrierTag({ name: '两微一端', requirement: '可选' })).toMatchObject({ text: '□ 两微一端', type: 'info' })
    const plain = carrierTag({ name: '公开查阅点', requirement: '未注明' })
    expect(plain.text).toBe('公开查阅点')
    expect(plain.type).toBe('')
    expect(plain.text).not.toMatch(/[■□]/)
  })
  it('has a legend for the marks used', () => {
    expect(carrierLegend(item({ carriers: [{ name: '政府网站', requirement: '必选' }] }))).toBe('■ 必选　□ 可选')
    expect(carrierLegend(item({ carriers: [{ name: '政府网站', requirement: '未注明' }] }))).toContain('未注明必选或可选')
    expect(carrierLegend(item({ carriers: [] }))).toBe('')
  })
  it('knows which fields the copy cut off', () => {
    const it1 = item({ truncated: ['basis', 'channels'] })
    expect(isTruncated(it1, 'basis')).toBe(true)
    expect(isTruncated(it1, 'content')).toBe(false)
    expect(isTruncated(item({}), 'basis')).toBe(false)
  })
})

describe('messages', () => {
  it('says once that adopted items have cut-off fields', () => {
    expect(adoptMessage({ added: 0, truncated: [] }, '目录').type).toBe('info')
    expect(adoptMessage({ added: 4, truncated: [] }, '某镇2026年目录')).toEqual({ type: 'success', text: '已采用 4 个事项到“某镇2026年目录”' })
    const m = adoptMessage({ added: 9, truncated: ['05.001', '05.002', '05.003', '05.004', '05.005', '05.006'] }, '目录')
    expect(m.type).toBe('warning')
    expect(m.text).toBe('已采用 9 个事项到“目录”。其中 6 个事项的部分字段来源不完整（05.001、05.002、05.003、05.004、05.005 等），请核对官方指引后补全。')
    expect(m.text.match(/来源不完整/g)).toHaveLength(1)
  })
  const load = (over: Partial<DomainLoad>): DomainLoad => ({
    name: '社会救助', number: 5, data_version: 'v2', requested_version: 'v2', action: '新增', item_count: 12, current_count: 10,
    new_items: 2, truncated_items: 0, ...over,
  })
  it('describes each domain of a load', () => {
    const rows = loadRows([
      load({}),
      load({ name: '村务公开', number: 27, current_count: null, new_items: 3, item_count: 3, truncated_items: 1 }),
      load({ name: '就业', action: '已有' }),
      load({ name: '养老服务', action: '改名', data_version: 'v2（某某县指引库）' }),
    ])
    expect(rows.map((r) => r.items)).toEqual(['10 → 12', '3（新领域）', '10 → 12', '10 → 12'])
    expect(rows[0]!.note).toBe('新增 2 个事项编号')
    expect(rows[1]!.note).toBe('1 个事项来源不完整')
    expect(rows[2]!.note).toBe('本机已有相同的版本，不重复载入')
    expect(rows[3]!.note).toContain('另存为此版本号')
    expect(rows[3]!.version).toBe('v2（某某县指引库）')
  })
  it('sums a load up', () => {
    const domains = [load({}), load({ action: '已有' }), load({ action: '已有' })]
    expect(loadSummary({ domains })).toBe('已载入 1 个领域，2 个本机已有相同版本')
    expect(loadSummary({ domains: [load({})] }, false)).toBe('将载入 1 个领域')
  })
  it('names the pack file safely', () => {
    expect(packFileName('某某县 指引库')).toBe('某某县 指引库-指引包.json')
    expect(packFileName('a/b:c')).toBe('a_b_c-指引包.json')
    expect(packFileName('  ')).toBe('指引库-指引包.json')
  })
})

describe('navigation', () => {
  it('has entries for the three roles', () => {
    expect(ROLES.every((r) => entriesFor(r).length > 0)).toBe(true)
    expect(new Set(NAV.map((e) => e.id)).size).toBe(NAV.length)
  })
})
