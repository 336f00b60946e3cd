// 修改历史对话框的纯逻辑（显示文字），与界面分开以便单元测试。
import type { Change, ChangeSet } from '../bindings/core'

const ENTITY: Record<Change['entity'], string> = { item: '事项', withheld: '不予公开事项', not_applicable: '不涉及标记' }

/** 时间：UTC 的 ISO 时间写成本地的“2026-12-02 11:15:03”。 */
export function localTime(at: string): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

/** 一批改动的标题：时间 · 用户 · 操作 · 处数（已撤销的注明）。 */
export function setTitle(s: ChangeSet): string {
  const undone = s.undone_by === null ? '' : `（已撤销）`
  return `${localTime(s.at)} · ${s.user} · ${s.action} · ${s.count} 处改动${undone}`
}

/** 一处改动写成一句：“事项“低保审核” 公开依据：旧 → 新”。空值写成“（空）”。 */
export function changeText(c: Change): string {
  const what = `${ENTITY[c.entity]}“${c.name}”`
  if (c.op === 'insert') return `新增${what}`
  if (c.op === 'delete') return `删除${what}`
  const v = (x: string | null) => (x === null || x === '' ? '（空）' : x)
  return `${what} ${c.field_label ?? ''}：${v(c.old_value)} → ${v(c.new_value)}`
}

/** 这批改动能否在界面上整批撤销：没撤销过、确有改动。后来又改过的由程序拒绝并说明原因。 */
export function undoable(s: ChangeSet): boolean {
  return s.undone_by === null && s.count > 0
}
