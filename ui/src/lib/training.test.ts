import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { GuidelineDomain } from '../bindings/core'
import { ELEMENTS, WITHHOLD_FACTS, buildWalk, elementValue, groups, stepSlide } from './training'

// The built-in guideline data, as the app ships it.
const dir = join(__dirname, '../../../schemas/guidelines')
const load = (prefix: string) => {
  const f = readdirSync(dir).find((n) => n.startsWith(prefix)) as string
  return JSON.parse(readFileSync(join(dir, f), 'utf8')) as GuidelineDomain
}

describe('trainer walk', () => {
  it('has the nine elements of the official table', () => {
    expect(ELEMENTS.map((e) => e.label)).toEqual(['公开事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级'])
    expect(ELEMENTS.find((e) => e.key === 'time_limit')?.facts.join()).toContain('第二十六条')
    expect(ELEMENTS.find((e) => e.key === 'time_limit')?.facts.join()).toContain('20个工作日')
    expect(ELEMENTS.find((e) => e.key === 'basis')?.facts.join()).toContain('国务院令第711号')
    expect(WITHHOLD_FACTS.slice(0, 3).map((f) => f.slice(0, 4))).toEqual(['第十四条', '第十五条', '第十六条'])
  })

  it('walks 社会救助: domain, 一级事项, 二级事项, nine elements, grounds', () => {
    const d = load('05-')
    const gs = groups(d)
    expect(gs.map((g) => g.l1).slice(0, 2)).toEqual(['综合业务', '最低生活保障'])
    const w = buildWalk(d)
    expect(w.map((s) => s.kind)).toEqual(['domain', 'l1', 'l2', ...Array(9).fill('element'), 'withheld'])
    expect(w[0]?.lines.join()).toContain(`共 ${d.items.length} 个事项`)
    expect(w[1]?.lines[0]).toBe(`综合业务（${gs[0]?.items.length} 项）`)
    expect(w[2]?.lines[0]).toBe('05.001　政策法规文件')
    expect(w[3]).toMatchObject({ title: '公开事项', path: ['社会救助', '综合业务', '政策法规文件'], value: ['一级事项：综合业务', '二级事项：政策法规文件'] })
    // Another 一级事项 and item chosen.
    const w2 = buildWalk(d, '最低生活保障', '05.003')
    const time = w2.find((s) => s.title === '公开时限')
    expect(time?.value).toEqual(['制定或获取信息之日起10个工作日内'])
    expect(w2.find((s) => s.title === '公开层级')?.value).toEqual(['县级', '乡级'])
  })

  it('says when the copy lacks a value, and names the 特定群体', () => {
    const it0 = { ...load('05-').items[0], time_limit: null, subject: null, audience: ['特定群体'], audience_group: '申请人' } as never
    expect(elementValue(it0, 'time_limit')).toEqual(['（指引副本中未见）'])
    expect(elementValue(it0, 'audience')).toEqual(['特定群体（申请人）'])
  })

  it('steps within the walk', () => {
    expect(stepSlide(0, -1, 13)).toBe(0)
    expect(stepSlide(0, 1, 13)).toBe(1)
    expect(stepSlide(12, 1, 13)).toBe(12)
    expect(stepSlide(0, 1, 0)).toBe(0)
  })
})
