// Zoom and high contrast for the whole window (App.vue): applied on start from localStorage, changed by
// Ctrl + / Ctrl − / Ctrl 0 and the menu's 高对比度 button.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { api, errorText } from '../lib/api'
import { CONTRAST_KEY, ZOOM_KEY, parseZoom, stepZoom, zoomKey, zoomLabel } from '../lib/comfort'

export function useComfort() {
  const zoom = ref(parseZoom(localStorage.getItem(ZOOM_KEY)))
  const highContrast = ref(localStorage.getItem(CONTRAST_KEY) === '1')

  function applyContrast() {
    document.documentElement.classList.toggle('high-contrast', highContrast.value)
  }

  async function setZoom(z: number, announce: boolean) {
    try {
      await api.setZoom(z)
      zoom.value = z
      localStorage.setItem(ZOOM_KEY, String(z))
      if (announce) ElMessage({ message: `显示比例 ${zoomLabel(z)}（Ctrl+0 恢复 100%）`, duration: 1500, grouping: true })
    } catch (e) {
      if (announce) ElMessage.error(errorText(e))
    }
  }

  function toggleContrast() {
    highContrast.value = !highContrast.value
    localStorage.setItem(CONTRAST_KEY, highContrast.value ? '1' : '0')
    applyContrast()
  }

  /** Window keydown: the zoom keys. Returns whether the key was taken. */
  function onKey(e: KeyboardEvent): boolean {
    const dir = zoomKey(e)
    if (dir === null) return false
    e.preventDefault()
    void setZoom(stepZoom(zoom.value, dir), true)
    return true
  }

  /** On start: the remembered theme and zoom (100 % needs no call). */
  function restore() {
    applyContrast()
    if (zoom.value !== 1) void setZoom(zoom.value, false)
  }

  return { zoom, highContrast, toggleContrast, onKey, restore }
}
