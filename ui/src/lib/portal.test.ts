import { describe, it, expect } from 'vitest'
import type { ColumnTree, ItemFields } from '../bindings/core'
import type { PowerSuggestion } from '../bindings/review'
import {
  childPath, cmsMappingText, columnLetter, columnName, columnOf, columnRows, columnsFileName, deletionText, draftOf, fieldsOf,
  powersMappingText, renamedPath, unlinkedCount,
} from './portal'

const col = (id: number, path: string, position: number) => ({ id, catalog_id: 1, path, url: '', position })
const tree: ColumnTree = {
  catalog_id: 1,
  columns: [col(3, '公开/社会救助/低保', 2), col(1, '公开', 0), col(2, '公开/社会救助', 1), col(4, '公开/社会救助低保', 3)],
  links: [{ item_id: 10, column_id: 3 }, { item_id: 11, column_id: 3 }, { item_id: 12, column_id: 2 }, { item_id: 99, column_id: 4 }],
}
const items = [{ id: 10 }, { id: 11 }, { id: 12 }, { id: 13 }]

describe('columnRows', () => {
  it('keeps the tree order, counts direct and nested items, and ignores links of items no longer listed', () => {
    const rows = columnRows(tree, items)
    expect(rows.map((r) => [r.name, r.depth, r.direct, r.total])).toEqual([
      ['公开', 1, 0, 3],
      ['社会救助', 2, 1, 3],
      ['低保', 3, 2, 2],
      // a sibling whose path merely starts with the same text is not below 公开/社会救助
      ['社会救助低保', 2, 0, 0],
    ])
  })
  it('is empty without a tree', () => {
    expect(columnRows(null, items)).toEqual([])
  })
})

describe('links', () => {
  it('finds the column of an item, or none', () => {
    expect(columnOf(tree, 12)).toBe(2)
    expect(columnOf(tree, 13)).toBeNull()
    expect(columnOf(tree, null)).toBeNull()
    expect(columnOf(null, 12)).toBeNull()
  })
  it('counts items tied to no column', () => {
    expect(unlinkedCount(tree, items)).toBe(1)
    expect(unlinkedCount(null, items)).toBe(4)
  })
})

describe('mapping text', () => {
  it('names each role with its column letter and header, or 无', () => {
    expect(columnLetter(0)).toBe('A')
    expect(columnLetter(25)).toBe('Z')
    expect(columnLetter(26)).toBe('AA')
    expect(cmsMappingText({
      headers: ['序号', '栏目全路径', '访问地址', '文章数'],
      mapping: { sheet: 'S', header_row: 0, path: 1, parent: null, url: 2, count: 3, updated: null },
    })).toBe('栏目路径=B（栏目全路径）、上级栏目=无、网址=C（访问地址）、文档数=D（文章数）、最后更新日期=无')
    expect(powersMappingText({
      headers: ['事项名称', '权力类型'],
      mapping: { sheet: 'S', header_row: 0, name: 0, kind: 1, basis: null, subject: 5 },
    })).toBe('事项名称=A（事项名称）、事项类型=B（权力类型）、实施依据=无、实施主体=F（）')
  })
})

describe('columnsFileName', () => {
  it('replaces characters a file name cannot hold', () => {
    expect(columnsFileName('某镇 2026/目录', 'xlsx')).toBe('某镇 2026_目录门户栏目表.xlsx')
    expect(columnsFileName('  ', 'csv')).toBe('目录门户栏目表.csv')
  })
})

describe('suggested items', () => {
  const fields = { domain: '社会救助', l1: '临时救助给付', l2: '', basis: ['《社会救助暂行办法》', '《某省办法》'], subject: '民政办', notes: '' } as unknown as ItemFields
  const s = { power: { name: '临时救助给付', kind: '行政给付', basis: '', subject: '', sheet: 'S', cell: 'B3' }, fields } as PowerSuggestion
  it('round-trips the draft and keeps the other fields', () => {
    const d = draftOf(s)
    expect(d.basis).toBe('《社会救助暂行办法》\n《某省办法》')
    const out = fieldsOf(s, { ...d, l1: ' 临时救助 ', basis: ' 甲 \n\n乙' })
    expect(out).toEqual({ fields: { ...fields, l1: '临时救助', basis: ['甲', '乙'] } })
  })
  it('refuses an empty name or domain with a Chinese reason', () => {
    const d = draftOf(s)
    expect(fieldsOf(s, { ...d, l1: ' ', l2: '' })).toEqual({ error: '请填写事项名称后再添加。' })
    expect(fieldsOf(s, { ...d, domain: '' })).toEqual({ error: '请为这个事项选择领域后再添加。' })
  })
})

describe('editing the tree', () => {
  it('checks a column name and builds the paths of a new or renamed column', () => {
    expect(columnName('  低保 ')).toEqual({ name: '低保' })
    expect(columnName('  ')).toEqual({ error: '请填写栏目名称。' })
    expect('error' in columnName('低保/特困')).toBe(true)
    expect(childPath('公开/社会救助', '特困')).toBe('公开/社会救助/特困')
    expect(childPath(null, '公开')).toBe('公开')
    expect(renamedPath('公开/社会救助/低保', '最低生活保障')).toBe('公开/社会救助/最低生活保障')
    expect(renamedPath('公开', '信息公开')).toBe('信息公开')
  })
  it('says what a deletion takes with it: the columns below (not mere name-prefix siblings) and their items', () => {
    const rows = columnRows(tree, items)
    const text = deletionText(rows, rows[1]!)
    expect(text).toContain('删除栏目“公开/社会救助”，连同下级栏目 1 个；对应到这些栏目的 3 个事项将变为“没有栏目”')
    expect(deletionText(rows, rows[3]!)).toMatch(/^删除栏目“公开\/社会救助低保”。/)
  })
})
