// Messages to the user. The editor's composables report through this interface: ElMessage in the
// app (`toast`), a recorder in their tests.
import { ElMessage } from 'element-plus'

export interface Notify {
  error(message: string): void
  warning(message: string): void
  info(message: string): void
  success(message: string): void
}

export const toast: Notify = {
  error: (message) => { ElMessage.error(message) },
  warning: (message) => { ElMessage.warning(message) },
  info: (message) => { ElMessage.info(message) },
  success: (message) => { ElMessage.success(message) },
}
