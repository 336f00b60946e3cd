// ECharts, only the parts the 概况 tab uses (a ring and bars, title, tooltip, grid, the canvas renderer).
// Import this module with `await import('./charts')`: ECharts then becomes its own chunk, loaded the first
// time the 概况 tab opens, and the main bundle does not grow. Nothing here loads anything from the network.
import { init, use, type ECharts, type EChartsCoreOption } from 'echarts/core'
import { BarChart, PieChart } from 'echarts/charts'
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, PieChart, GridComponent, TitleComponent, TooltipComponent, CanvasRenderer])

export type { ECharts }

/** Draws `option` into `el` (a new chart, or the one already there). */
export function draw(el: HTMLElement, option: EChartsCoreOption, chart: ECharts | null): ECharts {
  const c = chart && !chart.isDisposed() ? chart : init(el, null, { renderer: 'canvas' })
  c.setOption(option, true)
  c.resize()
  return c
}
