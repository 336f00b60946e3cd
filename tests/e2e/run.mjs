// End-to-end tests: drive the real app window through WebDriver (tauri-driver → WebKitWebDriver),
// under Xvfb. Run by scripts/test.sh:
//   TAURI_DRIVER=tools/bin/tauri-driver APP_BINARY=target/debug/biaozhunmulu xvfb-run -a node tests/e2e/run.mjs
// Each run uses a fresh database (MULU_DB) and a fresh HOME, so nothing of the developer's is touched.
import { existsSync, readdirSync, openSync, readSync, closeSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  repo, setup, openApp, byTest, sleep, textOf, rowWithText, jsClick, jsDblClick, replaceText, assert, readXlsx,
  createCatalog, adoptDomain, chooseExport,
} from './harness.mjs'

const outDir = join(repo, 'tests/e2e/out')
mkdirSync(outDir, { recursive: true })
let h
try {
  h = await setup('mulu-e2e-')
} catch (e) {
  console.error(String(e?.message ?? e))
  console.log('0 passed, 1 failed')
  process.exit(1)
}
const { saveDir } = h

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
    // Opens the editor on the new, empty catalog.
    await createCatalog(UNIT)
  }],
  ['adopt a domain', async () => {
    await adoptDomain('社会救助')
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
    // The last opened catalog is reopened on launch.
    await browser.waitUntil(async () => (await textOf('h2')).includes(UNIT), { timeout: 8000, timeoutMsg: 'the last catalog was not reopened on launch' })
    await (await browser.$(byTest('nav-catalogs'))).click()
    const row = await rowWithText('catalog-table', UNIT)
    await jsDblClick(await row.$('td'))
    await browser.waitUntil(async () => (await textOf(byTest('item-grid'))).includes(EDITED), { timeout: 8000, timeoutMsg: 'edit lost after restart' })
  }],
  ['export to xlsx and check the file', async () => {
    await chooseExport('xlsx')
    const confirm = await browser.$(byTest('export-confirm'))
    await confirm.waitForDisplayed({ timeout: 5000 })
    const dialog = await textOf(`${byTest('export-dialog')}`)
    assert(dialog.includes('社会救助'), `the options step does not list the catalog's domain: ${dialog}`)
    await confirm.waitForEnabled({ timeout: 5000 })
    await confirm.click()
    await browser.waitUntil(async () => (await textOf('.el-message--success')).includes('已导出'), {
      timeout: 20000, timeoutMsg: 'no success message after exporting',
    })
    const shown = await textOf('.el-message--success')
    const name = `${UNIT}${new Date().getFullYear()}年政务公开标准目录.xlsx`
    const file = join(saveDir, name)
    assert(shown.includes(file), `the message does not say where the file went: ${shown}`)
    assert(existsSync(file), `no file ${name} in ${saveDir} (found: ${readdirSync(saveDir).join(', ') || 'nothing'})`)
    const head = Buffer.alloc(2)
    const fd = openSync(file, 'r')
    readSync(fd, head, 0, 2, 0)
    closeSync(fd)
    assert(head.toString('latin1') === 'PK', 'the file is not a zip (.xlsx) file')
    const x = readXlsx(file)
    assert(x.names.includes('xl/workbook.xml'), 'no xl/workbook.xml in the workbook')
    assert(x.names.some((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)), 'no worksheet in the workbook')
    assert(x.sharedStrings.includes('社会救助领域基层政务公开标准目录'), 'the domain sheet title is not in the shared strings')
    assert(x.sharedStrings.includes(EDITED), 'the edited time limit is not in the workbook')
    // The lower-level column defaults from the unit's name (…镇人民政府 → 镇级).
    assert(x.sharedStrings.includes('镇级'), 'the lower-level column is not called 镇级')
    await browser.saveScreenshot(join(outDir, 'export.png'))
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
await h.stop()
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
