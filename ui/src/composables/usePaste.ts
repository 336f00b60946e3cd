// Paste (Ctrl+V) rows copied from a catalog in Excel/WPS: read by the same reader as workbooks (the
// Rust use case paste_preview: header detection, 同上, tidying), previewed in a dialog (PasteDialog.vue),
// then added as 本级特色事项 of the target domain, undone as one edit.
import { ref, type Ref } from 'vue'
import type { Catalog, Item } from '../bindings/core'
import { api, errorText } from '../lib/api'
import type { Notify } from '../lib/notify'
import type { PastePreview } from '../bindings/api'
import type { Edit } from '../lib/undo'
import type { Autosave } from './useAutosave'
import type { ItemActions } from './useItemActions'
import type { ScrollStrategy } from './gridView'

export interface PasteDeps {
  catalog: Ref<Catalog | null>
  editor: Autosave
  actions: Pick<ItemActions, 'load' | 'targetDomain'>
  record: (e: Edit) => void
  notify: Notify
  reveal: (id: number, strategy?: ScrollStrategy) => Promise<void>
}

export function usePaste({ catalog, editor, actions, record, notify, reveal }: PasteDeps) {
  /** What the clipboard held, for the dialog. */
  const paste = ref<(PastePreview & { domain: string }) | null>(null)
  const show = ref(false)
  const pasting = ref(false)
  /** The clipboard being read (the preview opens when it is done); tests await it. */
  let reading: Promise<void> | null = null

  /** The document's paste event: ours unless it lands in a field or while a dialog is open. */
  function onPaste(e: ClipboardEvent) {
    const target = e.target instanceof Element ? e.target : null
    if (target?.closest('input, textarea, select, [contenteditable], .el-overlay')) return
    if (offer(e.clipboardData?.getData('text/plain') ?? '')) e.preventDefault()
  }

  /** Text pasted on the editor: reads it, then opens the preview (or says why not). False: not ours
   *  to handle. */
  function offer(text: string): boolean {
    const c = catalog.value
    if (!c || show.value || reading || !text.trim()) return false
    const domain = actions.targetDomain(c)
    if (!domain) return true
    reading = read(text, domain).finally(() => { reading = null })
    return true
  }

  async function read(text: string, domain: string) {
    let result: PastePreview
    try {
      result = await api.pastePreview(text, domain)
    } catch (e) {
      notify.error(errorText(e))
      return
    }
    if (result.items.length === 0) {
      notify.warning('剪贴板里没有可粘贴的事项：请从 Excel 复制按“一级事项、二级事项、公开内容、公开依据、公开时限、公开主体”排列的行。')
      return
    }
    paste.value = { ...result, domain }
    show.value = true
  }

  /** Resolves when the clipboard offered last has been read. */
  const readDone = () => reading ?? Promise.resolve()

  async function confirm() {
    const c = catalog.value
    const p = paste.value
    if (!c || !p || pasting.value) return
    await editor.settle()
    pasting.value = true
    const added: Item[] = []
    try {
      for (const f of p.items) added.push(await api.addItem(c.id, f))
    } catch (e) {
      notify.error(`${added.length ? `已粘贴 ${added.length} 个事项后出错：` : ''}${errorText(e)}`)
    }
    pasting.value = false
    show.value = false
    if (added.length === 0) return
    record({
      label: `粘贴 ${added.length} 个事项`,
      undo: async () => {
        // Later items first; each deleted item (with its position) is what redo restores.
        try {
          for (let i = added.length - 1; i >= 0; i--) added[i] = await api.deleteItem(added[i]!.id)
        } finally {
          await actions.load()
        }
      },
      redo: async () => {
        try {
          for (const it of added) await api.restoreItem(it)
        } finally {
          await actions.load()
        }
      },
    })
    await actions.load()
    const first = added[0]!
    editor.select(first.id)
    await reveal(first.id, 'start')
    if (added.length === p.items.length) notify.success(`已粘贴 ${added.length} 个事项`)
  }

  return { paste, show, pasting, onPaste, offer, confirm, readDone }
}

export type Paste = ReturnType<typeof usePaste>
