import { describe, it, expect } from 'vitest'
import { reactive } from 'vue'
import type { Item } from '../bindings/core'
import { checklist, toRows, fieldsOf, basisFromText, provenanceLabel, chosenCarriers } from './item'

function item(id: number, domain: string, l1: string, l2: string, extra: Partial<Item> = {}): Item {
  return {
    id, catalog_id: 1, position: id, domain, l1, l2, content: '', elements: [], basis: [], time_limit: '', subject: '',
    channels: { standard: [], extra: [] }, audience: [], audience_group: null, mode: [], level: [], notes: '',
    provenance: { kind: '本级特色事项' }, ...extra,
  }
}

describe('checklist', () => {
  it('lists every standard carrier with ■/□ then the extras', () => {
    const text = checklist({ channels: { standard: ['政府网站', '公开查阅点'], extra: ['办税服务厅'] } })
    expect(text.startsWith('■政府网站 □政府公报 □两微一端')).toBe(true)
    expect(text).toContain('■公开查阅点')
    expect(text.endsWith('□其他 ■办税服务厅')).toBe(true)
    expect(text.split(' ')).toHaveLength(14)
  })
  it('short form shows only chosen carriers', () => {
    expect(chosenCarriers({ channels: { standard: ['政府网站'], extra: ['会议'] } })).toBe('政府网站、会议')
  })
})

describe('toRows', () => {
  it('numbers rows per domain and marks group starts', () => {
    const rows = toRows([
      item(1, '社会救助', '综合业务', '政策法规文件'),
      item(2, '社会救助', '综合业务', '监督检查'),
      item(3, '社会救助', '最低生活保障', '审核信息'),
      item(4, '养老服务', '综合业务', '办事指南'),
    ])
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 1])
    // 序号 repeats across domains, so the grid keys rows by item id, which is unique.
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
    expect(rows.map((r) => r.domainStart)).toEqual([true, false, false, true])
    expect(rows.map((r) => r.l1Start)).toEqual([true, false, true, true])
  })
})

describe('fieldsOf', () => {
  it('strips identity and provenance and copies deeply', () => {
    const it = item(5, '就业', 'a', 'b', { basis: ['《条例》'] })
    const f = fieldsOf(it)
    expect('id' in f).toBe(false)
    expect('provenance' in f).toBe(false)
    f.basis.push('x')
    expect(it.basis).toEqual(['《条例》'])
  })
  it('copies items held in Vue reactive state (proxies cannot be structuredClone-d)', () => {
    const state = reactive({ items: [item(6, '就业', 'a', 'b', { basis: ['《条例》'] })] })
    expect(fieldsOf(state.items[0]!).basis).toEqual(['《条例》'])
  })
})

describe('basisFromText and provenance labels', () => {
  it('splits one basis per line, dropping blanks', () => {
    expect(basisFromText(' 《甲》\n\n《乙》 \n')).toEqual(['《甲》', '《乙》'])
  })
  it('labels provenance', () => {
    expect(provenanceLabel(item(1, 'd', 'a', ''))).toBe('本级特色')
    expect(provenanceLabel(item(1, 'd', 'a', '', { provenance: { kind: '标准指引', guideline_item_id: '05.001', data_version: 'v', modified: true } }))).toBe('指引·已修改')
  })
})
