// The catalog's items and the edits that change the list: reading it, 添加本级特色事项, 删除,
// 上移/下移 and moving to a position (the drag's drop). Each write is one undo step.
import type { Ref } from 'vue'
import type { Catalog, Item } from '../bindings/core'
import { api, errorText } from '../lib/api'
import { stepPosition } from '../lib/grid'
import { newLocalFields } from '../lib/item'
import type { Notify } from '../lib/notify'
import type { Edit } from '../lib/undo'
import type { Autosave } from './useAutosave'
import type { ScrollStrategy } from './gridView'

export interface ItemActionsDeps {
  catalog: Ref<Catalog | null>
  items: Ref<Item[]>
  editor: Autosave
  record: (e: Edit) => void
  notify: Notify
  /** Scrolls the grid to an item's row. */
  reveal: (id: number, strategy?: ScrollStrategy) => Promise<void>
}

export function useItemActions({ catalog, items, editor, record, notify, reveal }: ItemActionsDeps) {
  async function load() {
    if (!catalog.value) return
    try {
      items.value = await api.listItems(catalog.value.id)
    } catch (e) {
      notify.error(errorText(e))
    }
  }

  /** The domain new items go to: the selected item's, else the catalog's first (warns when none). */
  function targetDomain(c: Catalog): string | null {
    const domain = editor.selected.value?.domain ?? c.domains[0] ?? ''
    if (domain) return domain
    notify.warning('请先在“标准指引库”采用一个领域，再添加本级特色事项。')
    return null
  }

  async function addLocal() {
    const c = catalog.value
    if (!c) return
    const domain = targetDomain(c)
    if (!domain) return
    try {
      const it = await api.addItem(c.id, newLocalFields(domain))
      await load()
      editor.select(it.id)
      record({
        label: '添加事项',
        undo: async () => { await api.deleteItem(it.id); await load() },
        redo: async () => { await api.restoreItem(it); await load() },
      })
    } catch (e) {
      notify.error(errorText(e))
    }
  }

  async function remove() {
    const it = editor.selected.value
    if (!it) return
    try {
      const gone = await api.deleteItem(it.id)
      await load()
      editor.clear()
      record({
        label: '删除事项',
        undo: async () => { await api.restoreItem(gone); await load() },
        redo: async () => { await api.deleteItem(gone.id); await load() },
      })
      notify.info(`已删除“${gone.l2 || gone.l1}”，按 Ctrl+Z 撤销`)
    } catch (e) {
      notify.error(errorText(e))
    }
  }

  /** 上移/下移 (and Alt+↑/↓): one place within the item's domain; nothing at the domain's ends. */
  async function move(delta: number) {
    const it = editor.selected.value
    if (!it) return
    const step = stepPosition(items.value, it.id, delta)
    if (!step) {
      notify.info(`已是“${it.domain}”领域的${delta < 0 ? '第一项' : '最后一项'}`)
      return
    }
    await moveTo(it.id, step.from, step.position)
  }

  /** Moves an item to `position` within its domain (the store's move_item), one undo step back to `from`. */
  async function moveTo(id: number, from: number, position: number) {
    await editor.settle()
    try {
      await api.moveItem(id, position)
      await load()
      record({
        label: '调整顺序',
        undo: async () => { await api.moveItem(id, from); await load() },
        redo: async () => { await api.moveItem(id, position); await load() },
      })
      await reveal(id)
    } catch (e) {
      notify.error(errorText(e))
    }
  }

  return { load, targetDomain, addLocal, remove, move, moveTo }
}

export type ItemActions = ReturnType<typeof useItemActions>
