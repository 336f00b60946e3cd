// 示例目录: the workbooks of samples/ shipped with the app, opened read-only — read through the
// import preview (import_preview: nothing is written to the user's database) and shown as a table.
// What each sample shows is said in samples/README.md; the lines below are its summary.
import type { ImportPreview, PreviewItem } from '../bindings/core'
import { chosenCarriers } from './item'

export interface SampleInfo {
  /** File name in samples/. */
  file: string
  title: string
  /** What it shows (from samples/README.md). */
  what: string
  /** A submission with deliberate mistakes (for the review demo and the trainer's exercises). */
  mistakes: boolean
}

export const SAMPLES: SampleInfo[] = [
  { file: 'township.xlsx', title: '乡镇目录（某某县某某镇人民政府）', mistakes: false,
    what: '社会救助、养老服务、涉农补贴、农村危房改造、救灾 5 个领域 36 项；含本级特色事项、不予公开事项（条例第十五、十六条）与“不涉及”记录。' },
  { file: 'street.xlsx', title: '街道目录（某某县某某街道办事处）', mistakes: false,
    what: '社会救助、养老服务、就业 3 个领域 20 项；下级一栏题为“街道”，含本级特色事项、不予公开事项与“不涉及”记录。' },
  { file: 'county-department.xlsx', title: '县级部门目录（某某县民政局）', mistakes: false,
    what: '社会救助、养老服务 17 项；不含“公开层级”两栏（县级部门的目录常见）。' },
  { file: 'mistakes-township.xlsx', title: '带错的报送件：某某镇（社会救助）', mistakes: true,
    what: '字体损坏的载体勾选、空白的公开时限、引用已被取代的 2007 年条例、“主动”“依申请”都勾了。' },
  { file: 'mistakes-street.xlsx', title: '带错的报送件：某某街道（就业）', mistakes: true,
    what: '公开对象一个都没勾、全角数字的公开时限、重复填写的事项。' },
]

/** The file name of a path (either separator). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

export interface SampleEntry extends SampleInfo {
  path: string
}

/** The shipped files in the order of SAMPLES; a file not described there is listed by its name. */
export function sampleEntries(paths: string[]): SampleEntry[] {
  const byName = new Map(paths.map((p) => [fileName(p), p]))
  const known = SAMPLES.filter((s) => byName.has(s.file)).map((s) => ({ ...s, path: byName.get(s.file) as string }))
  const other = paths
    .filter((p) => !SAMPLES.some((s) => s.file === fileName(p)))
    .map((p) => ({ file: fileName(p), title: fileName(p), what: '', mistakes: false, path: p }))
  return [...known, ...other]
}

export interface SampleRow {
  key: string
  at: string
  domain: string
  l1: string
  l2: string
  content: string
  basis: string
  time_limit: string
  subject: string
  channels: string
  audience: string
  mode: string
  level: string
}

function marks(list: string[], extra?: string | null): string {
  const text = list.join('、')
  return extra ? `${text}（${extra}）` : text
}

/** One read-only row per item of the preview, in the file's order. */
export function sampleRows(p: ImportPreview): SampleRow[] {
  return p.sheets.flatMap((s, si) =>
    s.items.map((it: PreviewItem, ii) => ({
      key: `${si}-${ii}`,
      at: `${it.sheet} 第${it.row}行`,
      domain: s.domain ?? '未识别',
      l1: it.l1,
      l2: it.l2,
      content: it.content,
      basis: it.basis.join('\n'),
      time_limit: it.time_limit,
      subject: it.subject,
      channels: chosenCarriers(it),
      audience: marks(it.audience, it.audience_group),
      mode: marks(it.mode),
      level: marks(it.level),
    })),
  )
}

/** Counts for the header line: items, domains, 不予公开 and 不涉及 carried by the workbook. */
export function sampleSummary(p: ImportPreview): string {
  const items = p.sheets.reduce((n, s) => n + s.items.length, 0)
  const domains = [...new Set(p.sheets.map((s) => s.domain).filter((d): d is string => !!d))]
  const parts = [`${domains.length} 个领域`, `${items} 个事项`]
  if (p.origin) parts.push(`不予公开 ${p.origin.withheld.length} 项`, `不涉及 ${p.origin.not_applicable.length} 项`)
  return parts.join(' · ')
}
