// 阅读舒适: the window's zoom (Ctrl + / Ctrl − / Ctrl 0, the web view's own zoom through set_zoom) and
// the high-contrast theme, both remembered in localStorage across restarts.
export const ZOOM_KEY = 'mulu.zoom'
export const CONTRAST_KEY = 'mulu.highContrast'
/** The zoom steps (as browsers step them); 1 = 100 %. Same bounds as set_zoom (src-tauri/src/shell.rs). */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3]
export const ZOOM_MIN = ZOOM_STEPS[0] as number
export const ZOOM_MAX = ZOOM_STEPS[ZOOM_STEPS.length - 1] as number

/** The stored zoom, or 1 when nothing (valid) is stored. */
export function parseZoom(stored: string | null): number {
  const z = Number(stored)
  return stored !== null && stored.trim() !== '' && Number.isFinite(z) && z >= ZOOM_MIN && z <= ZOOM_MAX ? z : 1
}

/** The next step up (dir 1) or down (dir −1) from `z`; 0 resets to 100 %. */
export function stepZoom(z: number, dir: 1 | -1 | 0): number {
  if (dir === 0) return 1
  if (dir === 1) return ZOOM_STEPS.find((s) => s > z + 1e-9) ?? ZOOM_MAX
  return [...ZOOM_STEPS].reverse().find((s) => s < z - 1e-9) ?? ZOOM_MIN
}

/** Which zoom key was pressed: Ctrl with + (or =, the same key unshifted), − or 0, on the main
 *  keyboard or the keypad; null for any other key. */
export function zoomKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey'>): 1 | -1 | 0 | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') return 1
  if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract') return -1
  if (e.key === '0' || e.code === 'Numpad0') return 0
  return null
}

/** `125%` */
export function zoomLabel(z: number): string {
  return `${Math.round(z * 100)}%`
}
