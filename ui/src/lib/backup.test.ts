import { describe, expect, it } from 'vitest'
import type { BackupInfo } from '../bindings/core'
import { kindHint, problemView, restorable, sizeText } from './backup'

const b = (kind: BackupInfo['kind'], file = `${kind}.db`): BackupInfo => ({ file, kind, created: '2026-12-02 03:15:00', size: 10 })

describe('backup dialog text', () => {
  it('sizes in KB rounded up, MB with one decimal', () => {
    expect(sizeText(0)).toBe('1 KB')
    expect(sizeText(1025)).toBe('2 KB')
    expect(sizeText(3 * 1_048_576 + 100_000)).toBe('3.1 MB')
  })

  it('explains every kind', () => {
    for (const k of ['每日', '升级前', '导入前', '恢复前', '手动', '损坏的数据库'] as const) expect(kindHint(k)).toBeTruthy()
  })

  it('never offers a damaged database as something to restore from', () => {
    expect(restorable([b('每日'), b('损坏的数据库'), b('手动')]).map((x) => x.kind)).toEqual(['每日', '手动'])
  })

  it('offers to move a damaged database aside but not one from a newer program', () => {
    expect(problemView({ state: 'damaged', message: 'x', db_path: '/d' }).canSetAside).toBe(true)
    expect(problemView({ state: 'too_new', message: 'x', db_path: '/d' }).canSetAside).toBe(false)
    expect(problemView({ state: 'error', message: 'x', db_path: '/d' }).title).toContain('打不开')
  })
})
