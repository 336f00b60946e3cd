// Shared WebDriver harness for the end-to-end tests (run.mjs) and the screenshot tour
// (screenshots.mjs): starts tauri-driver (→ WebKitWebDriver → the app) with a fresh database and
// HOME, opens WebDriver sessions on the real window, and small helpers for Element Plus pages.
// Needs a display: run under xvfb-run (see scripts/test.sh and scripts/screenshots.sh).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:net'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const repo = resolve(here, '../..')
// webdriverio is installed with the UI's packages (one `npm ci --prefix ui`); load its ESM entry.
const wdioDir = join(repo, 'ui/node_modules/webdriverio')
const wdioEntry = JSON.parse(readFileSync(join(wdioDir, 'package.json'), 'utf8')).exports['.'].import
const { remote } = await import(pathToFileURL(join(wdioDir, wdioEntry)).href)

export const APP = resolve(process.env.APP_BINARY ?? join(repo, 'target/debug/biaozhunmulu'))
export const DRIVER = resolve(process.env.TAURI_DRIVER ?? join(repo, 'tools/bin/tauri-driver'))

/** The WebDriver session in use (set by openApp); the helpers below act on it. `openFile` is the
 *  file the app reads instead of showing its open dialog (MULU_E2E_OPEN_FILE; see answerOpenDialog). */
export const ctx = { browser: null, port: 0, openFile: '' }

/** A TCP port nobody listens on now. Fixed ports (tauri-driver's defaults are 4444 and 4445 for
 *  WebKitWebDriver) clash when two runs share a machine. E2E_PORT pins the driver's port. */
function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer()
    srv.once('error', rej)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => res(port))
    })
  })
}

/**
 * Fresh work folder (database, HOME, XDG dirs, export folder) and a running tauri-driver.
 * Throws when the app binary or tauri-driver is missing.
 *
 * MULU_E2E_SAVE_DIR is the app's test hook: exports skip the native save dialog (which WebDriver
 * cannot drive) and go to 〈saveDir〉/〈default file name〉 (src-tauri/src/commands/export.rs).
 * MULU_E2E_OPEN_FILE is the same for the open dialog (import, 审核工作台): the app takes the paths
 * written in that file (answerOpenDialog) instead of asking (src-tauri/src/commands/import.rs).
 * `saveHook: false` leaves both unset, so the real dialogs open (for trying them by hand).
 */
export async function setup(prefix = 'mulu-e2e-', { saveHook = true } = {}) {
  for (const [what, p] of [['app', APP], ['tauri-driver', DRIVER]]) {
    if (!existsSync(p)) throw new Error(`missing ${what}: ${p}`)
  }
  const work = mkdtempSync(join(tmpdir(), prefix))
  const saveDir = join(work, 'exports')
  const env = {
    ...process.env, MULU_DB: join(work, 'mulu.db'), HOME: join(work, 'home'), XDG_DATA_HOME: join(work, 'data'),
    XDG_CONFIG_HOME: join(work, 'config'),
  }
  // WebKit's own compositing for the tests: with the app's default (compositing off, src-tauri/src/main.rs)
  // WebKitWebDriver's screenshot hung for minutes once the damaged-database dialog was up (2026-12-02, Xvfb);
  // the page itself stayed responsive. E2E_COMPOSITING_OFF=1 runs the tests as shipped.
  if (!process.env.E2E_COMPOSITING_OFF) env.MULU_WEBKIT_COMPOSITING = '1'
  ctx.openFile = join(work, 'open-dialog.txt')
  if (saveHook) {
    env.MULU_E2E_SAVE_DIR = saveDir
    env.MULU_E2E_OPEN_FILE = ctx.openFile
  } else {
    delete env.MULU_E2E_SAVE_DIR
    delete env.MULU_E2E_OPEN_FILE
  }
  mkdirSync(env.HOME, { recursive: true })
  mkdirSync(saveDir, { recursive: true })
  ctx.port = Number(process.env.E2E_PORT) || (await freePort())
  const nativePort = await freePort()
  const driver = spawn(DRIVER, ['--port', String(ctx.port), '--native-port', String(nativePort)], {
    env, stdio: ['ignore', 'inherit', 'inherit'],
  })
  // Wait until tauri-driver answers (at most 10 s) rather than a fixed pause.
  for (let i = 0; i < 50; i++) {
    await sleep(200)
    try {
      await fetch(`http://127.0.0.1:${ctx.port}/status`, { signal: AbortSignal.timeout(1000) })
      break
    } catch {}
  }
  async function stop() {
    try { await ctx.browser?.deleteSession() } catch {}
    ctx.browser = null
    driver.kill()
  }
  return { work, saveDir, env, stop }
}

/** A new WebDriver session: starts the app and waits until the UI is interactive. `application`
 *  starts another program instead (the startup bench's minimal Tauri window, which has no
 *  `body.dataset.ready`: pass `ready: false` to return as soon as the session is open). */
export async function openApp(application = APP, { ready = true } = {}) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: ctx.port,
    logLevel: 'error',
    capabilities: { 'tauri:options': { application } },
  })
  ctx.browser = browser
  if (!ready) return browser
  await browser.waitUntil(async () => (await browser.execute(() => document.body.dataset.ready)) === '1', {
    timeout: 20000,
    timeoutMsg: 'the UI did not become ready within 20 s',
  })
  return browser
}

/** What the app's next open dialogs answer (absolute paths; [] = cancelled). */
export function answerOpenDialog(paths) {
  writeFileSync(ctx.openFile, paths.map((p) => resolve(p)).join('\n') + '\n')
}
/** A workbook of tests/fixtures/workbooks (see its INDEX.md). */
export const fixture = (name) => join(repo, 'tests/fixtures/workbooks', name)

export const byTest = (id) => `[data-testid="${id}"]`
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
/** Rendered text of the first element matching a CSS selector ('' when absent). WebKitWebDriver's
 *  getText is unreliable inside Element Plus tables, so read innerText in the page. */
export const textOf = (sel) => ctx.browser.execute((s) => document.querySelector(s)?.innerText ?? '', sel)

/** The first table row inside `container` whose text includes `text`. */
export async function rowWithText(container, text) {
  const browser = ctx.browser
  let found = null
  await browser.waitUntil(async () => {
    for (const r of await browser.$$(`${byTest(container)} tr, ${byTest(container)} .el-table-v2__row`)) {
      if ((await browser.execute((el) => el.innerText, r)).includes(text)) { found = r; return true }
    }
    return false
  }, { timeout: 8000, timeoutMsg: `no row with “${text}” in ${container}` })
  return found
}
/** Click / double-click through the page: WebKitWebDriver refuses pointer actions on table rows
 *  ("element not interactable"), while the app only needs the DOM events. */
export const jsClick = (el) => ctx.browser.execute((e) => e.click(), el)
export const jsDblClick = (el) => ctx.browser.execute((e) => e.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })), el)
/** Select the field's text and type over it, as a user would (setValue's clear does not reach
 *  Vue's v-model in WebKit). */
export async function replaceText(field, text) {
  await field.click()
  await ctx.browser.keys(['Control', 'a'])
  await ctx.browser.keys(['Backspace'])
  await field.addValue(text)
}
export function assert(cond, msg) {
  if (!cond) throw new Error(msg)
}
/** Entry names and the shared strings of an .xlsx, read by Python's zipfile (no npm zip reader). */
export function readXlsx(path) {
  const py = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'names = z.namelist()',
    "ss = z.read('xl/sharedStrings.xml').decode('utf-8') if 'xl/sharedStrings.xml' in names else ''",
    "print(json.dumps({'names': names, 'sharedStrings': ss}))",
  ].join('\n')
  const r = spawnSync('python3', ['-c', py, path], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`python3 zipfile could not read ${path}: ${r.stderr.trim()}`)
  return JSON.parse(r.stdout)
}

/** Create a unit and its catalog through the 单位与目录 screen; ends in the editor. */
export async function createCatalog(unit) {
  const browser = ctx.browser
  await (await browser.$(byTest('nav-catalogs'))).click()
  await (await browser.$(byTest('new-catalog'))).click()
  const name = await browser.$(`input${byTest('unit-name')}, ${byTest('unit-name')} input`)
  await name.waitForDisplayed({ timeout: 5000 })
  await name.setValue(unit)
  await (await browser.$(byTest('create-catalog'))).click()
  await browser.waitUntil(async () => (await textOf('h2')).includes(unit), { timeout: 8000, timeoutMsg: 'editor did not open the new catalog' })
}

/** Adopt every item of a guideline domain into the open catalog (标准指引库 → 全部采用). */
export async function adoptDomain(domain) {
  const browser = ctx.browser
  await (await browser.$(byTest('nav-guidelines'))).click()
  const row = await rowWithText('domain-table', domain)
  await jsClick(await row.$('td'))
  // Wait for the clicked domain's detail (the button adopts whichever domain is shown).
  await browser.waitUntil(async () => (await textOf('.detail-head h3')) === domain, { timeout: 5000, timeoutMsg: `${domain} did not open` })
  const adopt = await browser.$(byTest('adopt-all'))
  await adopt.waitForEnabled({ timeout: 5000 })
  // Success, or a warning when some adopted items have fields their source copy cut off.
  const done = '.el-message--success, .el-message--warning'
  const before = (await browser.$$(done)).length
  await adopt.click()
  await browser.waitUntil(async () => (await browser.$$(done)).length > before, {
    timeout: 5000, timeoutMsg: `adopting ${domain} showed no success message`,
  })
}

/** Open the export menu and pick a format (xlsx | html | json). */
export async function chooseExport(format) {
  const browser = ctx.browser
  await (await browser.$(byTest('export'))).click()
  const item = await browser.$(byTest(`export-${format}`))
  await item.waitForDisplayed({ timeout: 5000 })
  await jsClick(item)
}
