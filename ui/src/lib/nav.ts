// Navigation for the three roles the app serves. One list, so the menu, the keyboard shortcuts
// and the tests agree on the screen ids.
export type ScreenId = 'catalogs' | 'guidelines' | 'editor' | 'review' | 'training' | 'samples'

export interface NavEntry {
  id: ScreenId
  label: string
  role: (typeof ROLES)[number]
  /** Needs an open catalog. */
  needsCatalog?: boolean
}

export const NAV: NavEntry[] = [
  { id: 'catalogs', label: '单位与目录', role: '编制' },
  { id: 'guidelines', label: '标准指引库', role: '编制' },
  { id: 'editor', label: '目录编辑', role: '编制', needsCatalog: true },
  { id: 'review', label: '审核工作台', role: '审核' },
  { id: 'training', label: '培训演示', role: '培训' },
  { id: 'samples', label: '示例目录', role: '帮助' },
]

export const ROLES = ['编制', '审核', '培训', '帮助'] as const

export function entriesFor(role: (typeof ROLES)[number]): NavEntry[] {
  return NAV.filter((e) => e.role === role)
}
