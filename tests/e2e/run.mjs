// End-to-end tests: drive the real app window through WebDriver (tauri-driver → WebKitWebDriver),
// under Xvfb. Run by scripts/test.sh:
//   TAURI_DRIVER=tools/bin/tauri-driver APP_BINARY=target/debug/biaozhunmulu xvfb-run -a node tests/e2e/run.mjs
// Each run uses a fresh database (MULU_DB) and a fresh HOME, so nothing of the developer's is touched.
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const repo = resolve(here, '../..')
// webdriverio is installed with the UI's packages (one `npm ci --prefix ui`); load its ESM entry.
const wdioDir = join(repo, 'ui/node_modules/webdriverio')
const wdioEntry = JSON.parse(readFileSync(join(wdioDir, 'package.json'), 'utf8')).exports['.'].import
const { remote } = await import(pathToFileURL(join(wdioDir, wdioEntry)).href)

const APP = resolve(process.env.APP_BINARY ?? join(repo, 'target/debug/biaozhunmulu'))
const DRIVER = resolve(process.env.TAURI_DRIVER ?? join(repo, 'tools/bin/tauri-driver'))
const work = mkdtempSync(join(tmpdir(), 'mulu-e2e-'))
const outDir = join(repo, 'tests/e2e/out')
mkdirSync(outDir, { recursive: true })
const env = { ...process.env, MULU_DB: join(work, 'mulu.db'), HOME: join(work, 'home'), XDG_DATA_HOME: join(work, 'data') }
mkdirSync(env.HOME, { recursive: true })

for (const [what, p] of [['app', APP], ['tauri-driver', DRIVER]]) {
  if (!existsSync(p)) {
    console.error(`missing ${what}: ${p}`)
    console.log('0 passed, 1 failed')
    process.exit(1)
  }
}

const driver = spawn(DRIVER, ['--port', '4444'], { env, stdio: ['ignore', 'inherit', 'inherit'] })
await new Promise((r) => setTimeout(r, 1500))

async function openApp() {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: 4444,
    logLevel: 'error',
    capabilities: { 'tauri:options': { application: APP } },
  })
  await browser.waitUntil(async () => (await browser.execute(() => document.body.dataset.ready)) === '1', {
    timeout: 20000,
    timeoutMsg: 'the UI did not become ready within 20 s',
  })
  return browser
}

const byTest = (id) => `[data-testid="${id}"]`
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
/** Rendered text of the first element matching a CSS selector ('' when absent). WebKitWebDriver's
 *  getText is unreliable inside Element Plus tables, so read innerText in the page. */
const textOf = (sel) => browser.execute((s) => document.querySelector(s)?.innerText ?? '', sel)

/** The first table row inside `container` whose text includes `text`. */
async function rowWithText(container, text) {
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
const jsClick = (el) => browser.execute((e) => e.click(), el)
const jsDblClick = (el) => browser.execute((e) => e.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })), el)
/** Select the field's text and type over it, as a user would (setValue's clear does not reach
 *  Vue's v-model in WebKit). */
async function replaceText(field, text) {
  await field.click()
  await browser.keys(['Control', 'a'])
  await browser.keys(['Backspace'])
  await field.addValue(text)
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg)
}

const EDITED = '信息形成之日起5个工作日内（端到端测试）'
const UNIT = '端到端测试县某某镇人民政府'
let browser
const tests = [
  ['window shows the 26 guideline domains in Chinese', async () => {
    browser = await openApp()
    const table = await browser.$(byTest('domain-table'))
    await table.waitForDisplayed({ timeout: 10000 })
    await browser.waitUntil(async () => (await browser.$$(`${byTest('domain-table')} .el-table__body tr`)).length === 26, {
      timeout: 10000, timeoutMsg: 'expected 26 domain rows',
    })
    const text = await textOf(byTest('domain-table'))
    for (const d of ['重大建设项目', '社会救助', '税收管理']) assert(text.includes(d), `domain ${d} not shown`)
    assert(text.includes('部分'), 'data status not shown')
    await browser.saveScreenshot(join(outDir, 'guidelines.png'))
  }],
  ['create a unit and a catalog', async () => {
    await (await browser.$(byTest('nav-catalogs'))).click()
    await (await browser.$(byTest('new-catalog'))).click()
    const name = await browser.$(`input${byTest('unit-name')}, ${byTest('unit-name')} input`)
    await name.waitForDisplayed({ timeout: 5000 })
    await name.setValue(UNIT)
    await (await browser.$(byTest('create-catalog'))).click()
    // Opens the editor on the new, empty catalog.
    await browser.waitUntil(async () => (await textOf('h2')).includes(UNIT), { timeout: 8000, timeoutMsg: 'editor did not open the new catalog' })
  }],
  ['adopt a domain', async () => {
    await (await browser.$(byTest('nav-guidelines'))).click()
    const row = await rowWithText('domain-table', '社会救助')
    await jsClick(await row.$('td'))
    const adopt = await browser.$(byTest('adopt-all'))
    await adopt.waitForEnabled({ timeout: 5000 })
    await adopt.click()
    await browser.$('.el-message--success').waitForDisplayed({ timeout: 5000 })
    await (await browser.$(byTest('nav-editor'))).click()
    await browser.waitUntil(async () => (await browser.$$(`${byTest('item-grid')} .el-table-v2__row`)).length >= 10, {
      timeout: 8000, timeoutMsg: 'adopted items did not appear in the grid',
    })
  }],
  ['edit a field (autosaved) and undo it', async () => {
    const first = await browser.$(`${byTest('item-grid')} .el-table-v2__row`)
    await jsClick(first)
    const field = await browser.$(`input${byTest('field-time-limit')}, ${byTest('field-time-limit')} input`)
    await field.waitForDisplayed({ timeout: 5000 })
    const before = await field.getValue()
    await replaceText(field, EDITED)
    assert((await field.getValue()) === EDITED, `field holds “${await field.getValue()}”`)
    await browser.waitUntil(async () => (await textOf(byTest('item-grid'))).includes(EDITED), { timeout: 5000, timeoutMsg: 'edit not saved to the grid' })
    const undo = await browser.$(byTest('undo'))
    await undo.waitForEnabled({ timeout: 5000 })
    await undo.click()
    await browser.waitUntil(async () => (await field.getValue()) === before, { timeout: 5000, timeoutMsg: 'undo did not restore the field' })
    assert(!(await textOf(byTest('item-grid'))).includes(EDITED), 'grid still shows the undone edit')
    // Edit again: this one must survive a restart.
    await replaceText(field, EDITED)
    await browser.waitUntil(async () => (await textOf(byTest('item-grid'))).includes(EDITED), { timeout: 5000, timeoutMsg: 'second edit not saved' })
    await sleep(300)
    await browser.saveScreenshot(join(outDir, 'editor.png'))
  }],
  ['restart the app and find the edit still there', async () => {
    await browser.deleteSession()
    browser = await openApp()
    await (await browser.$(byTest('nav-catalogs'))).click()
    const row = await rowWithText('catalog-table', UNIT)
    await jsDblClick(await row.$('td'))
    await browser.waitUntil(async () => (await textOf(byTest('item-grid'))).includes(EDITED), { timeout: 8000, timeoutMsg: 'edit lost after restart' })
  }],
]

let passed = 0
let failed = 0
for (const [name, fn] of tests) {
  try {
    await fn()
    passed++
    console.log(`ok   ${name}`)
  } catch (e) {
    failed++
    console.log(`FAIL ${name}\n     ${String(e?.message ?? e).split('\n')[0]}`)
    try { await browser?.saveScreenshot(join(outDir, `fail-${passed + failed}.png`)) } catch {}
  }
}
try { await browser?.deleteSession() } catch {}
driver.kill()
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
