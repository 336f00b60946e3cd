// Guideline helpers shared by the library screen and its tests.
import type { GuidelineDomain, GuidelineItem } from '../bindings/core'

export interface TreeNode {
  key: string
  label: string
  item?: GuidelineItem
  children?: TreeNode[]
}

/** 领域 → 一级事项 → 二级事项, keeping the guideline's order; an item with no 二级事项 is a leaf. */
export function domainTree(d: GuidelineDomain, filter = ''): TreeNode[] {
  const q = filter.trim()
  const groups = new Map<string, TreeNode>()
  const out: TreeNode[] = []
  for (const it of d.items) {
    if (q && !matches(it, q)) continue
    const l1 = it.l1 || '（一级事项未见于来源）'
    let g = groups.get(l1)
    if (!g) {
      g = { key: `${d.name}/${l1}`, label: l1, children: [] }
      groups.set(l1, g)
      out.push(g)
    }
    g.children!.push({ key: it.id, label: it.l2 || it.l1, item: it })
  }
  return out
}

export function matches(it: GuidelineItem, q: string): boolean {
  return [it.l1, it.l2, ...it.elements, ...it.basis, it.subject ?? ''].some((s) => s.includes(q))
}

export function statusHint(status: string): string {
  return status === '部分' ? '只收录了已公开副本中读得到的事项，可导入官方指引工作簿补全' : '已与官方指引全文核对'
}
