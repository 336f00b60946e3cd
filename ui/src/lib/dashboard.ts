// The 概况 tab of the 审核工作台: the county at a glance. The numbers come from one use case on the Rust side
// (mulu_api::desk_report::dashboard, command desk_dashboard); this file only turns them into ECharts options,
// texts and the layout of the exported image. Pure functions (tests: dashboard.test.ts); the charts themselves
// are drawn by lib/charts.ts, loaded on first use.
import type { EChartsCoreOption } from 'echarts/core'
import type { DeskDashboard, LetterWritten } from '../bindings/api'
import type { Severity } from '../bindings/core'
import type { DeskStatus } from '../bindings/review'

/** Colours of the statuses (the Element Plus tag colours of the desk's table). */
export const STATUS_COLORS: Record<DeskStatus, string> = {
  未报送: '#909399',
  退回修改: '#f56c6c',
  待审: '#e6a23c',
  通过: '#67c23a',
}

const SEVERITY_COLORS: Record<Severity, string> = { 错误: '#f56c6c', 警告: '#e6a23c', 提示: '#409eff' }

const FONT = { fontFamily: 'sans-serif' }

/** `共 5 个单位：通过 1、待审 1、退回修改 1、未报送 2。` */
export function boardSummary(b: DeskDashboard): string {
  const parts = b.by_status.filter((c) => c.units > 0).map((c) => `${c.status} ${c.units}`)
  return `共 ${b.units} 个单位${parts.length ? `：${parts.join('、')}` : ''}。`
}

/** Units by status: a ring, one slice per status that has units. */
export function statusOption(b: DeskDashboard): EChartsCoreOption {
  return {
    animation: false,
    textStyle: FONT,
    title: { text: '各单位状态', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    series: [{
      type: 'pie',
      radius: ['38%', '68%'],
      top: 24,
      label: { formatter: '{b} {c}' },
      data: b.by_status.filter((c) => c.units > 0).map((c) => ({
        name: c.status, value: c.units, itemStyle: { color: STATUS_COLORS[c.status] },
      })),
    }],
  }
}

/** Height in pixels of a horizontal bar chart with `n` bars. */
export function barsHeight(n: number): number {
  return Math.max(160, 56 + 26 * n)
}

/** Coverage per domain across the county: the average of the units' latest rounds, one bar per domain. */
export function coverageOption(b: DeskDashboard): EChartsCoreOption {
  const domains = [...b.domains].reverse() // the first domain on top
  return {
    animation: false,
    textStyle: FONT,
    title: { text: '各领域覆盖率（各单位平均）', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
    },
    grid: { left: 8, right: 48, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: domains.map((d) => d.domain) },
    series: [{
      type: 'bar',
      name: '平均覆盖率',
      data: domains.map((d) => ({ value: d.average, itemStyle: { color: d.average >= 90 ? '#67c23a' : d.average >= 60 ? '#e6a23c' : '#f56c6c' } })),
      label: { show: true, position: 'right', formatter: '{c}%' },
      barMaxWidth: 18,
    }],
  }
}

/** A rule's label on the chart: `R102 公开对象没有勾选或两项都勾`. */
export function ruleLabel(rule: string, title: string): string {
  const id = rule.split('-')[0]
  return title && title !== rule ? `${id} ${title}` : rule
}

/** The most frequent rules (waived findings not counted), the most frequent on top, coloured by severity. */
export function rulesOption(b: DeskDashboard): EChartsCoreOption {
  const rules = [...b.rules].reverse()
  return {
    animation: false,
    textStyle: FONT,
    title: { text: '最常见的问题（条数）', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rules.map((r) => ruleLabel(r.rule, r.title)), axisLabel: { width: 240, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      name: '条数',
      data: rules.map((r) => ({ value: r.findings, itemStyle: { color: SEVERITY_COLORS[r.severity] } })),
      label: { show: true, position: 'right' },
      barMaxWidth: 18,
    }],
  }
}

/** One line per unit not updated this year: `丙镇人民政府（从未报送）`, `乙镇人民政府（上次 2025-11-30）`. */
export function staleLines(b: DeskDashboard): string[] {
  return b.stale.map((u) => `${u.name}（${u.last_received ? `上次 ${u.last_received}` : '从未报送'}）`)
}

/** `今年（2026 年）没有更新的单位（2）`. */
export function staleTitle(b: DeskDashboard): string {
  return `今年（${b.year} 年）没有更新的单位（${b.stale.length}）`
}

/** What writing the letters for all units did, in one sentence. */
export function lettersText(written: LetterWritten[], dir: string): string {
  if (written.length === 0) return '没有单位的最新一轮有“采纳”的问题：没有写审核意见。'
  const failed = written.filter((w) => !w.path)
  const ok = written.length - failed.length
  let s = `已为 ${ok} 个单位写出审核意见，文件夹：${dir}`
  if (failed.length) s += `；${failed.length} 个没写成：${failed.map((w) => `${w.unit}（${w.failure ?? ''}）`).join('、')}`
  return `${s}。`
}

/** The bytes of a `data:image/png;base64,…` URL (a plain array: what the Tauri command takes as Vec<u8>). */
export function dataUrlBytes(url: string): number[] {
  const comma = url.indexOf(',')
  if (!url.startsWith('data:') || comma < 0 || !url.slice(0, comma).endsWith(';base64')) {
    throw new Error('图片数据的格式不对（应为 base64 的 data URL）。')
  }
  const bin = atob(url.slice(comma + 1))
  const out = new Array<number>(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** Where the parts go in the exported image. */
export interface ImageLayout {
  width: number
  height: number
  /** The title's baseline. */
  titleY: number
  /** The top of each chart (same order as the sizes given), left and top in pixels. */
  charts: { x: number; y: number; w: number; h: number }[]
  /** The top of the text list of units not updated this year. */
  listY: number
}

const PAD = 24
const TITLE = 48
const LINE = 22

/** Lays the charts (their on-screen sizes) out in two columns under a title, the list of units below. */
export function imageLayout(sizes: { w: number; h: number }[], listLines: number): ImageLayout {
  const colW = Math.max(0, ...sizes.map((s) => s.w))
  const charts: ImageLayout['charts'] = []
  let y = PAD + TITLE
  for (let i = 0; i < sizes.length; i += 2) {
    const row = sizes.slice(i, i + 2)
    row.forEach((s, j) => charts.push({ x: PAD + j * (colW + PAD), y, w: s.w, h: s.h }))
    y += Math.max(...row.map((s) => s.h)) + PAD
  }
  const columns = Math.min(2, sizes.length) || 1
  return {
    width: PAD * 2 + columns * colW + (columns - 1) * PAD,
    height: y + (listLines ? LINE * (listLines + 1) + PAD : 0),
    titleY: PAD + 28,
    charts,
    listY: y,
  }
}
