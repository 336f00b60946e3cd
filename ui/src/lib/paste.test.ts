import { describe, it, expect } from 'vitest'
import { parseClipboard, parsePaste, looksLikeHeader } from './paste'
import { newLocalFields } from './item'

const D = '社会救助'

describe('parseClipboard', () => {
  it('splits tab-separated rows and drops the trailing newline', () => {
    expect(parseClipboard('a\tb\tc\nd\te\tf\n').rows).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']])
  })
  it('reads quoted cells with line breaks, tabs and "" as Excel writes them', () => {
    const { rows, warnings } = parseClipboard('甲\t"第一行\n第二行"\t"含\t制表符"\t"他说""好"""\n')
    expect(rows).toEqual([['甲', '第一行\n第二行', '含\t制表符', '他说"好"']])
    expect(warnings).toEqual([])
  })
  it('handles CRLF between rows and inside cells', () => {
    expect(parseClipboard('a\t"x\r\ny"\r\nb\tz\r\n').rows).toEqual([['a', 'x\ny'], ['b', 'z']])
  })
  it('keeps a quote inside an unquoted cell', () => {
    expect(parseClipboard('关于"双随机"的通知\tb').rows).toEqual([['关于"双随机"的通知', 'b']])
  })
  it('gives nothing for blank text', () => {
    expect(parseClipboard('\r\n').rows).toEqual([])
  })
})

describe('parsePaste', () => {
  it('maps plain TSV to items in the official column order', () => {
    const text = '综合业务\t政策法规文件\t规范性文件\t《社会救助暂行办法》\t20个工作日内\t县民政局\n综合业务\t监督检查\t检查结果\t\t5个工作日内\t县民政局\n'
    const { items, warnings } = parsePaste(text, D)
    expect(warnings).toEqual([])
    expect(items).toHaveLength(2)
    expect(items[0]).toEqual({
      ...newLocalFields(D), l1: '综合业务', l2: '政策法规文件', content: '规范性文件', basis: ['《社会救助暂行办法》'],
      time_limit: '20个工作日内', subject: '县民政局',
    })
    expect(items[1]!.basis).toEqual([])
    expect(items[1]!.domain).toBe(D)
  })
  it('makes one basis per line of a quoted multi-line cell from Excel', () => {
    const { items } = parsePaste('最低生活保障\t审核信息\t对象、金额\t"《条例》\n《办法》"\t及时\t乡镇\r\n', D)
    expect(items[0]!.basis).toEqual(['《条例》', '《办法》'])
  })
  it('reads CRLF clipboard text (Windows)', () => {
    const { items } = parsePaste('一\t甲\r\n二\t乙\r\n', D)
    expect(items.map((i) => [i.l1, i.l2])).toEqual([['一', '甲'], ['二', '乙']])
  })
  it('skips a header row (and the official second header row)', () => {
    const text = '序号\t公开事项\t\t公开内容（要素）\t公开依据\t公开时限\t公开主体\n\t一级事项\t二级事项\n1\t综合业务\t办事指南\t流程\t\t及时\t县民政局\n'
    const { items, warnings } = parsePaste(text, D)
    expect(warnings).toEqual([])
    expect(items.map((i) => [i.l1, i.l2, i.content, i.subject])).toEqual([['综合业务', '办事指南', '流程', '县民政局']])
    expect(looksLikeHeader(['一级事项', '二级事项', '公开内容（要素）'])).toBe(true)
    expect(looksLikeHeader(['综合业务', '公开内容说明'])).toBe(false)
  })
  it('drops a leading 序号 column when every row starts with a number', () => {
    const { items } = parsePaste('1\t综合业务\t政策文件\n2\t综合业务\t监督检查\n', D)
    expect(items.map((i) => [i.l1, i.l2])).toEqual([['综合业务', '政策文件'], ['综合业务', '监督检查']])
    // Not every row numbered: the first column is 一级事项.
    expect(parsePaste('1\t政策文件\n综合业务\t监督检查\n', D).items[0]!.l1).toBe('1')
  })
  it('drops rows without names, with a warning, and ignores blank rows', () => {
    const { items, warnings } = parsePaste('综合业务\t政策文件\n\n\t\t只有内容\n综合业务\t监督检查\n', D)
    expect(items.map((i) => i.l2)).toEqual(['政策文件', '监督检查'])
    expect(warnings).toEqual(['第3行没有事项名称，已跳过'])
  })
  it('fills an empty 一级事项 from the row above (merged cells)', () => {
    const { items } = parsePaste('最低生活保障\t办事指南\n\t审核信息\n', D)
    expect(items.map((i) => i.l1)).toEqual(['最低生活保障', '最低生活保障'])
  })
  it('allows fewer columns (missing ones empty) and ignores extra ones', () => {
    const [few] = parsePaste('综合业务\t政策文件\n', D).items
    expect(few).toEqual({ ...newLocalFields(D, '综合业务'), l2: '政策文件', time_limit: '', content: '', basis: [], subject: '' })
    const [many] = parsePaste('a\tb\tc\td\te\tf\t■政府网站\t√\n', D).items
    expect([many!.subject, many!.channels]).toEqual(['f', newLocalFields(D).channels])
  })
  it('warns about an unpaired quote', () => {
    expect(parsePaste('综合业务\t"政策文件\n', D).warnings[0]).toContain('引号没有配对')
  })
})
