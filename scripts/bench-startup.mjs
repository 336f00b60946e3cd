// 桌面程序的启动与内存基准（不是测试）：在 Xvfb 下经 WebDriver 启动 release 版程序，
// 量从进程创建到界面可交互（App.vue 设 body.dataset.ready）的时间，与此刻程序的总内存
// （程序进程及其 WebKit 子进程的 PSS 之和，来自 /proc/PID/smaps_rollup）；再打开一份
// 5,000 个事项的目录，量打开用时与搜索（FTS5 三元组）的往返用时。
//
//   bash scripts/bench.sh startup
//   （即：cargo build -p biaozhunmulu --release；xvfb-run -a node scripts/bench-startup.mjs）
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// 发布版程序；harness 按 APP_BINARY 启动它（空闲端口、全新的数据库与 HOME，与端到端测试相同）。
process.env.APP_BINARY ??= join(repo, 'target/release/biaozhunmulu')
const { setup, openApp, APP, DRIVER } = await import('../tests/e2e/harness.mjs')

const MULU = resolve(process.env.MULU_BINARY ?? join(repo, 'target/release/mulu'))
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const ITEMS = Number(process.env.BENCH_ITEMS ?? 5000)
for (const p of [APP, MULU, DRIVER]) if (!existsSync(p)) { console.error(`缺少 ${p}`); process.exit(2) }

const h = await setup('mulu-startup-')
const { env, work } = h

// 一份 5,000 个事项的目录：采用全部指引后按 JSON 复制放大，再用 `mulu import` 整份写入。
const mulu = (...args) => execFileSync(MULU, ['--db', env.MULU_DB, ...args], { env, encoding: 'utf8' })
const seedDb = join(work, 'seed.db')
execFileSync(MULU, ['--db', seedDb, 'catalog', 'new', '--unit', '基准县某某镇人民政府', '--kind', '乡镇', '--year', '2026'])
execFileSync(MULU, ['--db', seedDb, 'catalog', 'adopt', '1', '--all'])
const seed = JSON.parse(execFileSync(MULU, ['--db', seedDb, 'catalog', 'show', '1', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }))
const base = seed.items
seed.items = Array.from({ length: ITEMS }, (_, i) => {
  const it = structuredClone(base[i % base.length])
  it.id = 0
  it.l2 = `${it.l2}（${Math.floor(i / base.length) + 1}）`
  return it
})
const domainPos = {}
for (const it of seed.items) it.position = (domainPos[it.domain] = (domainPos[it.domain] ?? -1) + 1)
writeFileSync(join(work, 'big.json'), JSON.stringify(seed))
mulu('import', join(work, 'big.json'))


const clk = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
/** 进程的启动时刻（Unix 毫秒）：/proc/PID/stat 的 starttime（开机后的时钟滴答）+ 开机时刻。 */
function startedAt(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[19])
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0])
  return Date.now() - uptime * 1000 + (ticks / clk) * 1000
}
function children() {
  const map = new Map()
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8')
      const ppid = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1])
      map.set(Number(d), ppid)
    } catch {}
  }
  return map
}
/** 程序进程及其全部后代（WebKitWebProcess、WebKitNetworkProcess）的 PSS 之和（MB）。 */
function pssOfTree(root) {
  const parent = children()
  const tree = [root]
  for (let i = 0; i < tree.length; i++) for (const [pid, pp] of parent) if (pp === tree[i]) tree.push(pid)
  let kb = 0
  for (const pid of tree) {
    try {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m)
      if (m) kb += Number(m[1])
    } catch {}
  }
  return { mb: kb / 1024, processes: tree.length }
}
const appPid = () => Number(execFileSync('pgrep', ['-n', '-f', APP], { encoding: 'utf8' }).trim())

const startup = []
const memory = []
let open5k = []
let search = []
const lists = []
const edits = []
for (let run = 0; run < RUNS; run++) {
  // openApp 等到界面可交互（body.dataset.ready）；页面里记下那一刻的时间。
  const browser = await openApp()
  const pid = appPid()
  const t0 = startedAt(pid)
  const readyAt = await browser.execute(() => Number(document.body.dataset.readyAt))
  startup.push(readyAt - t0)
  await new Promise((r) => setTimeout(r, 1500)) // 等 WebKit 子进程稳定后再量内存
  memory.push(pssOfTree(pid))

  // 打开 5,000 个事项的目录：从点开到表格出现行。
  await (await browser.$('[data-testid="nav-catalogs"]')).click()
  // （该屏的代码第一次打开时才加载，目录列表随后读出：等到那一行出现。）
  let target = null
  await browser.waitUntil(async () => {
    for (const r of await browser.$$('[data-testid="catalog-table"] tr')) if ((await browser.execute((el) => el.innerText, r)).includes('基准县')) target = r
    return target !== null
  }, { timeout: 20000, interval: 100 })
  const t1 = Date.now()
  await browser.execute((e) => e.querySelector('td').dispatchEvent(new MouseEvent('dblclick', { bubbles: true })), target)
  await browser.waitUntil(async () => (await browser.$$('[data-testid="item-grid"] .el-table-v2__row')).length > 10, { timeout: 20000 })
  open5k.push(Date.now() - t1)

  // 搜索：页面里直接调用同一个命令，量往返（IPC + SQLite FTS5）。
  const times = await browser.executeAsync(async (done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke
    const catalogs = await invoke('list_catalogs')
    const id = catalogs.find((c) => c.unit_name.includes('基准县')).id
    const out = []
    for (const q of ['最低生活保障', '审批', '办事指南', '临时救助', '国务院令', '救助供养']) {
      const t = performance.now()
      const hits = await invoke('search_items', { catalogId: id, query: q })
      out.push([q, performance.now() - t, hits.length])
    }
    // 读出全部事项（打开目录时界面做的事），再改其中一项的公开时限（自动保存走的命令）。
    let t = performance.now()
    const items = await invoke('list_items', { catalogId: id })
    const listMs = performance.now() - t
    const { id: itemId, catalog_id: _c, position: _p, provenance: _pr, ...fields } = items[Math.floor(items.length / 2)]
    t = performance.now()
    await invoke('update_item', { id: itemId, fields: { ...fields, time_limit: `${fields.time_limit}（基准）` } })
    const editMs = performance.now() - t
    done({ out, listMs, editMs })
  })
  search.push(...times.out)
  lists.push(times.listMs)
  edits.push(times.editMs)
  await browser.deleteSession()
}
await h.stop()

const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]
const fmt = (x) => x.toFixed(0)
const searchMs = search.map((s) => s[1])
console.log(`| 指标（release，${RUNS} 次） | 最好 | 中位数 |`)
console.log('|---|---:|---:|')
console.log(`| 启动到可交互 (ms) | ${fmt(Math.min(...startup))} | ${fmt(med(startup))} |`)
console.log(`| 启动后总内存 PSS (MB，${memory[0].processes} 个进程) | ${fmt(Math.min(...memory.map((m) => m.mb)))} | ${fmt(med(memory.map((m) => m.mb)))} |`)
console.log(`| 打开 ${ITEMS} 个事项的目录 (ms) | ${fmt(Math.min(...open5k))} | ${fmt(med(open5k))} |`)
console.log(`| 搜索往返 (ms，${search.length} 次查询，命中 ${search.map((s) => s[2]).join('/')} ) | ${Math.min(...searchMs).toFixed(1)} | ${med(searchMs).toFixed(1)} |`)
console.log(`| 读出 ${ITEMS} 个事项 list_items (ms) | ${fmt(Math.min(...lists))} | ${fmt(med(lists))} |`)
console.log(`| 改一个字段并保存 update_item (ms) | ${Math.min(...edits).toFixed(1)} | ${med(edits).toFixed(1)} |`)
console.log(JSON.stringify({ bench: 'startup', list_ms: lists, edit_ms: edits, startup_ms: startup, pss_mb: memory.map((m) => m.mb), open_ms: open5k, search_ms: searchMs }))
