// The selected item's edit form and its autosave. Every change to the form is written after a short
// pause, on leaving the item (selecting another, leaving the screen) and before an export or any
// other write; each write is one undo step. The grid's cells edit through the same form
// (editItem), so autosave, undo and the detail panel have one path.
import { computed, ref, watch, type Ref } from 'vue'
import type { GuidelineItem, Item, ItemFields } from '../bindings/core'
import { api, errorText } from '../lib/api'
import { basisFromText, fieldsOf, plainCopy, sameFields } from '../lib/item'
import type { Notify } from '../lib/notify'
import type { Edit } from '../lib/undo'

/** The pause after the last change before it is written (ms). */
export const SAVE_DELAY = 400

export interface AutosaveDeps {
  /** The catalog's items (replaced one by one as saves land). */
  items: Ref<Item[]>
  /** Puts a saved edit on the undo stack. */
  record: (e: Edit) => void
  notify: Notify
}

export function useAutosave({ items, record, notify }: AutosaveDeps) {
  const selectedId = ref<number | null>(null)
  const form = ref<ItemFields | null>(null)
  /** 公开依据 one per line, other carriers separated by 、 (as typed in the panel). */
  const basisText = ref('')
  const extraText = ref('')
  /** The guideline item a 标准指引 item was adopted from (shown for comparison). */
  const original = ref<GuidelineItem | null>(null)
  const saving = ref(false)
  const selected = computed(() => items.value.find((i) => i.id === selectedId.value) ?? null)

  function select(id: number) {
    flushSave()
    selectedId.value = id
    const it = items.value.find((i) => i.id === id)
    form.value = it ? fieldsOf(it) : null
    basisText.value = form.value?.basis.join('\n') ?? ''
    extraText.value = form.value?.channels.extra.join('、') ?? ''
    original.value = null
    if (it && it.provenance.kind === '标准指引') {
      const gid = it.provenance.guideline_item_id
      api.guidelineDomain(it.domain).then((d) => {
        if (selectedId.value === id) original.value = d.items.find((g) => g.id === gid) ?? null
      }).catch(() => { original.value = null })
    }
  }

  /** A row clicked: selects it, leaving the form alone when it is already selected (re-reading the
   *  item would drop an edit typed in the panel that is not saved yet). */
  function pick(id: number) {
    if (selectedId.value !== id) select(id)
  }

  /** Nothing selected (the item was deleted, or another catalog opened); a pending edit is dropped. */
  function clear() {
    failed.clear()
    selectedId.value = null
    form.value = null
  }

  function replaceItem(it: Item) {
    const i = items.value.findIndex((x) => x.id === it.id)
    if (i >= 0) items.value.splice(i, 1, it)
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  watch([form, basisText, extraText], () => {
    if (!form.value || !selected.value) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void save(), SAVE_DELAY)
  }, { deep: true })

  function currentFields(): ItemFields | null {
    if (!form.value) return null
    const f = plainCopy(form.value)
    f.basis = basisFromText(basisText.value)
    f.channels.extra = extraText.value.split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean)
    return f
  }

  /** Edits whose write failed (item id → fields): written again on the next flush — before another
   *  item is selected, an export, undo… — so that leaving an item after a failed save (a locked
   *  database, say) never drops the edit. */
  const failed = new Map<number, ItemFields>()

  /** Writes a pending edit now (not waiting for the pause), and retries the edits that failed. */
  function flushSave() {
    let current: number | null = null
    if (timer) {
      clearTimeout(timer)
      timer = null
      current = selectedId.value
      void save()
    }
    // The current item's newer form was just queued: its older failed fields must not overwrite it.
    for (const [id, f] of [...failed]) {
      const it = items.value.find((x) => x.id === id)
      if (!it) failed.delete(id)
      else if (id !== current) queue(it, f)
    }
  }

  // The saves in flight, one after another, so that an export (or undo) can wait for them.
  let saving$: Promise<void> = Promise.resolve()

  /** Writes a pending edit now and waits for every save in flight (before an export, undo, a move…). */
  async function settle() {
    flushSave()
    await saving$
  }

  function save(): Promise<void> {
    timer = null
    // Read the item and the form now: the user may select another item before the write starts.
    const it = selected.value
    const f = currentFields()
    if (!it || !f) return saving$
    // The form is newer than a failed write of this item: that one is not to be tried again.
    failed.delete(it.id)
    return queue(it, f)
  }

  function queue(it: Item, f: ItemFields): Promise<void> {
    const p = saving$.then(() => saveNow(it, f))
    saving$ = p.catch(() => {})
    return p
  }

  async function saveNow(picked: Item, f: ItemFields) {
    // An earlier save of the same item may have finished meanwhile: compare with its latest version.
    const it = items.value.find((x) => x.id === picked.id) ?? picked
    const before = fieldsOf(it)
    if (sameFields(before, f)) {
      failed.delete(it.id)
      return
    }
    saving.value = true
    try {
      const updated = await api.updateItem(it.id, f)
      failed.delete(it.id)
      replaceItem(updated)
      const id = it.id
      record({
        label: '修改事项',
        undo: async () => { replaceItem(await api.updateItem(id, before)); if (selectedId.value === id) select(id) },
        redo: async () => { replaceItem(await api.updateItem(id, f)); if (selectedId.value === id) select(id) },
      })
    } catch (e) {
      failed.set(it.id, f)
      notify.error(`${errorText(e)}（这处修改尚未保存，会在下次操作时再试）`)
    } finally {
      saving.value = false
    }
  }

  /** Applies `change` to the item's form (selecting the item first) and saves it now: the grid's
   *  cells edit this way. */
  async function editItem(id: number, change: (f: ItemFields) => void) {
    if (selectedId.value !== id) {
      // Write the previous item's pending edit, and let a save of this one still in flight land, so
      // that the form starts from the item as stored.
      await settle()
      select(id)
    } else {
      // An edit typed in the panel and not saved yet is an undo step of its own.
      flushSave()
    }
    const f = form.value
    if (!f || selectedId.value !== id) return
    change(f)
    await save()
  }

  return {
    selectedId, form, basisText, extraText, original, saving, selected,
    select, pick, clear, replaceItem, flushSave, settle, save, editItem,
  }
}

export type Autosave = ReturnType<typeof useAutosave>
