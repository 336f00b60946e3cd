import type { Ref } from 'vue'
import { errorText } from './api'

/**
 * 对话框里的一次保存：进行中不重复提交；失败时把原因留在对话框里（对话框不关，已填的内容不丢）。
 * 成功返回 true。
 */
export async function submitOnce(busy: Ref<boolean>, error: Ref<string>, work: () => Promise<void>): Promise<boolean> {
  if (busy.value) return false
  busy.value = true
  error.value = ''
  try {
    await work()
    return true
  } catch (e) {
    error.value = errorText(e)
    return false
  } finally {
    busy.value = false
  }
}
