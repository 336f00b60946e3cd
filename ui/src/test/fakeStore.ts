// An in-memory stand-in for the app's commands (ui/src/lib/api.ts), for the editor composables'
// tests: items kept in catalog order with move_item's positions, calls recorded, any call made to
// fail. Test files replace the api module with it:
//   vi.mock('../lib/api', async (orig) => ({ ...(await orig<typeof import('../lib/api')>()), api: (await import('../test/fakeStore')).fakeApi }))
// (This module imports no composable: the mock's factory loads it while the api module is mocked.)
import { vi } from 'vitest'
import type { GuidelineDomain, Item, ItemFields, SearchHit } from '../bindings/core'
import { applyMove } from '../lib/grid'
import { newLocalFields, plainCopy } from '../lib/item'

export function item(id: number, domain: string, l1: string, l2: string, extra: Partial<Item> = {}): Item {
  return {
    id, catalog_id: 1, position: 0, domain, l1, l2, content: '', elements: [], basis: [], time_limit: '20个工作日内', subject: '',
    channels: { standard: ['政府网站'], extra: [] }, audience: ['全社会'], audience_group: null, mode: ['主动'], level: [], notes: '',
    provenance: { kind: '本级特色事项' }, ...extra,
  }
}

class Store {
  items: Item[] = []
  private nextId = 1000
  /** Command name → the error its next call rejects with. */
  private failing = new Map<string, string>()
  /** Commands whose next call waits for a gate (a save still in flight). */
  private gates = new Map<string, Promise<void>>()

  reset(items: Item[]) {
    this.items = plainCopy(items)
    this.renumber()
    this.failing.clear()
    this.gates.clear()
    for (const f of Object.values(fakeApi)) f.mockClear()
  }

  failNext(command: keyof typeof fakeApi, message: string) {
    this.failing.set(command, message)
  }

  /** The next call of `command` waits; call the returned function to let it go on. */
  hold(command: keyof typeof fakeApi): () => void {
    let go: () => void = () => {}
    this.gates.set(command, new Promise<void>((resolve) => { go = resolve }))
    return () => go()
  }

  newId(): number {
    return this.nextId++
  }

  async enter(command: string) {
    const gate = this.gates.get(command)
    if (gate) {
      this.gates.delete(command)
      await gate
    }
    const error = this.failing.get(command)
    if (error !== undefined) {
      this.failing.delete(command)
      throw error
    }
  }

  find(id: number): Item {
    const it = this.items.find((i) => i.id === id)
    if (!it) throw `事项 ${id} 不存在`
    return it
  }

  /** Catalog order: domains in order of first appearance, then position. */
  renumber() {
    const domains = [...new Set(this.items.map((i) => i.domain))]
    const byDomain = domains.map((d) => this.items.filter((i) => i.domain === d))
    byDomain.forEach((list) => list.forEach((it, p) => { it.position = p }))
    this.items = byDomain.flat()
  }

  insert(it: Item, position: number) {
    const same = this.items.filter((i) => i.domain === it.domain)
    const at = Math.min(position, same.length)
    const before = same[at]
    const index = before ? this.items.indexOf(before) : this.items.indexOf(same[same.length - 1]!) + 1
    this.items.splice(same.length ? index : this.items.length, 0, it)
    this.renumber()
  }

  order(domain?: string): number[] {
    return this.items.filter((i) => !domain || i.domain === domain).map((i) => i.id)
  }
}

export const store = new Store()

const copy = (it: Item) => plainCopy(it)

export const fakeApi = {
  listItems: vi.fn(async (_catalogId: number) => { await store.enter('listItems'); return store.items.map(copy) }),
  updateItem: vi.fn(async (id: number, fields: ItemFields) => {
    await store.enter('updateItem')
    const it = store.find(id)
    Object.assign(it, plainCopy(fields))
    return copy(it)
  }),
  /** A stand-in for the Rust reader (tests only): tab-separated rows in the official column order, a
   *  header row skipped, 同上 taking the cell above. */
  pastePreview: vi.fn(async (text: string, domain: string) => {
    await store.enter('pastePreview')
    const rows = text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.split('\t'))
    const items: ItemFields[] = []
    for (const c of rows) {
      if (c[0] === '一级事项' || c[0] === '序号') continue
      const above = items.at(-1)
      const l1 = c[0] === '同上' && above ? above.l1 : (c[0] ?? '')
      items.push({ ...newLocalFields(domain, l1), l2: c[1] ?? '', content: c[2] ?? '', basis: c[3] ? [c[3]] : [], time_limit: c[4] || newLocalFields(domain).time_limit, subject: c[5] ?? '' })
    }
    return { items, warnings: [] as string[] }
  }),
  addItem: vi.fn(async (catalogId: number, fields: ItemFields) => {
    await store.enter('addItem')
    const it: Item = { id: 0, catalog_id: catalogId, position: 0, provenance: { kind: '本级特色事项' }, ...plainCopy(fields) }
    it.id = store.newId()
    store.insert(it, Number.MAX_SAFE_INTEGER)
    return copy(it)
  }),
  deleteItem: vi.fn(async (id: number) => {
    await store.enter('deleteItem')
    const it = store.find(id)
    store.items = store.items.filter((i) => i !== it)
    const gone = copy(it)
    store.renumber()
    return gone
  }),
  restoreItem: vi.fn(async (item: Item) => {
    await store.enter('restoreItem')
    store.insert(copy(item), item.position)
    return copy(store.find(item.id))
  }),
  moveItem: vi.fn(async (id: number, position: number) => {
    await store.enter('moveItem')
    const it = store.find(id)
    const order = applyMove(store.order(it.domain), id, position)
    const others = store.items.filter((i) => i.domain !== it.domain)
    const moved = order.map((x) => store.find(x))
    const first = store.items.findIndex((i) => i.domain === it.domain)
    store.items = [...others.slice(0, first), ...moved, ...others.slice(first)]
    store.renumber()
    return copy(it)
  }),
  searchItems: vi.fn(async (_catalogId: number, query: string): Promise<SearchHit[]> => {
    await store.enter('searchItems')
    return store.items.filter((i) => [i.l1, i.l2, i.content].some((s) => s.includes(query))).map((i) => ({ item_id: i.id }))
  }),
  guidelineDomain: vi.fn(async (name: string): Promise<GuidelineDomain> => {
    await store.enter('guidelineDomain')
    return { name, items: [] } as unknown as GuidelineDomain
  }),
}
