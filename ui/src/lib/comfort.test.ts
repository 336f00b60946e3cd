import { describe, expect, it } from 'vitest'
import { parseZoom, stepZoom, zoomKey, zoomLabel } from './comfort'

const key = (key: string, extra: Partial<KeyboardEvent> = {}) => ({ key, code: '', ctrlKey: true, metaKey: false, altKey: false, ...extra })

describe('zoom', () => {
  it('reads the stored scale, 100 % when missing or out of range', () => {
    expect(parseZoom('1.25')).toBe(1.25)
    expect(parseZoom(null)).toBe(1)
    expect(parseZoom('')).toBe(1)
    expect(parseZoom('abc')).toBe(1)
    expect(parseZoom('9')).toBe(1)
    expect(parseZoom('0.1')).toBe(1)
  })

  it('steps up and down through the steps, stopping at the ends; 0 resets', () => {
    expect(stepZoom(1, 1)).toBe(1.1)
    expect(stepZoom(1, -1)).toBe(0.9)
    expect(stepZoom(1.2, 1)).toBe(1.25)
    expect(stepZoom(1.2, -1)).toBe(1.1)
    expect(stepZoom(3, 1)).toBe(3)
    expect(stepZoom(0.5, -1)).toBe(0.5)
    expect(stepZoom(2.5, 0)).toBe(1)
    expect(zoomLabel(1.1)).toBe('110%')
  })

  it('knows Ctrl +, Ctrl −, Ctrl 0 on the main keyboard and the keypad', () => {
    expect(zoomKey(key('+'))).toBe(1)
    expect(zoomKey(key('='))).toBe(1)
    expect(zoomKey(key('-'))).toBe(-1)
    expect(zoomKey(key('0'))).toBe(0)
    expect(zoomKey(key('Unidentified', { code: 'NumpadAdd' }))).toBe(1)
    expect(zoomKey(key('-', { ctrlKey: false }))).toBeNull()
    expect(zoomKey(key('-', { altKey: true }))).toBeNull()
    expect(zoomKey(key('z'))).toBeNull()
  })
})
