import { describe, it, expect } from 'vitest'
import {
  defaultFileName, defaultLowerLevelLabel, defaultIncludeLevel, defaultOptions, optionsArg, ensureExtension, joinPath, dirOf, cjkJoin,
} from './export'

describe('defaultFileName', () => {
  it('is 〈单位〉〈年度〉年政务公开标准目录 with the format extension', () => {
    expect(defaultFileName('某某县某某镇人民政府', 2026, 'xlsx')).toBe('某某县某某镇人民政府2026年政务公开标准目录.xlsx')
    expect(defaultFileName('某某县某某镇人民政府', 2026, 'html')).toBe('某某县某某镇人民政府2026年政务公开标准目录.html')
    expect(defaultFileName('某某县某某镇人民政府', 2025, 'json')).toBe('某某县某某镇人民政府2025年政务公开标准目录.json')
  })
  it('replaces characters not allowed in file names', () => {
    expect(defaultFileName('某县/某镇:政府*?', 2026, 'xlsx')).toBe('某县_某镇_政府__2026年政务公开标准目录.xlsx')
    expect(defaultFileName(' 某镇\t人民政府\n', 2026, 'xlsx')).toBe('某镇_人民政府_2026年政务公开标准目录.xlsx')
    expect(defaultFileName('..某镇', 2026, 'xlsx')).toBe('某镇2026年政务公开标准目录.xlsx')
  })
})

describe('defaultLowerLevelLabel', () => {
  it('follows the unit kind and the township name', () => {
    expect(defaultLowerLevelLabel({ name: '某某县某某镇人民政府', kind: '乡镇' })).toBe('镇级')
    expect(defaultLowerLevelLabel({ name: '某某县某某镇', kind: '乡镇' })).toBe('镇级')
    expect(defaultLowerLevelLabel({ name: '某某县某某乡人民政府', kind: '乡镇' })).toBe('乡级')
    expect(defaultLowerLevelLabel({ name: '某某县某某民族乡', kind: '乡镇' })).toBe('乡级')
    expect(defaultLowerLevelLabel({ name: '某某区某某街道办事处', kind: '街道' })).toBe('街道')
    expect(defaultLowerLevelLabel({ name: '某某区某某街道办事处', kind: '乡镇' })).toBe('街道')
    expect(defaultLowerLevelLabel({ name: '某某县民政局', kind: '县级部门' })).toBe('乡级')
    // A county department whose name happens to end in 镇 is still 乡级.
    expect(defaultLowerLevelLabel({ name: '某某县城关镇', kind: '县级部门' })).toBe('乡级')
  })
})

describe('defaultOptions', () => {
  it('keeps the level columns except for county departments, all domains selected', () => {
    expect(defaultIncludeLevel('乡镇')).toBe(true)
    expect(defaultIncludeLevel('街道')).toBe(true)
    expect(defaultIncludeLevel('县级部门')).toBe(false)
    const all = ['社会救助', '养老服务']
    const o = defaultOptions({ name: '某某镇人民政府', kind: '乡镇' }, all)
    expect(o).toEqual({ domains: ['社会救助', '养老服务'], include_level: true, lower_level_label: '镇级' })
    expect(o.domains).not.toBe(all)
  })
})

describe('optionsArg', () => {
  const all = ['社会救助', '养老服务', '就业']
  it('sends null for every domain', () => {
    expect(optionsArg(['就业', '社会救助', '养老服务'], all, true, '乡级')).toEqual({ domains: null, include_level: true, lower_level_label: '乡级' })
  })
  it('sends a subset in catalog order', () => {
    expect(optionsArg(['就业', '社会救助'], all, false, '街道')).toEqual({ domains: ['社会救助', '就业'], include_level: false, lower_level_label: '街道' })
  })
})

describe('paths', () => {
  it('adds a missing extension, case-insensitively', () => {
    expect(ensureExtension('/home/a/目录', 'xlsx')).toBe('/home/a/目录.xlsx')
    expect(ensureExtension('/home/a/目录.XLSX', 'xlsx')).toBe('/home/a/目录.XLSX')
    expect(ensureExtension('/home/a/目录.htm', 'html')).toBe('/home/a/目录.htm')
    expect(ensureExtension('/home/a/v1.2', 'json')).toBe('/home/a/v1.2.json')
  })
  it('joins with the folder’s separator', () => {
    expect(joinPath('/tmp/e2e', 'a.xlsx')).toBe('/tmp/e2e/a.xlsx')
    expect(joinPath('/tmp/e2e/', 'a.xlsx')).toBe('/tmp/e2e/a.xlsx')
    expect(joinPath('C:\\Users\\a\\Documents', 'a.xlsx')).toBe('C:\\Users\\a\\Documents\\a.xlsx')
  })
  it('finds the folder of a path', () => {
    expect(dirOf('/tmp/e2e/a.xlsx')).toBe('/tmp/e2e')
    expect(dirOf('/a.xlsx')).toBe('/')
    expect(dirOf('C:\\Users\\a\\b.xlsx')).toBe('C:\\Users\\a')
    expect(dirOf('a.xlsx')).toBe('')
  })
})

describe('cjkJoin', () => {
  it('spaces only before a Latin word', () => {
    expect(cjkJoin('导出', 'Excel 报送表')).toBe('导出 Excel 报送表')
    expect(cjkJoin('导出', '网页')).toBe('导出网页')
    expect(cjkJoin('为', 'JSON 文件')).toBe('为 JSON 文件')
  })
})
