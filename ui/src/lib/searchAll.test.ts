import { describe, it, expect } from 'vitest'
import type { SearchAll } from '../bindings/api'
import { moreText, searchSummary } from './searchAll'

const found = (n: number, truncated = false): SearchAll => ({
  query: '最低生活保障',
  catalogs: Array.from({ length: n }, (_, i) => ({ catalog_id: i + 1, title: `目录${i}`, unit_name: `单位${i}`, year: 2026, hits: 3, items: [] })),
  items: n * 3,
  truncated,
})

describe('search across all catalogs', () => {
  it('sums up catalogs and items, and says when the list was cut', () => {
    expect(searchSummary(found(2))).toBe('“最低生活保障”：2 份目录，6 个事项。')
    expect(searchSummary(found(2, true))).toContain('只列出前 6 个')
    expect(searchSummary(found(0))).toBe('没有目录含有“最低生活保障”。')
  })
  it('counts the hits not listed by name', () => {
    expect(moreText(8, 5)).toBe('……另有 3 个')
    expect(moreText(5, 5)).toBe('')
  })
})
