import { describe, it, expect } from 'vitest'
import type { ImportPlan, ImportPreview, ItemFields, PreviewItem } from '../bindings/core'
import {
  IMPORT_FILTER, WORKBOOK_FILTER, baseName, changedLabel, diagnosticRows, hasWork, itemCount, newCatalogDefaults, planSummary, previewItemRows, previewSummary,
  sheetRows, unrecognisedSheets,
} from './importing'

const fields = (l1: string, l2: string): ItemFields => ({
  domain: '', l1, l2, content: '', elements: [], basis: [], time_limit: '20个工作日内', subject: '', channels: { standard: [], extra: [] },
  audience: [], audience_group: null, mode: [], level: [], notes: '',
})
const item = (sheet: string, row: number, l1: string, l2: string): PreviewItem => ({
  ...fields(l1, l2), sheet, row, cells: { l1: `B${row}` }, id: null, provenance: null,
})

/** Two tables (one not recognised), a cover page, and notes of each severity. */
const preview: ImportPreview = {
  file: '/tmp/某某镇目录.xlsx',
  unit_hint: '某某县某某镇',
  origin: null,
  sheets: [
    {
      sheet: '社会救助', domain: '社会救助',
      items: [item('社会救助', 4, '最低生活保障', '办事指南'), item('社会救助', 5, '最低生活保障', '')],
      diagnostics: [{ sheet: '社会救助', cell: 'H4', severity: '提示', code: 'damaged_marks', message: '载体清单里的 þ/¨ 是字体损坏后的 ■/□。', raw: 'þ政府网站\n¨政府公报' }],
    },
    {
      sheet: 'Sheet1', domain: null,
      items: [item('Sheet1', 2, '出生登记', '出生登记')],
      diagnostics: [{ sheet: 'Sheet1', cell: null, severity: '警告', code: 'unknown_domain', message: '认不出属于哪个领域。', raw: null }],
    },
    {
      sheet: '封面', domain: null, items: [],
      diagnostics: [{ sheet: '封面', cell: null, severity: '提示', code: 'no_table', message: '这张表里没有目录表格，已跳过。', raw: null }],
    },
  ],
}

describe('preview', () => {
  it('lists diagnostics errors first, with sheet!cell and the raw text on one line', () => {
    const rows = diagnosticRows(preview)
    expect(rows.map((r) => [r.at, r.severity])).toEqual([['Sheet1', '警告'], ['社会救助!H4', '提示'], ['封面', '提示']])
    expect(rows[1]!.raw).toBe('þ政府网站⏎¨政府公报')
    expect(new Set(rows.map((r) => r.key)).size).toBe(3)
  })
  it('lists only the tables that hold items, and the unrecognised ones', () => {
    expect(sheetRows(preview).map((s) => [s.sheet, s.domain, s.items, s.diagnostics])).toEqual([
      ['社会救助', '社会救助', 2, 1],
      ['Sheet1', null, 1, 1],
    ])
    expect(unrecognisedSheets(preview)).toEqual(['Sheet1'])
    expect(itemCount(preview)).toBe(3)
  })
  it('sums it up in one sentence', () => {
    expect(previewSummary(preview)).toBe('读出 2 个表格，共 3 个事项；提示 3 条（错误 0、警告 1、提示 2）。')
    expect(previewSummary({ ...preview, sheets: [{ ...preview.sheets[0]!, diagnostics: [] }] })).toBe('读出 1 个表格，共 2 个事项；没有提示。')
  })
  it('shows items with where they are and their domain', () => {
    const rows = previewItemRows(preview)
    expect(rows[0]).toMatchObject({ at: '社会救助 第4行', domain: '社会救助', l1: '最低生活保障', l2: '办事指南' })
    expect(rows[2]).toMatchObject({ at: 'Sheet1 第2行', domain: '未识别' })
  })
  it('starts a new catalog from the file: the unit in the title and this year', () => {
    expect(newCatalogDefaults(preview, 2026)).toEqual({ unit: '某某县某某镇', kind: null, year: 2026 })
    expect(newCatalogDefaults({ ...preview, unit_hint: null }, 2026).unit).toBe('')
  })
  it('takes unit, kind and year from this program’s own export', () => {
    const origin = {
      unit: { id: 3, name: '某某县某某街道办事处', kind: '街道' as const, region: [] },
      catalog: { id: 9, unit_id: 3, year: 2025, title: 't', status: '草稿' as const, domains: [], created_at: '', updated_at: '' },
      withheld: [], not_applicable: [],
    }
    expect(newCatalogDefaults({ ...preview, origin }, 2026)).toEqual({ unit: '某某县某某街道办事处', kind: '街道', year: 2025 })
  })
})

describe('plan', () => {
  const plan: ImportPlan = {
    catalog_id: 7,
    added: [],
    changed: [{ id: 1, before: fields('临时救助', '审批结果'), after: fields('临时救助', '审批结果'), fields: ['time_limit', 'channels'], sheet: '社会救助', row: 12 }],
    unchanged: 3,
    skipped_sheets: ['Sheet1'],
  }
  it('says what importing would do', () => {
    expect(planSummary(plan)).toBe('新增 0 项，更改 1 项，不变 3 项')
    expect(hasWork(plan)).toBe(true)
    expect(hasWork({ ...plan, changed: [] })).toBe(false)
  })
  it('names a changed item, where it is and which fields change', () => {
    expect(changedLabel(plan.changed[0]!)).toBe('临时救助 / 审批结果（社会救助 第12行）：公开时限、公开渠道和载体')
  })
})

describe('baseName', () => {
  it('takes the file name after either separator', () => {
    expect(baseName('/home/a/目录.xlsx')).toBe('目录.xlsx')
    expect(baseName('C:\\Users\\a\\目录.xls')).toBe('目录.xls')
    expect(baseName('目录.xlsx')).toBe('目录.xlsx')
  })
})

describe('IMPORT_FILTER', () => {
  it('offers Word documents besides every workbook type', () => {
    expect(IMPORT_FILTER.extensions).toEqual([...WORKBOOK_FILTER.extensions, 'docx'])
  })
})
