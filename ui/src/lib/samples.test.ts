import { describe, expect, it } from 'vitest'
import type { ImportPreview, PreviewItem } from '../bindings/core'
import { SAMPLES, fileName, sampleEntries, sampleRows, sampleSummary } from './samples'

const item = (extra: Partial<PreviewItem> = {}): PreviewItem => ({
  sheet: '社会救助', row: 4, cells: {}, id: null, provenance: null, domain: '社会救助', l1: '最低生活保障', l2: '审核信息',
  content: '申请人姓名', elements: [], basis: ['《社会救助暂行办法》', '《中华人民共和国政府信息公开条例》'],
  time_limit: '信息形成或者变更之日起20个工作日内', subject: '镇人民政府',
  channels: { standard: ['政府网站', '公开查阅点'], extra: ['便民服务站（村）'] },
  audience: ['特定群体'], audience_group: '申请人', mode: ['主动'], level: ['县级', '乡级'], notes: '', ...extra,
})

describe('samples', () => {
  it('lists the shipped files in the described order, unknown files last by name', () => {
    const paths = ['/a/samples/street.xlsx', 'C:\\x\\samples\\township.xlsx', '/a/samples/extra.xlsx', '/a/samples/mistakes-street.xlsx']
    const e = sampleEntries(paths)
    expect(e.map((s) => s.file)).toEqual(['township.xlsx', 'street.xlsx', 'mistakes-street.xlsx', 'extra.xlsx'])
    expect(e[0]?.path).toBe('C:\\x\\samples\\township.xlsx')
    expect(e[2]?.mistakes).toBe(true)
    expect(e[3]).toMatchObject({ title: 'extra.xlsx', what: '', mistakes: false })
    expect(fileName('C:\\a\\b.xlsx')).toBe('b.xlsx')
    // Every file of samples/README.md is described.
    expect(SAMPLES.map((s) => s.file).sort()).toEqual(['county-department.xlsx', 'mistakes-street.xlsx', 'mistakes-township.xlsx', 'street.xlsx', 'township.xlsx'])
  })

  it('shows each previewed item read-only with its place in the file', () => {
    const p: ImportPreview = { file: 'x', unit_hint: null, origin: null, sheets: [{ sheet: '社会救助', domain: null, diagnostics: [], items: [item()] }] }
    expect(sampleRows(p)).toEqual([{
      key: '0-0', at: '社会救助 第4行', domain: '未识别', l1: '最低生活保障', l2: '审核信息', content: '申请人姓名',
      basis: '《社会救助暂行办法》\n《中华人民共和国政府信息公开条例》', time_limit: '信息形成或者变更之日起20个工作日内',
      subject: '镇人民政府', channels: '政府网站、公开查阅点、便民服务站（村）', audience: '特定群体（申请人）', mode: '主动', level: '县级、乡级',
    }])
    expect(sampleSummary(p)).toBe('0 个领域 · 1 个事项')
    const withOrigin = { ...p, sheets: [{ ...p.sheets[0], domain: '社会救助' }, { ...p.sheets[0], domain: '社会救助' }],
      origin: { withheld: [{}, {}], not_applicable: [{}] } } as unknown as ImportPreview
    expect(sampleSummary(withOrigin)).toBe('1 个领域 · 2 个事项 · 不予公开 2 项 · 不涉及 1 项')
  })
})
