// 桌面程序的启动与内存基准（不是测试）：在 Xvfb 下经 WebDriver 启动 release 版程序，
// 量从进程创建到界面可交互（App.vue 设 body.dataset.ready）的时间，与程序的总内存（程序进程及其
// WebKit 子进程的 PSS 之和，来自 /proc/PID/smaps_rollup）：启动后一刻，与打开一份 5,000 个事项的目录
// 之后；再量打开用时与搜索（FTS5 三元组）的往返用时。同一次运行里每轮先启动一个最小的 Tauri 2 窗口
// （tests/bench/minimal-tauri，同样的 release 构建、同一个 WebKitGTK），量它的 PSS 作对照。
//
//   bash scripts/bench.sh startup
//   （即：构建 biaozhunmulu、mulu 与 minimal-tauri（release）；xvfb-run -a node scripts/bench-startup.mjs）
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// 发布版程序；harness 按 APP_BINARY 启动它（空闲端口、全新的数据库与 HOME，与端到端测试相同）。
process.env.APP_BINARY ??= join(repo, 'target/release/biaozhunmulu')
const { setup, openApp, APP, DRIVER } = await import('../tests/e2e/harness.mjs')

const MULU = resolve(process.env.MULU_BINARY ?? join(repo, 'target/release/mulu'))
const MINIMAL = resolve(process.env.MINIMAL_BINARY ?? join(repo, 'target/release/minimal-tauri'))
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const ITEMS = Number(process.env.BENCH_ITEMS ?? 5000)
// 量内存之前等的时间：WebKit 子进程起来、页面排好版、垃圾回收跑过一轮。两边相同。
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 2000)
// BENCH_NO_MINIMAL=1：不启动最小窗口（只看本程序，例如配合 BENCH_SMAPS 查内存花在哪里）。
const NO_MINIMAL = process.env.BENCH_NO_MINIMAL === '1'
for (const p of [APP, MULU, ...(NO_MINIMAL ? [] : [MINIMAL]), DRIVER]) if (!existsSync(p)) { console.error(`缺少 ${p}`); process.exit(2) }

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
/** 程序进程及其全部后代（WebKitWebProcess、WebKitNetworkProcess）的 PSS 之和（MB），与每个进程的
 *  PSS 及其匿名/文件/共享内存三部分（smaps_rollup 的 Pss_Anon、Pss_File、Pss_Shmem，MB）。 */
function pssOfTree(root) {
  const parent = children()
  const tree = [root]
  for (let i = 0; i < tree.length; i++) for (const [pid, pp] of parent) if (pp === tree[i]) tree.push(pid)
  const procs = []
  for (const pid of tree) {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
      const field = (k) => Number(text.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm'))?.[1] ?? 0) / 1024
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
      const name = pid === root ? 'main' : comm.startsWith('WebKitWebProc') ? 'web' : comm.startsWith('WebKitNetwork') ? 'network' : comm
      procs.push({ name, pss: field('Pss'), anon: field('Pss_Anon'), file: field('Pss_File'), shmem: field('Pss_Shmem') })
    } catch {}
  }
  return { mb: procs.reduce((a, p) => a + p.pss, 0), processes: procs.length, procs }
}
/** BENCH_SMAPS=文件：把进程树里每个进程 PSS 最大的 20 段映射（/proc/PID/smaps，按映射的文件或 [heap] 等
 *  名称合并）追加到这个文件，看内存花在哪里。 */
function dumpSmaps(root, label) {
  const file = process.env.BENCH_SMAPS
  if (!file) return
  const parent = children()
  const tree = [root]
  for (let i = 0; i < tree.length; i++) for (const [pid, pp] of parent) if (pp === tree[i]) tree.push(pid)
  let out = `## ${label}\n`
  for (const pid of tree) {
    let text = ''
    try { text = readFileSync(`/proc/${pid}/smaps`, 'utf8') } catch { continue }
    const byName = new Map()
    let name = ''
    for (const line of text.split('\n')) {
      const head = line.match(/^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/)
      if (head) { name = head[1] || '[anon]'; continue }
      const m = line.match(/^Pss:\s+(\d+)/)
      if (m) byName.set(name, (byName.get(name) ?? 0) + Number(m[1]))
    }
    const total = [...byName.values()].reduce((a, b) => a + b, 0)
    out += `### ${pid} ${readFileSync(`/proc/${pid}/comm`, 'utf8').trim()}：PSS ${(total / 1024).toFixed(1)} MB\n`
    for (const [n, kb] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20)) out += `${(kb / 1024).toFixed(1).padStart(8)} MB  ${n}\n`
  }
  writeFileSync(file, out + '\n', { flag: 'a' })
}
const newestPid = (binary) => Number(execFileSync('pgrep', ['-n', '-f', binary], { encoding: 'utf8' }).trim())
const appPid = () => newestPid(APP)

/** 最小的 Tauri 2 窗口：经同一个 tauri-driver 启动，页面加载完、等 SETTLE_MS 后量 PSS。 */
async function measureMinimal() {
  const browser = await openApp(MINIMAL, { ready: false })
  await browser.waitUntil(async () => browser.execute(() => document.readyState === 'complete' && !!document.getElementById('hello')), {
    timeout: 20000, timeoutMsg: '最小的 Tauri 窗口 20 秒内没有显示页面',
  })
  await new Promise((r) => setTimeout(r, SETTLE_MS))
  const m = pssOfTree(newestPid(MINIMAL))
  dumpSmaps(newestPid(MINIMAL), '最小的 Tauri 2 窗口')
  await browser.deleteSession()
  return m
}

const startup = []
const memory = []
const memoryOpen = []
const minimal = []
let open5k = []
let search = []
const lists = []
const edits = []
for (let run = 0; run < RUNS; run++) {
  if (!NO_MINIMAL) minimal.push(await measureMinimal())
  // openApp 等到界面可交互（body.dataset.ready）；页面里记下那一刻的时间。
  const browser = await openApp()
  const pid = appPid()
  const t0 = startedAt(pid)
  const readyAt = await browser.execute(() => Number(document.body.dataset.readyAt))
  startup.push(readyAt - t0)
  await new Promise((r) => setTimeout(r, SETTLE_MS)) // 等 WebKit 子进程稳定后再量内存
  memory.push(pssOfTree(pid))
  dumpSmaps(pid, '本程序启动后')

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
  await new Promise((r) => setTimeout(r, SETTLE_MS))
  memoryOpen.push(pssOfTree(pid))
  dumpSmaps(pid, `本程序打开 ${ITEMS} 个事项的目录后`)

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
const row = (label, a, digits = 0) => `| ${label} | ${Math.min(...a).toFixed(digits)} | ${med(a).toFixed(digits)} | ${Math.max(...a).toFixed(digits)} |`
/** 每个进程的 PSS 中位数（MB）：main / web / network。 */
const perProcess = (ms) => ['main', 'web', 'network'].map((n) => `${n} ${fmt(med(ms.map((m) => m.procs.filter((p) => p.name === n).reduce((a, p) => a + p.pss, 0))))}`).join(' + ')
const searchMs = search.map((s) => s[1])
console.log(`| 指标（release，${RUNS} 次） | 最好 | 中位数 | 最差 |`)
console.log('|---|---:|---:|---:|')
console.log(row('启动到可交互 (ms)', startup))
if (minimal.length) console.log(row(`最小的 Tauri 2 窗口 PSS (MB，${minimal[0].processes} 个进程：${perProcess(minimal)})`, minimal.map((m) => m.mb)))
console.log(row(`本程序启动后 PSS (MB，${memory[0].processes} 个进程：${perProcess(memory)})`, memory.map((m) => m.mb)))
console.log(row(`本程序打开 ${ITEMS} 个事项的目录后 PSS (MB：${perProcess(memoryOpen)})`, memoryOpen.map((m) => m.mb)))
if (minimal.length) console.log(`| 打开目录后 PSS ÷ 最小窗口 PSS（中位数之比） | | ${(med(memoryOpen.map((m) => m.mb)) / med(minimal.map((m) => m.mb))).toFixed(2)} | |`)
console.log(row(`打开 ${ITEMS} 个事项的目录 (ms)`, open5k))
console.log(row(`搜索往返 (ms，${search.length} 次查询，命中 ${[...new Set(search.map((s) => s[2]))].join('/')})`, searchMs, 1))
console.log(row(`读出 ${ITEMS} 个事项 list_items (ms)`, lists))
console.log(row('改一个字段并保存 update_item (ms)', edits, 1))
const r1 = (x) => Math.round(x * 10) / 10
const procs = (ms) => ms.map((m) => m.procs.map((p) => ({ ...p, pss: r1(p.pss), anon: r1(p.anon), file: r1(p.file), shmem: r1(p.shmem) })))
console.log(JSON.stringify({
  bench: 'startup', startup_ms: startup, pss_mb: memory.map((m) => r1(m.mb)), pss_open_mb: memoryOpen.map((m) => r1(m.mb)),
  minimal_pss_mb: minimal.map((m) => r1(m.mb)), open_ms: open5k, list_ms: lists, edit_ms: edits, search_ms: searchMs,
  procs: { minimal: procs(minimal), startup: procs(memory), open: procs(memoryOpen) },
}))
