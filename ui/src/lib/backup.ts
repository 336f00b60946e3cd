// 备份与恢复对话框的纯逻辑（显示文字），与界面分开以便单元测试。
import type { BackupInfo, BackupKind } from '../bindings/core'

/** What `store_status` says about the database (app shell type, see src-tauri/src/commands/backup.rs). */
export interface StoreStatus {
  state: 'ok' | 'damaged' | 'too_new' | 'error'
  message: string | null
  db_path: string
}

/** 文件大小：KB（向上取整）或 MB（一位小数）。 */
export function sizeText(bytes: number): string {
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(1)} MB`
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`
}

const KIND_HINTS: Record<BackupKind, string> = {
  每日: '每天第一次打开时自动保存',
  升级前: '程序升级、数据库结构变化之前自动保存',
  导入前: '把工作簿合并进已有目录之前自动保存',
  恢复前: '用备份恢复之前，当时的数据自动另存',
  手动: '点“立即备份”保存',
  损坏的数据库: '打不开的数据库原样移到这里，未删除',
}

export function kindHint(kind: BackupKind): string {
  return KIND_HINTS[kind]
}

/** 可用来恢复的备份（损坏的数据库只是留存，不能拿来恢复）。 */
export function restorable(list: BackupInfo[]): BackupInfo[] {
  return list.filter((b) => b.kind !== '损坏的数据库')
}

/** 数据库打不开时对话框的标题与可走的出路。 */
export function problemView(status: StoreStatus): { title: string; canSetAside: boolean } {
  switch (status.state) {
    case 'too_new':
      return { title: '数据库来自更新版本的程序', canSetAside: false }
    case 'damaged':
      return { title: '数据库已损坏', canSetAside: true }
    default:
      return { title: '数据库打不开', canSetAside: true }
  }
}
