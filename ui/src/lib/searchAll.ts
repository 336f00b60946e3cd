// The search across all catalogs (单位与目录): the one-line summary of a result.
import type { SearchAll } from '../bindings/api'

export function searchSummary(r: SearchAll): string {
  if (r.catalogs.length === 0) return `没有目录含有“${r.query}”。`
  const cut = r.truncated ? `（只列出前 ${r.items} 个，请把搜索词写得更具体）` : ''
  return `“${r.query}”：${r.catalogs.length} 份目录，${r.items} 个事项${cut}。`
}

/** How many hits of a catalog are not listed by name. */
export function moreText(hits: number, shown: number): string {
  return hits > shown ? `……另有 ${hits - shown} 个` : ''
}
