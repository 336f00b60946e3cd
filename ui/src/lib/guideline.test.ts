import { describe, it, expect } from 'vitest'
import type { GuidelineDomain } from '../bindings/core'
import { domainTree, statusHint } from './guideline'
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

describe('navigation', () => {
  it('has entries for the three roles', () => {
    expect(ROLES.every((r) => entriesFor(r).length > 0)).toBe(true)
    expect(new Set(NAV.map((e) => e.id)).size).toBe(NAV.length)
  })
})
