import { describe, expect, it } from 'vitest'
import type { Change, ChangeSet } from '../bindings/core'
import { changeText, localTime, setTitle, undoable } from './history'

const change = (over: Partial<Change>): Change => ({
  id: 1, change_set: 1, catalog_id: 1, entity: 'item', entity_id: '3', name: '低保审核', op: 'update',
  field: 'basis', field_label: '公开依据', old_value: '', new_value: '《条例》', restorable: false, ...over,
})
const set = (over: Partial<ChangeSet>): ChangeSet => ({
  id: 7, at: '2026-12-02T03:15:00.000Z', user: 'clerk', action: '导入', catalog_id: 1, undone_by: null, count: 3, changes: [], ...over,
})

describe('history dialog text', () => {
  it('says what changed, with empty values spelled out', () => {
    expect(changeText(change({}))).toBe('事项“低保审核” 公开依据：（空） → 《条例》')
    expect(changeText(change({ op: 'insert' }))).toBe('新增事项“低保审核”')
    expect(changeText(change({ op: 'delete', entity: 'withheld', name: '内部研究' }))).toBe('删除不予公开事项“内部研究”')
  })

  it('titles a change set and marks undone ones', () => {
    expect(setTitle(set({}))).toMatch(/^2026-12-02 \d\d:15:00 · clerk · 导入 · 3 处改动$/)
    expect(setTitle(set({ undone_by: 9 }))).toContain('（已撤销）')
    expect(localTime('not a time')).toBe('not a time')
  })

  it('offers undo only once and only for real changes', () => {
    expect(undoable(set({}))).toBe(true)
    expect(undoable(set({ undone_by: 9 }))).toBe(false)
    expect(undoable(set({ count: 0 }))).toBe(false)
  })
})
