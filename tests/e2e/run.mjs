// End-to-end tests: drive the real app window through WebDriver (tauri-driver → WebKitWebDriver),
// under Xvfb. Run by scripts/test.sh:
//   TAURI_DRIVER=tools/bin/tauri-driver APP_BINARY=target/debug/biaozhunmulu xvfb-run -a node tests/e2e/run.mjs
// Each run uses a fresh database (MULU_DB) and a fresh HOME, so nothing of the developer's is touched.
import { existsSync, readdirSync, openSync, readSync, closeSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import {
  repo, setup, openApp, byTest, sleep, textOf, rowWithText, jsClick, jsDblClick, replaceText, assert, readXlsx,
  createCatalog, adoptDomain, chooseExport, answerOpenDialog, fixture,
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
const INLINE = '信息形成之日起10个工作日内（表格内编辑）'
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
    // A store without catalogs: the first-run guide (快速上手) opens by itself; 以后再说 (Esc) closes it
    // for good (the guide's own test at the end opens it again with F1).
    const guide = await browser.$(byTest('guide'))
    await guide.waitForDisplayed({ timeout: 8000, timeoutMsg: 'the first-run guide did not open on an empty store' })
    // The guide takes the focus once its opening animation ends; an Esc before that reaches nothing
    // (seen on a cold first start under load).
    await browser.waitUntil(() => browser.execute(() => !!document.activeElement?.closest('[data-testid="guide-unit"]')), {
      timeout: 8000, timeoutMsg: 'the first-run guide did not take the focus',
    })
    await browser.keys(['Escape'])
    await guide.waitForDisplayed({ reverse: true, timeout: 5000, timeoutMsg: 'Esc did not close the first-run guide' })
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
  ['edit a 公开时限 cell in place in the grid (double-click, type, Enter), undo and redo with the keys', async () => {
    // The catalog of the earlier steps is open (社会救助). The third row: not the one edited above.
    const [, , id] = await gridOrder()
    const before = await cellText(id, 'time')
    await jsDblClick(await browser.$(`${rowSel(id)} [data-col="time"]`))
    const input = await browser.$(`${byTest('item-grid')} .cell-editor input`)
    await input.waitForDisplayed({ timeout: 5000 })
    assert(await browser.execute(() => !!document.activeElement?.closest('.cell-editor')), 'the cell editor does not have the focus')
    assert((await input.getValue()) === before, `the cell editor starts from “${await input.getValue()}”, not “${before}”`)
    await browser.keys(['Control', 'a'])
    await browser.keys(['Backspace'])
    await input.addValue(INLINE)
    await browser.keys(['Enter'])
    await browser.waitUntil(async () => (await cellText(id, 'time')) === INLINE, { timeout: 5000, timeoutMsg: 'the grid does not show the edit made in the cell' })
    assert(!(await browser.$(`${byTest('item-grid')} .cell-editor`).isExisting()), 'the cell editor stayed open after Enter')
    // The row is selected and the panel shows the same value.
    const field = await browser.$(`input${byTest('field-time-limit')}, ${byTest('field-time-limit')} input`)
    assert((await field.getValue()) === INLINE, `the panel shows “${await field.getValue()}”`)
    assert((await listItem(id)).time_limit === INLINE, 'the edit is not in the database')
    // Ctrl+Z on the grid (it has the focus back): one step undoes the edit, grid and panel.
    assert(await browser.execute(() => document.activeElement?.dataset.testid === 'item-grid'), 'the focus did not return to the grid')
    await browser.$(byTest('undo')).waitForEnabled({ timeout: 5000 })
    await browser.keys(['Control', 'z'])
    await browser.waitUntil(async () => (await cellText(id, 'time')) === before && (await field.getValue()) === before, {
      timeout: 5000, timeoutMsg: 'Ctrl+Z did not restore the cell and the panel',
    })
    assert((await listItem(id)).time_limit === before, 'the undo did not reach the database')
    await browser.keys(['Control', 'y'])
    await browser.waitUntil(async () => (await cellText(id, 'time')) === INLINE && (await field.getValue()) === INLINE, {
      timeout: 5000, timeoutMsg: 'Ctrl+Y did not bring the edit back',
    })
    assert((await listItem(id)).time_limit === INLINE, 'the redone edit is not in the database')
    // Esc cancels: nothing written.
    await jsDblClick(await browser.$(`${rowSel(id)} [data-col="time"]`))
    await input.waitForDisplayed({ timeout: 5000 })
    await input.addValue('（不要）')
    await browser.keys(['Escape'])
    await browser.waitUntil(async () => !(await browser.$(`${byTest('item-grid')} .cell-editor`).isExisting()), { timeout: 5000, timeoutMsg: 'Esc did not close the cell editor' })
    await sleep(600) // longer than the autosave pause
    assert((await cellText(id, 'time')) === INLINE && (await listItem(id)).time_limit === INLINE, 'Esc did not cancel the edit')
  }],
  ['toggle 公开方式 and 公开层级 in the grid, by click and by keyboard', async () => {
    const [, , id] = await gridOrder()
    const before = await listItem(id)
    const tog = (col, v) => browser.$(`${rowSel(id)} [data-col="${col}"] .tog[data-value="${v}"]`)
    const pressed = async (col, v) => (await (await tog(col, v)).getAttribute('aria-pressed')) === 'true'
    const panelChecked = (field, v) => browser.execute((f, val) => [...document.querySelectorAll(`[data-field="${f}"] .el-checkbox`)]
      .some((c) => c.innerText.trim() === val && c.classList.contains('is-checked')), field, v)
    // 公开层级 乡级 by click: the toggle, the panel and the database agree.
    const wasOn = before.level.includes('乡级')
    await jsClick(await tog('level', '乡级'))
    await browser.waitUntil(async () => (await pressed('level', '乡级')) !== wasOn, { timeout: 5000, timeoutMsg: 'the 乡级 toggle did not change' })
    assert((await panelChecked('level', '乡级')) !== wasOn, 'the panel’s 公开层级 does not show the toggle')
    assert((await listItem(id)).level.includes('乡级') !== wasOn, 'the 公开层级 toggle is not in the database')
    // 公开方式 by keyboard: focus the cell (←/→ from 公开时限), Enter steps into its toggles, → to 依申请, Space.
    const modeWas = before.mode.includes('依申请')
    await browser.execute(() => document.querySelector('[data-testid="item-grid"]').focus())
    for (let i = 0; i < 8; i++) await browser.keys(['ArrowLeft']) // to the first column
    const hops = ['domain', 'l1', 'l2', 'time', 'channels', 'audience', 'mode']
    for (const col of hops) {
      await browser.keys(['ArrowRight'])
      await browser.waitUntil(async () => (await focusedCol()) === col, { timeout: 3000, timeoutMsg: `→ did not move the focus to ${col} (at ${await focusedCol()})` })
    }
    await browser.keys(['Enter'])
    await browser.waitUntil(() => browser.execute(() => document.activeElement?.dataset.value === '主动'), { timeout: 3000, timeoutMsg: 'Enter did not step into the 公开方式 toggles' })
    await browser.keys(['ArrowRight'])
    await browser.keys([' '])
    await browser.waitUntil(async () => (await pressed('mode', '依申请')) !== modeWas, { timeout: 5000, timeoutMsg: 'Space did not toggle 依申请' })
    assert((await panelChecked('mode', '依申请')) !== modeWas, 'the panel’s 公开方式 does not show the toggle')
    assert((await listItem(id)).mode.includes('依申请') !== modeWas, 'the 公开方式 toggle is not in the database')
    // One undo step per toggle: undo takes back 依申请 only, then 乡级.
    await browser.keys(['Escape'])
    await browser.keys(['Control', 'z'])
    await browser.waitUntil(async () => (await listItem(id)).mode.includes('依申请') === modeWas, { timeout: 5000, timeoutMsg: 'undo did not take back the 公开方式 toggle' })
    assert((await listItem(id)).level.includes('乡级') !== wasOn, 'one undo took back both toggles')
    await browser.waitUntil(async () => (await pressed('mode', '依申请')) === modeWas, { timeout: 5000, timeoutMsg: 'the toggle does not show the undo' })
    await browser.keys(['Control', 'z'])
    await browser.waitUntil(async () => (await listItem(id)).level.includes('乡级') === wasOn, { timeout: 5000, timeoutMsg: 'the second undo did not take back 乡级' })
  }],
  ['check carriers in the grid’s 公开渠道和载体 checklist', async () => {
    const [, , id] = await gridOrder()
    const before = await listItem(id)
    const carrier = before.channels.standard.includes('精准推送') ? '广播电视' : '精准推送'
    await jsDblClick(await browser.$(`${rowSel(id)} [data-col="channels"]`))
    const pop = await browser.$(byTest('carrier-pop'))
    await pop.waitForDisplayed({ timeout: 5000 })
    await browser.execute((c) => {
      const box = [...document.querySelectorAll('[data-testid="carrier-pop"] .el-checkbox')].find((b) => b.innerText.trim() === c)
      box.querySelector('input').click()
    }, carrier)
    await jsClick(await browser.$(byTest('carrier-ok')))
    await browser.waitUntil(async () => (await cellText(id, 'channels')).includes(carrier), { timeout: 5000, timeoutMsg: `the grid does not list ${carrier}` })
    assert((await listItem(id)).channels.standard.includes(carrier), `${carrier} is not in the database`)
    assert(!(await pop.isDisplayed()), 'the checklist stayed open')
    await jsClick(await browser.$(byTest('undo')))
    await browser.waitUntil(async () => !(await listItem(id)).channels.standard.includes(carrier), { timeout: 5000, timeoutMsg: 'undo did not take the carrier back' })
  }],
  ['reorder by dragging the ⠿ handle, within the domain only; undo restores the order', async () => {
    const order = await listOrder()
    const [a, b, c, d] = order
    assert((await gridOrder()).slice(0, 4).join() === order.slice(0, 4).join(), 'the grid does not show the stored order')
    // Item b (second) dropped on the lower half of item d (fourth): a c d b …
    const how = await dragRow(b, d, 'after')
    console.log(`     (drag: ${how})`)
    const want = [a, c, d, b]
    await browser.waitUntil(async () => (await gridOrder()).slice(0, 4).join() === want.join(), {
      timeout: 5000, timeoutMsg: `the grid order is not ${want.join(',')}`,
    })
    assert((await listOrder()).slice(0, 4).join() === want.join(), `the database order is not ${want.join(',')}: ${(await listOrder()).slice(0, 4).join()}`)
    // Upper half of the first row: to the top.
    await dragRow(d, a, 'before')
    await browser.waitUntil(async () => (await gridOrder()).slice(0, 4).join() === [d, a, c, b].join(), { timeout: 5000, timeoutMsg: 'dropping before the first row did not put it first' })
    // Two drags, two undo steps.
    await jsClick(await browser.$(byTest('undo')))
    await browser.waitUntil(async () => (await listOrder()).slice(0, 4).join() === want.join(), { timeout: 5000, timeoutMsg: 'undo did not take back the second drag' })
    await jsClick(await browser.$(byTest('undo')))
    await browser.waitUntil(async () => (await listOrder()).join() === order.join() && (await gridOrder()).join() === order.join(), {
      timeout: 5000, timeoutMsg: 'undo did not restore the order',
    })
    // Alt+↓ moves the selected item one place, as 下移 does.
    await jsClick(await browser.$(`${rowSel(a)} [data-col="l1"]`))
    await browser.keys(['Alt', 'ArrowDown'])
    await browser.waitUntil(async () => (await listOrder()).slice(0, 2).join() === [b, a].join(), { timeout: 5000, timeoutMsg: 'Alt+↓ did not move the item down' })
    await browser.keys(['Control', 'z'])
    await browser.waitUntil(async () => (await listOrder()).join() === order.join(), { timeout: 5000, timeoutMsg: 'Ctrl+Z did not undo Alt+↓' })
    // Another domain: refused with a message, nothing moved.
    await adoptDomain('养老服务')
    await (await browser.$(byTest('nav-editor'))).click()
    let other = null
    await browser.waitUntil(async () => (other = await firstRowOf('养老服务')) !== null, { timeout: 8000, timeoutMsg: 'no 养老服务 row on screen' })
    const all = await listOrder()
    const last = order[order.length - 1]
    await browser.execute((id) => document.querySelector(`[data-testid="item-grid"] .el-table-v2__row[data-id="${id}"]`)?.scrollIntoView({ block: 'center' }), other)
    await dragRow(last, other, 'before')
    await browser.waitUntil(async () => (await textOf('.el-message--warning')).includes('只能在同一领域内'), { timeout: 5000, timeoutMsg: 'no message when dropping on another domain' })
    assert((await listOrder()).join() === all.join(), 'a drop on another domain changed the order')
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
  ['import a workbook: preview first, then write it as a new catalog', async () => {
    await (await browser.$(byTest('nav-catalogs'))).click()
    // A text file named .xlsx: one clear sentence, nothing to import.
    answerOpenDialog([fixture('not_a_workbook.xlsx')])
    await (await browser.$(byTest('catalogs-import'))).click()
    await browser.waitUntil(async () => (await textOf(byTest('import-error'))).includes('不是 Excel 工作簿'), {
      timeout: 8000, timeoutMsg: 'no error shown for a file that is not a workbook',
    })
    const confirm = await browser.$(byTest('import-confirm'))
    assert(!(await confirm.isEnabled()), '导入 is enabled for a file that cannot be read')
    // The official layout, 一级事项 merged over several rows (tests/fixtures/workbooks/INDEX.md).
    answerOpenDialog([fixture('official_openpyxl.xlsx')])
    await (await browser.$(byTest('import-repick'))).click()
    await browser.waitUntil(async () => (await textOf(byTest('import-summary'))).includes('共 10 个事项'), {
      timeout: 8000, timeoutMsg: 'the preview does not show the 10 items',
    })
    assert((await textOf(byTest('import-sheets'))).includes('社会救助'), 'the preview does not name the domain')
    const itemRows = await browser.$$(`${byTest('import-items')} .el-table__body tr`)
    assert(itemRows.length === 10, `the preview lists ${itemRows.length} items, not 10`)
    const items = await textOf(byTest('import-items'))
    assert(items.includes('最低生活保障') && items.includes('社会救助 第'), `the item rows lack names or places: ${items.slice(0, 200)}`)
    await jsClick(await browser.$('#tab-diagnostics'))
    await browser.waitUntil(async () => (await textOf(byTest('import-diagnostics'))).includes('没有提示'), {
      timeout: 5000, timeoutMsg: 'the diagnostics tab does not say the file read cleanly',
    })
    await browser.waitUntil(async () => (await textOf(byTest('import-plan'))).includes('新增 10 项'), {
      timeout: 8000, timeoutMsg: 'the comparison does not say 10 items will be added',
    })
    const unit = await browser.$(`input${byTest('import-unit')}, ${byTest('import-unit')} input`)
    assert((await unit.getValue()) === '某某县某某镇', `the unit is not taken from the title: ${await unit.getValue()}`)
    await confirm.waitForEnabled({ timeout: 5000 })
    await confirm.click()
    await browser.waitUntil(async () => (await textOf('h2')).includes('某某县某某镇'), { timeout: 10000, timeoutMsg: 'the imported catalog was not opened' })
    await browser.waitUntil(async () => (await browser.$$(`${byTest('item-grid')} .el-table-v2__row`)).length === 10, {
      timeout: 8000, timeoutMsg: 'the editor does not show the 10 imported items',
    })
    const grid = await textOf(byTest('item-grid'))
    assert(grid.includes('最低生活保障') && grid.includes('特困人员救助供养'), 'the imported items are not in the grid')
    await browser.saveScreenshot(join(outDir, 'import.png'))
  }],
  ['the findings panel lists findings, and clicking one shows the item and field', async () => {
    await (await browser.$(byTest('review-toggle'))).click()
    const rowsSel = `${byTest('findings-table')} .el-table__body tr`
    await browser.waitUntil(async () => (await browser.$$(rowsSel)).length > 0, { timeout: 10000, timeoutMsg: 'no findings listed' })
    const panel = await textOf(byTest('findings-panel'))
    assert(panel.includes('覆盖率') && panel.includes('警告'), `the panel shows no counts or coverage: ${panel.slice(0, 200)}`)
    assert(panel.includes('缺少社会救助领域标准指引中的事项'), 'the missing guideline items are not listed')
    const row = await browser.$(`${rowsSel}.has-item`)
    assert(await row.isExisting(), 'no finding points at an item')
    const cells = await browser.execute((r) => [...r.querySelectorAll('td')].map((td) => td.innerText.trim()), row)
    const [, , name = '', label = ''] = cells
    const l2 = name.split(' / ').pop()
    await jsClick(await row.$('td'))
    await browser.$(byTest('item-panel')).waitForDisplayed({ timeout: 5000 })
    await browser.waitUntil(async () => (await textOf(`${byTest('item-grid')} .selected-row`)).includes(l2), {
      timeout: 5000, timeoutMsg: `the item “${name}” was not selected in the grid`,
    })
    const focused = await browser.execute(() => {
      const box = document.activeElement?.closest('[data-field]')
      return box ? box.querySelector('label')?.innerText ?? box.dataset.field : ''
    })
    assert(focused.startsWith(label), `the field “${label}” was not focused (focus is in “${focused}”)`)
    await browser.saveScreenshot(join(outDir, 'findings.png'))
  }],
  ['paste rows copied from Excel as local items, undone and redone as one edit', async () => {
    // The imported catalog is open, an item of 社会救助 selected (focus in its panel). Two rows as
    // Excel puts them on the clipboard: CRLF, a quoted cell with a line break (two bases).
    const names = ['端到端粘贴事项甲', '端到端粘贴事项乙']
    const tsv = `综合业务\t${names[0]}\t办理结果\t"《社会救助暂行办法》\n《最低生活保障审核确认办法》"\t20个工作日内\t县民政局\r\n`
      + `综合业务\t${names[1]}\t检查结果\t\t5个工作日内\t县民政局\r\n`
    assert(await pasteInto(byTest('item-grid'), tsv), 'WebKit dropped the clipboardData of the synthetic paste event')
    const confirm = await browser.$(byTest('paste-confirm'))
    await confirm.waitForDisplayed({ timeout: 5000 })
    const dialog = await textOf(byTest('paste-dialog'))
    assert(dialog.includes('粘贴为本级特色事项') && dialog.includes('读出 2 个事项') && dialog.includes('社会救助'),
      `the dialog does not say 2 items into 社会救助: ${dialog.slice(0, 200)}`)
    assert(names.every((n) => dialog.includes(n)) && dialog.includes('5个工作日内'), `the preview lacks the pasted rows: ${dialog}`)
    await sleep(300)
    await browser.saveScreenshot(join(outDir, 'paste.png'))
    const before = (await browser.$$('.el-message--success')).length
    await jsClick(confirm)
    await browser.waitUntil(async () => (await browser.$$('.el-message--success')).length > before, {
      timeout: 8000, timeoutMsg: 'no success message after pasting',
    })
    assert(await browser.execute(() => [...document.querySelectorAll('.el-message--success')].some((m) => m.innerText.includes('已粘贴 2 个事项'))),
      'the message does not say 已粘贴 2 个事项')
    const gridHas = async (n) => (await textOf(byTest('item-grid'))).includes(n)
    await browser.waitUntil(async () => (await gridHas(names[0])) && (await gridHas(names[1])), { timeout: 8000, timeoutMsg: 'the pasted items are not in the grid' })
    assert((await browser.$$(`${byTest('item-grid')} .el-table-v2__row`)).length === 12, 'the grid does not hold 10 + 2 items')
    const l2 = await browser.$(`input${byTest('field-l2')}, ${byTest('field-l2')} input`)
    assert((await l2.getValue()) === names[0], `the first pasted item is not selected: ${await l2.getValue()}`)
    // One undo entry removes both; redo brings both back.
    await jsClick(await browser.$(byTest('undo')))
    await browser.waitUntil(async () => !(await gridHas(names[0])) && !(await gridHas(names[1])), { timeout: 8000, timeoutMsg: 'undo did not remove both pasted items' })
    await jsClick(await browser.$(byTest('redo')))
    await browser.waitUntil(async () => (await gridHas(names[0])) && (await gridHas(names[1])), { timeout: 8000, timeoutMsg: 'redo did not bring both pasted items back' })
    // Pasting into a field stays a plain text paste: no dialog. The first dialog must have finished
    // its closing transition first, or its button still counts as displayed.
    await browser.waitUntil(async () => !(await browser.$(byTest('paste-confirm')).isDisplayed()), {
      timeout: 5000, timeoutMsg: 'the paste dialog did not close after confirming',
    })
    await pasteInto(`input${byTest('search')}, ${byTest('search')} input`, tsv)
    await sleep(300)
    assert(!(await browser.$(byTest('paste-confirm')).isDisplayed()), 'pasting into the search field opened the paste dialog')
  }],
  ['不予公开事项 and 不涉及 records are written at once and read by the review', async () => {
    // The imported catalog (社会救助) is open, the 审核 panel still showing its earlier findings.
    const WITHHELD = '端到端不予公开事项：行政执法案卷'
    const REASON = '本镇无此项职能，由县民政局负责（端到端测试）'
    await jsClick(await browser.$(byTest('withheld-toggle')))
    await browser.$(byTest('withheld-panel')).waitForDisplayed({ timeout: 5000 })
    await jsClick(await browser.$(byTest('withheld-add')))
    const name = await browser.$(`input${byTest('withheld-name')}, ${byTest('withheld-name')} input`)
    await name.waitForDisplayed({ timeout: 5000 })
    await name.addValue(WITHHELD)
    await jsClick(await browser.$(`${byTest('withheld-ground')} .el-select__wrapper`))
    const pickOption = (prefix) => browser.execute((p) => {
      const o = [...document.querySelectorAll('.el-select-dropdown__item')].find((li) => li.innerText.trim().startsWith(p))
      o?.click()
      return o ? o.innerText.trim() : ''
    }, prefix)
    let ground = ''
    await browser.waitUntil(async () => (ground = await pickOption('条例第十六条')) !== '', { timeout: 5000, timeoutMsg: 'no 条例第十六条 among the grounds' })
    assert(ground.includes('行政执法案卷信息'), `the ground option does not say what it covers: ${ground}`)
    // Enter in the name field submits the form.
    await name.click()
    await browser.keys(['Enter'])
    await browser.waitUntil(async () => {
      const t = await textOf(byTest('withheld-table'))
      return t.includes(WITHHELD) && t.includes('条例第十六条')
    }, { timeout: 8000, timeoutMsg: 'the 不予公开事项 is not listed with its ground' })
    await browser.waitUntil(async () => !(await browser.$(byTest('withheld-save')).isDisplayed()), { timeout: 5000, timeoutMsg: 'the dialog stayed open after saving' })

    // 不涉及: a 社会救助 guideline item the review reports missing (neither adopted nor named alike).
    await jsClick(await browser.$('#tab-na'))
    await jsClick(await browser.$(byTest('na-add')))
    await browser.$(byTest('na-reason')).waitForDisplayed({ timeout: 5000 })
    await browser.waitUntil(async () => (await textOf(`${byTest('na-domain')}`)).includes('社会救助'), { timeout: 5000, timeoutMsg: 'the domain is not preset' })
    await jsClick(await browser.$(`${byTest('na-item')} .el-select__wrapper`))
    let picked = ''
    await browser.waitUntil(async () => {
      picked = await browser.execute((sel) => {
        const findings = document.querySelector(sel)?.innerText ?? ''
        const o = [...document.querySelectorAll('.el-select-dropdown__item')]
          .find((li) => { const m = /^(\d\d\.\d{3}) /.exec(li.innerText.trim()); return m && findings.includes(`（${m[1]}）`) })
        o?.click()
        return o ? o.innerText.trim() : ''
      }, byTest('findings-table'))
      return picked !== ''
    }, { timeout: 8000, timeoutMsg: 'no guideline item that the review reports missing among the choices' })
    const [gid = '', ...rest] = picked.split(' ')
    const gname = rest.join(' ').split(' / ').pop()
    const reason = await browser.$(`${byTest('na-reason')} textarea, textarea${byTest('na-reason')}`)
    await reason.addValue(REASON)
    await jsClick(await browser.$(byTest('na-save')))
    await browser.waitUntil(async () => {
      const t = await textOf(byTest('na-table'))
      return t.includes(gid) && t.includes(gname) && t.includes(REASON)
    }, { timeout: 8000, timeoutMsg: `the 不涉及 record of ${picked} is not listed with its name and reason` })
    await jsClick(await browser.$('#tab-withheld'))
    assert((await textOf(byTest('withheld-table'))).includes(WITHHELD), 'the 不予公开事项 is gone from its tab')

    // The 审核 panel knows its results are out of date; re-run: no R603 for the item, no R601 for the 不涉及 one.
    if (!(await browser.$(byTest('findings-panel')).isExisting())) await jsClick(await browser.$(byTest('review-toggle')))
    const findings = () => textOf(byTest('findings-panel'))
    await browser.waitUntil(async () => (await findings()).includes('可能已过时'), { timeout: 5000, timeoutMsg: 'the 审核 panel does not say it is out of date' })
    await jsClick(await browser.$(byTest('findings-run')))
    await browser.waitUntil(async () => !(await findings()).includes('可能已过时'), { timeout: 10000, timeoutMsg: 'the review did not run again' })
    const after = await findings()
    assert(after.includes('覆盖率'), 'the re-run shows no coverage')
    assert(!after.includes(WITHHELD), `a finding mentions the 不予公开事项 that has a ground: ${after.slice(0, 200)}`)
    assert(!after.includes(`（${gid}）`), `${gid} is still reported missing although marked 不涉及 with a reason`)
    await browser.saveScreenshot(join(outDir, 'withheld.png'))
    await jsClick(await browser.$(byTest('withheld-toggle')))
  }],
  ['the review workbench checks workbooks and writes annotated copies', async () => {
    await (await browser.$(byTest('nav-review'))).click()
    answerOpenDialog([fixture('official_openpyxl.xlsx'), fixture('county_department_nolevel.xlsx'), fixture('not_a_workbook.xlsx')])
    await (await browser.$(byTest('review-pick'))).click()
    const rowsSel = `${byTest('review-files')} .el-table__body tr`
    await browser.waitUntil(async () => (await browser.$$(rowsSel)).length === 3, { timeout: 15000, timeoutMsg: 'the three files are not listed' })
    const files = await textOf(byTest('review-files'))
    assert(files.includes('读不了') && /\d+\.\d%/.test(files) && files.includes('某某县发展和改革局'), `unexpected summary: ${files}`)
    // Findings of the first file point at cells (sheet!cell).
    await browser.waitUntil(async () => /社会救助![A-Z]+\d+/.test(await textOf(byTest('review-findings'))), {
      timeout: 5000, timeoutMsg: 'the first file’s findings are not shown with their cells',
    })
    // (Through the page: the toasts of the earlier steps may still cover the toolbar.)
    await jsClick(await browser.$(byTest('review-annotate')))
    await browser.waitUntil(async () => (await textOf(byTest('review-annotated'))).includes('已写出 2 个批注工作簿'), {
      timeout: 15000, timeoutMsg: 'no annotated workbooks written',
    })
    for (const n of ['official_openpyxl', 'county_department_nolevel']) {
      const f = join(saveDir, `${n}（审核意见）.xlsx`)
      assert(existsSync(f), `no ${f}`)
      assert(readXlsx(f).names.includes('xl/workbook.xml'), `${f} is not a workbook`)
    }
    await browser.saveScreenshot(join(outDir, 'review.png'))
  }],
  ['import an official guideline table from a Word document: preview, load, its library shown', async () => {
    // A .docx guideline table (python-docx, tests/fixtures/docx): the commonest copy offices hold.
    await (await browser.$(byTest('nav-guidelines'))).click()
    await browser.$(byTest('guideline-import')).waitForDisplayed({ timeout: 8000 })
    answerOpenDialog([join(repo, 'tests/fixtures/docx/word_guideline.docx')])
    await jsClick(await browser.$(byTest('guideline-import')))
    await browser.waitUntil(async () => (await textOf(byTest('guideline-import-summary'))).includes('将载入 1 个领域'), {
      timeout: 15000, timeoutMsg: 'the guideline import preview of the .docx did not appear',
    })
    const domains = await textOf(byTest('guideline-import-domains'))
    assert(domains.includes('生态环境') && domains.includes('新增'), `unexpected preview: ${domains}`)
    const confirm = await browser.$(byTest('guideline-import-confirm'))
    await confirm.waitForEnabled({ timeout: 5000 })
    await jsClick(confirm)
    await browser.waitUntil(async () => !(await browser.$(byTest('guideline-import-summary')).isDisplayed()), { timeout: 15000, timeoutMsg: 'the import dialog stayed open' })
    const row = await rowWithText('domain-table', '导入：word_guideline.docx')
    assert((await browser.execute((el) => el.innerText, row)).includes('生态环境'), 'the imported library label is not on the 生态环境 row')
  }],
  ['adopt an item of the imported guideline and find it in the editor', async () => {
    await jsClick(await (await rowWithText('domain-table', '生态环境')).$('td'))
    await browser.waitUntil(async () => (await textOf('.detail-head h3')) === '生态环境', { timeout: 5000, timeoutMsg: '生态环境 did not open' })
    assert((await textOf(byTest('detail-library'))).includes('导入：word_guideline.docx'), 'the detail does not name the imported library')
    const checkedOne = await browser.execute(() => {
      const node = [...document.querySelectorAll('[data-testid="guideline-tree"] .el-tree-node__content')]
        .find((n) => n.innerText.includes('排污许可证核发'))
      node?.querySelector('input[type="checkbox"]')?.click()
      return !!node
    })
    assert(checkedOne, 'no 排污许可证核发 in the tree')
    const adopt = await browser.$(byTest('adopt-checked'))
    await browser.waitUntil(async () => (await adopt.getText()).includes('采用选中的 1 项'), { timeout: 5000, timeoutMsg: 'the item was not checked' })
    await jsClick(adopt)
    await browser.waitUntil(async () => (await messages()).includes('已采用 1 个事项'), { timeout: 8000, timeoutMsg: 'no adopt message' })
    await (await browser.$(byTest('nav-editor'))).click()
    await browser.waitUntil(async () => (await textOf(byTest('item-grid'))).includes('排污许可证核发'), { timeout: 8000, timeoutMsg: 'the adopted item is not in the editor' })
    const item = await adoptedItem('排污许可证核发')
    assert(item?.provenance?.data_version?.startsWith('导入-'), `provenance: ${JSON.stringify(item?.provenance)}`)
  }],
  ['export the library as a pack; a tampered pack is refused, a county’s pack loads', async () => {
    await (await browser.$(byTest('nav-guidelines'))).click()
    await browser.$(byTest('pack-export')).waitForDisplayed({ timeout: 8000 })
    await jsClick(await browser.$(byTest('pack-export')))
    const name = await browser.$(`${byTest('pack-name')} input, input${byTest('pack-name')}`)
    await name.waitForDisplayed({ timeout: 5000 })
    await replaceText(name, '端到端县指引库')
    await jsClick(await browser.$(byTest('pack-export-confirm')))
    const file = join(saveDir, '端到端县指引库-指引包.json')
    await browser.waitUntil(async () => existsSync(file), { timeout: 10000, timeoutMsg: `no pack written at ${file}` })
    await browser.waitUntil(async () => (await messages()).includes('已写出指引包“端到端县指引库 '), { timeout: 8000, timeoutMsg: 'no pack message' })
    const pack = JSON.parse(readFileSync(file, 'utf8'))
    assert(pack.format === 'mulu-guideline-pack' && pack.domains.length === 26 && /^[0-9a-f]{64}$/.test(pack.sha256), 'unexpected pack file')
    // The checksum is documented: SHA-256 of the compact JSON of `domains`, keys in file order.
    assert(sha256(JSON.stringify(pack.domains)) === pack.sha256, 'the pack checksum is not the SHA-256 of the compact domains JSON')

    // A tampered copy: refused, nothing loaded.
    const tampered = join(saveDir, '改过的指引包.json')
    const eco = pack.domains.find((d) => d.name === '生态环境')
    writeFileSync(tampered, JSON.stringify({ ...pack, domains: pack.domains.map((d) => (d === eco ? { ...d, notes: `${d.notes}（改过）` } : d)) }))
    answerOpenDialog([tampered])
    await jsClick(await browser.$(byTest('pack-load')))
    await browser.waitUntil(async () => (await textOf(byTest('pack-load-error'))).includes('校验和不符'), { timeout: 10000, timeoutMsg: 'a tampered pack was not refused' })
    assert(!(await browser.$(byTest('pack-load-confirm')).isEnabled()), 'a refused pack can still be loaded')
    await browser.keys(['Escape'])
    await browser.waitUntil(async () => !(await browser.$(byTest('pack-load-dialog')).isDisplayed()), { timeout: 5000 }).catch(() => {})

    // The county's pack: 生态环境 as the county's version, one item's 公开依据 cut off in its copy.
    const county = structuredClone(pack)
    county.name = '某某县指引库'
    county.version = '2026.12'
    const ce = county.domains.find((d) => d.name === '生态环境')
    ce.data_version = '县-2026.12'
    ce.items[0].truncated = ['basis']
    county.sha256 = sha256(JSON.stringify(county.domains))
    const countyFile = join(saveDir, '某某县指引库-指引包.json')
    writeFileSync(countyFile, JSON.stringify(county, null, 2))
    answerOpenDialog([countyFile])
    await jsClick(await browser.$(byTest('pack-load')))
    await browser.waitUntil(async () => (await textOf(byTest('pack-load-summary'))).includes('将载入 1 个领域，25 个本机已有相同版本'), {
      timeout: 10000, timeoutMsg: `unexpected pack preview: ${await textOf(byTest('pack-load-dialog'))}`,
    })
    const load = await browser.$(byTest('pack-load-confirm'))
    await load.waitForEnabled({ timeout: 5000 })
    await jsClick(load)
    const row = await rowWithText('domain-table', '某某县指引库 2026.12')
    assert((await browser.execute((el) => el.innerText, row)).includes('生态环境'), 'the pack label is not on the 生态环境 row')
    // The detail: the cut-off field is tagged, the catalog item adopted before keeps its version.
    await jsClick(await row.$('td'))
    await browser.waitUntil(async () => (await textOf(byTest('detail-library'))).includes('某某县指引库 2026.12'), { timeout: 5000, timeoutMsg: 'the detail does not show the pack' })
    assert((await textOf(byTest('domain-size'))).includes('1 个事项来源不完整'), `size line: ${await textOf(byTest('domain-size'))}`)
    await browser.execute((l2) => {
      const labels = [...document.querySelectorAll('[data-testid="guideline-tree"] .el-tree-node__content')]
      labels.find((n) => n.innerText.includes(l2))?.click()
    }, ce.items[0].l2)
    await browser.waitUntil(async () => (await textOf(byTest('guideline-item'))).includes('来源不完整'), { timeout: 5000, timeoutMsg: 'no 来源不完整 tag on the cut-off field' })
    const item = await adoptedItem('排污许可证核发')
    assert(item?.provenance?.data_version?.startsWith('导入-'), `the catalog item changed version: ${JSON.stringify(item?.provenance)}`)
    await browser.saveScreenshot(join(outDir, 'guidelines-pack.png'))
  }],
  ['a damaged database: the window offers its backups, moves the file aside, and a backup brings the catalogs back', async () => {
    // Runs last: it replaces the run's database with junk. The daily backup was made when the app
    // was restarted above (the first open of an existing database that day).
    await browser.deleteSession()
    const db = join(h.work, 'mulu.db')
    writeFileSync(db, Buffer.alloc(16384, 0x5a))
    for (const side of ['-wal', '-shm']) rmSync(db + side, { force: true })
    browser = await openApp()
    const problem = await browser.$(byTest('store-problem'))
    await problem.waitForDisplayed({ timeout: 10000 })
    assert((await textOf(byTest('store-problem'))).includes('已损坏'), `the problem is not named: ${await textOf(byTest('store-problem'))}`)
    await browser.waitUntil(async () => (await textOf(byTest('backup-table'))).includes('每日'), {
      timeout: 8000, timeoutMsg: 'the daily backup is not offered',
    })
    await sleep(800)
    await browser.saveScreenshot(join(outDir, 'backup-problem.png'))
    const confirmBox = async () => {
      const ok = await browser.$('.el-message-box__btns .el-button--primary')
      await ok.waitForDisplayed({ timeout: 5000 })
      await jsClick(ok)
    }
    await jsClick(await browser.$(byTest('set-aside')))
    await confirmBox()
    // The window starts over on a new, empty database.
    await browser.waitUntil(async () => (await browser.$$(`${byTest('domain-table')} .el-table__body tr`)).length === 26, {
      timeout: 15000, timeoutMsg: 'the window did not start over on a new database',
    })
    await (await browser.$(byTest('nav-catalogs'))).click()
    await (await browser.$(byTest('open-backups'))).waitForDisplayed({ timeout: 8000 })
    assert(!(await textOf(byTest('catalog-table'))).includes(UNIT), 'the new database already holds the catalog')
    await jsClick(await browser.$(byTest('open-backups')))
    const row = await rowWithText('backup-table', '每日')
    await jsClick(await row.$('td'))
    await jsClick(await browser.$(byTest('restore-backup')))
    await confirmBox()
    await browser.waitUntil(async () => {
      const nav = await browser.$(byTest('nav-catalogs'))
      if (!(await nav.isExisting())) return false
      await jsClick(nav)
      return (await textOf(byTest('catalog-table'))).includes(UNIT)
    }, { timeout: 15000, timeoutMsg: 'the restored database does not hold the catalog' })
    await jsClick(await browser.$(byTest('open-backups')))
    await browser.waitUntil(async () => (await textOf(byTest('backup-dialog'))).includes('移开的损坏数据库'), {
      timeout: 8000, timeoutMsg: 'the moved-aside database is not listed',
    })
    await sleep(800)
    await browser.saveScreenshot(join(outDir, 'backups.png'))
  }],
  ['a hostile file in a batch check is listed as unreadable, the rest are checked, and the window stays usable', async () => {
    // Self-contained: makes two hostile workbooks (tests/hostile/make_corpus.py, stdlib Python) beside a good one.
    const { execFileSync } = await import('node:child_process')
    const dir = join(h.work, 'hostile')
    mkdirSync(dir, { recursive: true })
    execFileSync('python3', [join(repo, 'tests/hostile/make_corpus.py'), dir], {
      env: { ...process.env, HOSTILE_ONLY: 'unique_count,empty_cells_1gib' },
    })
    // An earlier test may have left a dialog open.
    await browser.keys(['Escape'])
    await sleep(400)
    await jsClick(await browser.$(byTest('nav-review')))
    await (await browser.$(byTest('review-pick'))).waitForDisplayed({ timeout: 10000 })
    answerOpenDialog([join(dir, 'unique_count.xlsx'), fixture('official_openpyxl.xlsx'), join(dir, 'empty_cells_1gib.xlsx')])
    await jsClick(await browser.$(byTest('review-pick')))
    const hostileRow = await rowWithText('review-files', 'unique_count')
    await rowWithText('review-files', 'empty_cells_1gib')
    const goodRow = await rowWithText('review-files', 'official_openpyxl')
    const rowText = (r) => browser.execute((el) => el.innerText, r)
    await browser.waitUntil(async () => /\d+\.\d%/.test(await rowText(goodRow)), {
      timeout: 15000, timeoutMsg: 'the good file was not checked',
    })
    assert((await rowText(hostileRow)).includes('读不了'), `the hostile file is not unreadable: ${await rowText(hostileRow)}`)
    // The window still answers: the hostile file's reason is shown, another screen opens, and back.
    await jsClick(hostileRow)
    await browser.waitUntil(async () => (await textOf(byTest('review-detail'))).includes('共享字符串表声明有'), {
      timeout: 5000, timeoutMsg: 'the reason the file is unreadable is not shown',
    })
    await jsClick(await browser.$(byTest('nav-catalogs')))
    await sleep(300)
    await jsClick(await browser.$(byTest('nav-review')))
    await rowWithText('review-files', 'empty_cells_1gib')
  }],
  ['no network request: every resource the window loaded is the app’s own (tauri://, ipc)', async () => {
    // Self-contained: opens the window if an earlier test closed it, visits every screen the
    // navigation enables (each loads its own chunk), then reads what the web view fetched.
    // tests/offline/scan-dist.mjs is the static counterpart over ui/dist.
    if (!browser) browser = await openApp()
    await browser.waitUntil(async () => (await browser.execute(() => document.body.dataset.ready)) === '1', {
      timeout: 15000, timeoutMsg: 'the window did not become ready',
    })
    for (const id of ['guidelines', 'catalogs', 'editor', 'review', 'training']) {
      const nav = await browser.$(byTest(`nav-${id}`))
      if (await nav.isExisting() && await nav.isEnabled()) { await jsClick(nav); await sleep(600) }
    }
    const seen = await browser.execute(() => [
      location.href,
      ...performance.getEntriesByType('navigation').map((e) => e.name),
      ...performance.getEntriesByType('resource').map((e) => e.name),
      ...[...document.querySelectorAll('[src],[href],link[rel~="stylesheet"]')].map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? ''),
    ])
    const own = /^(tauri:\/\/localhost|https?:\/\/tauri\.localhost|ipc:\/\/localhost|https?:\/\/ipc\.localhost|data:|blob:|about:|#|\/|\.\/|assets\/)/
    const remote = seen.filter((u) => u && /^(https?:|wss?:)?\/\//i.test(u) && !own.test(u))
    assert(seen.length > 1, `no resource entries were recorded: ${JSON.stringify(seen)}`)
    assert(remote.length === 0, `the window loaded from the network: ${remote.join(', ')}`)
  }],
  ['first-run guide by keyboard alone: F1, unit, kind, domains, adopt, the catalog, Ctrl+E to an exported workbook', async () => {
    if (!browser) browser = await openApp()
    const unit = '键盘县某某街道办事处'
    const year = new Date().getFullYear()
    await browser.keys(['F1'])
    const guide = await browser.$(byTest('guide'))
    await guide.waitForDisplayed({ timeout: 5000, timeoutMsg: 'F1 did not open the guide' })
    // The unit's name has the focus: type it (into whatever is focused — no clicks in this test).
    await browser.waitUntil(() => browser.execute(() => !!document.activeElement?.closest('[data-testid="guide-unit"]')), {
      timeout: 5000, timeoutMsg: 'the unit name field is not focused',
    })
    await (await browser.$(`input${byTest('guide-unit')}, ${byTest('guide-unit')} input`)).addValue(unit)
    // Tab to the kind (乡镇 · 街道 · 县级部门), → picks 街道.
    await browser.keys(['Tab'])
    await browser.keys(['ArrowRight'])
    await browser.waitUntil(() => browser.execute(() => document.querySelector('[data-testid="guide-kind"] input:checked')?.value === '街道'), {
      timeout: 3000, timeoutMsg: 'the arrow key did not pick 街道',
    })
    await browser.keys(['Enter'])
    // Domains: 社会救助 is suggested for a street office; Tab to 就业 (the 9th) and tick it with Space.
    await browser.waitUntil(() => browser.execute(() => document.activeElement?.closest('[data-domain]')?.dataset.domain === '重大建设项目'), {
      timeout: 5000, timeoutMsg: 'the first domain is not focused',
    })
    const blurb = await textOf('[data-domain="社会救助"]')
    assert(blurb.includes('民政部') && blurb.includes('最低生活保障'), `社会救助 does not say what it covers: ${blurb}`)
    for (let i = 0; i < 8; i++) await browser.keys(['Tab'])
    await browser.keys([' '])
    const ticked = () => browser.execute(() => [...document.querySelectorAll('[data-testid="guide-domains"] .is-checked[data-domain]')].map((e) => e.dataset.domain))
    await browser.waitUntil(async () => (await ticked()).join() === '社会救助,就业', { timeout: 3000, timeoutMsg: `ticked: ${await ticked()}` })
    await browser.keys(['Enter'])
    await (await browser.$(byTest('guide-confirm'))).waitForDisplayed({ timeout: 5000 })
    assert((await textOf(byTest('guide-confirm'))).includes(unit), 'the confirm step does not name the unit')
    // The main button takes the focus (a moment after the step shows, as a user sees it): Enter adopts;
    // then, focused again once adopting is done, Enter opens the catalog.
    const mainFocused = (what) => browser.waitUntil(
      () => browser.execute(() => document.activeElement?.dataset?.testid === 'guide-next'),
      { timeout: 5000, timeoutMsg: `the ${what} button is not focused` })
    await mainFocused('新建目录并采用')
    await browser.keys(['Enter'])
    await (await browser.$(byTest('guide-done'))).waitForDisplayed({ timeout: 20000, timeoutMsg: 'adopting did not finish' })
    assert((await textOf(byTest('guide-done'))).includes('Ctrl'), 'the done step does not say how to export')
    await mainFocused('打开目录')
    await browser.keys(['Enter'])
    await guide.waitForDisplayed({ reverse: true, timeout: 5000 })
    await browser.waitUntil(async () => (await textOf('h2')).includes(unit), { timeout: 8000, timeoutMsg: 'the editor did not open the new catalog' })
    await browser.waitUntil(async () => (await browser.$$(`${byTest('item-grid')} .el-table-v2__row`)).length >= 10, { timeout: 8000 })
    // Ctrl+E: the Excel export's options, its confirm button focused; Enter writes the workbook.
    await browser.keys(['Control', 'e'])
    await browser.waitUntil(() => browser.execute(() => document.activeElement?.dataset?.testid === 'export-confirm'), {
      timeout: 5000, timeoutMsg: 'Ctrl+E did not open the export with its button focused',
    })
    await browser.keys(['Enter'])
    const file = join(saveDir, `${unit}${year}年政务公开标准目录.xlsx`)
    await browser.waitUntil(async () => existsSync(file), { timeout: 20000, timeoutMsg: `no exported workbook ${file}` })
    await sleep(500)
    const x = readXlsx(file)
    assert(x.sharedStrings.includes('最低生活保障') && x.sharedStrings.includes('就业'), 'the exported workbook lacks the adopted domains')
  }],
  ['open a sample read-only with one click; the user’s catalogs are unchanged', async () => {
    const catalogs = () => browser.executeAsync((done) => window.__TAURI_INTERNALS__.invoke('list_catalogs').then((c) => done(JSON.stringify(c)), (e) => done(String(e))))
    const before = await catalogs()
    await jsClick(await browser.$(byTest('nav-samples')))
    const sample = await browser.$(`${byTest('sample-list')} [data-file="township.xlsx"]`)
    await sample.waitForDisplayed({ timeout: 8000, timeoutMsg: 'the shipped samples are not listed' })
    await sample.click()
    await browser.waitUntil(async () => (await textOf(byTest('sample-summary'))).includes('36 个事项'), {
      timeout: 15000, timeoutMsg: `sample not opened: ${await textOf(byTest('sample-view'))}`,
    })
    assert((await textOf(byTest('sample-summary'))).includes('不予公开 2 项'), 'the sample’s 不予公开 records are not shown')
    assert((await textOf(byTest('sample-table'))).includes('最低生活保障'), 'the sample’s items are not shown')
    assert((await catalogs()) === before, 'opening a sample changed the catalogs')
  }],
  ['trainer mode: steps through a domain with the arrow keys (and in the projector view), and one spot-the-mistake exercise', async () => {
    await jsClick(await browser.$(byTest('nav-training')))
    const slide = await browser.$(byTest('slide'))
    await slide.waitForDisplayed({ timeout: 8000 })
    await browser.waitUntil(async () => (await textOf(byTest('slide'))).includes('社会救助'), { timeout: 8000 })
    const titles = []
    for (let i = 0; i < 20; i++) {
      titles.push((await textOf(`${byTest('slide')} .title`)).trim())
      const n = await textOf(byTest('slide-count'))
      if (/^(\d+) \/ \1$/.test(n.trim())) break
      await browser.keys(['ArrowRight'])
      await browser.waitUntil(async () => (await textOf(byTest('slide-count'))) !== n, { timeout: 3000, timeoutMsg: '→ did not step' })
    }
    for (const t of ['社会救助领域', '一级事项', '公开事项', '公开依据', '公开时限', '公开对象', '公开方式', '公开层级']) {
      assert(titles.some((x) => x.startsWith(t)), `the walk has no “${t}” slide: ${titles.join(' | ')}`)
    }
    assert(titles.length === 13, `expected 13 slides, saw ${titles.length}`)
    // F11: the projector view (large type over the whole window); ← steps back; Esc leaves.
    await browser.keys(['F11'])
    await browser.waitUntil(async () => (await slide.getAttribute('class')).includes('projector'), { timeout: 3000, timeoutMsg: 'F11 did not open the projector view' })
    const big = await browser.execute(() => parseFloat(getComputedStyle(document.querySelector('[data-testid="slide"]')).fontSize))
    assert(big >= 22, `projector type is ${big}px`)
    await browser.keys(['ArrowLeft'])
    await browser.waitUntil(async () => (await textOf(`${byTest('slide')} .title`)).startsWith('公开层级'), { timeout: 3000 })
    await browser.keys(['Escape'])
    await browser.waitUntil(async () => !(await slide.getAttribute('class')).includes('projector'), { timeout: 3000, timeoutMsg: 'Esc did not leave the projector view' })
    // 找错练习 on mistakes-township.xlsx: a fine cell, then the blank 公开时限 (F5).
    await jsClick(await browser.$(`${byTest('training-exercise')} input, ${byTest('training-exercise')}`))
    await browser.waitUntil(async () => /已找到 0 \/ [1-9]/.test(await textOf(byTest('exercise-score'))), {
      timeout: 20000, timeoutMsg: `exercise not ready: ${await textOf(byTest('exercise'))}`,
    })
    await (await browser.$(`${byTest('exercise-sheet')} [data-ref="B4"]`)).click()
    await browser.waitUntil(async () => (await textOf(byTest('exercise-result'))).includes('没有问题'), { timeout: 3000 })
    await (await browser.$(`${byTest('exercise-sheet')} [data-ref="F5"]`)).click()
    await browser.waitUntil(async () => (await textOf(byTest('exercise-result'))).includes('R101-required-field'), {
      timeout: 3000, timeoutMsg: `F5 did not show the finding: ${await textOf(byTest('exercise-result'))}`,
    })
    assert((await textOf(byTest('exercise-score'))).includes('已找到 1 /'), 'the found cell was not counted')
  }],
  ['Ctrl + zooms the window and the high-contrast theme switches on; both are kept across a restart', async () => {
    const width = () => browser.execute(() => window.innerWidth)
    const w0 = await width()
    await browser.keys(['Control', '='])
    await browser.keys(['Control', '='])
    // 125 %: the page is laid out on a viewport 1.25 times narrower.
    await browser.waitUntil(async () => Math.abs((await width()) - w0 / 1.25) <= 2, { timeout: 5000, timeoutMsg: `not zoomed: ${w0} → ${await width()}` })
    await jsClick(await browser.$(byTest('nav-contrast')))
    assert(await browser.execute(() => document.documentElement.classList.contains('high-contrast')), 'high contrast not switched on')
    await browser.deleteSession()
    browser = await openApp()
    await browser.waitUntil(async () => Math.abs((await width()) - w0 / 1.25) <= 2, { timeout: 5000, timeoutMsg: `zoom not kept: ${await width()}` })
    assert(await browser.execute(() => document.documentElement.classList.contains('high-contrast')), 'high contrast not kept')
    await browser.keys(['Control', '0'])
    await browser.waitUntil(async () => Math.abs((await width()) - w0) <= 2, { timeout: 5000, timeoutMsg: 'Ctrl+0 did not reset the zoom' })
    await jsClick(await browser.$(byTest('nav-contrast')))
    assert(!(await browser.execute(() => document.documentElement.classList.contains('high-contrast'))), 'high contrast not switched off')
  }],
  ['门户栏目: generate the column tree, export it as CSV, tie an item to a column, check a CMS export and a 权责清单, add a suggested item', async () => {
    const portalFixture = (name) => join(repo, 'tests/fixtures/portal', name)
    const invoke = (cmd, args) => browser.executeAsync((c, a, done) => {
      window.__TAURI_INTERNALS__.invoke(c, a).then(done, (e) => done({ error: String(e) }))
    }, cmd, args)
    await jsClick(await browser.$(byTest('nav-editor')))
    await browser.waitUntil(async () => (await browser.$$(`${byTest('item-grid')} .el-table-v2__row[data-id]`)).length >= 5, {
      timeout: 8000, timeoutMsg: 'no catalog open in the editor',
    })
    const title = (await textOf('h2')).trim()
    const catalog = (await invoke('list_catalogs', {})).find((c) => c.title === title)
    assert(catalog, `which catalog is open? “${title}”`)
    // Select an item in the grid first (the drawer leaves the grid's left part visible).
    const row = await browser.$(`${byTest('item-grid')} .el-table-v2__row[data-id]`)
    const itemId = Number(await row.getAttribute('data-id'))
    await jsClick(row)
    await jsClick(await browser.$(byTest('portal-toggle')))
    await browser.$(byTest('portal-columns')).waitForDisplayed({ timeout: 5000, timeoutMsg: 'the 门户栏目 drawer did not open' })
    await jsClick(await browser.$(byTest('portal-generate')))
    await browser.waitUntil(async () => /栏目 [1-9]\d* 个/.test(await textOf(byTest('portal-summary'))), {
      timeout: 8000, timeoutMsg: `no columns generated: ${await textOf(byTest('portal-summary'))}`,
    })
    const tree = await invoke('portal_tree', { catalogId: catalog.id })
    assert(tree.links.some((l) => l.item_id === itemId), 'generating did not tie the selected item to a column')
    assert((await textOf(byTest('portal-tree'))).includes('社会救助'), 'the tree does not show the 社会救助 column')
    // The tree exported as CSV (the e2e save folder stands in for the save dialog).
    await jsClick(await browser.$(byTest('portal-export-csv')))
    const csv = join(saveDir, `${title}门户栏目表.csv`)
    await browser.waitUntil(async () => existsSync(csv), { timeout: 8000, timeoutMsg: `no exported column tree ${csv}: ${await messages()}` })
    await sleep(300)
    assert(readFileSync(csv, 'utf8').includes('政府信息公开/法定主动公开内容/社会救助'), 'the exported CSV lacks the 社会救助 column')
    // Tie the item to the root column instead, through the select.
    const root = tree.columns.reduce((a, b) => (a.position <= b.position ? a : b))
    await jsClick(await browser.$(`${byTest('portal-link-select')} .el-select__wrapper`))
    await browser.waitUntil(() => browser.execute((p) => {
      const o = [...document.querySelectorAll('.el-select-dropdown__item')].find((li) => li.innerText.trim() === p)
      o?.click()
      return !!o
    }, root.path), { timeout: 5000, timeoutMsg: `no option ${root.path}` })
    await browser.waitUntil(async () => (await invoke('portal_tree', { catalogId: catalog.id })).links.some((l) => l.item_id === itemId && l.column_id === root.id), {
      timeout: 5000, timeoutMsg: 'choosing a column did not tie the item to it',
    })
    // Edit the tree: a new top-level column, renamed, then a column below it, then deleted with it.
    const columnPaths = async () => (await invoke('portal_tree', { catalogId: catalog.id })).columns.map((c) => c.path)
    const nameColumn = async (text) => {
      const input = await browser.$(`input${byTest('portal-name-input')}, ${byTest('portal-name-input')} input`)
      await input.waitForDisplayed({ timeout: 5000, timeoutMsg: 'the column name dialog did not open' })
      await browser.waitUntil(() => browser.execute((el) => document.activeElement === el, input), { timeout: 3000, timeoutMsg: 'the name field is not focused' })
      await replaceText(input, text)
      await browser.keys(['Enter'])
    }
    await jsClick(await browser.$(byTest('portal-add-top')))
    await nameColumn('测试栏目')
    await browser.waitUntil(async () => (await columnPaths()).includes('测试栏目'), { timeout: 5000, timeoutMsg: 'the new column was not added' })
    await jsClick(await (await rowWithText('portal-tree', '测试栏目')).$(byTest('portal-add-child')))
    await nameColumn('下级')
    await browser.waitUntil(async () => (await columnPaths()).includes('测试栏目/下级'), { timeout: 5000, timeoutMsg: 'the child column was not added' })
    await jsClick(await (await rowWithText('portal-tree', '测试栏目')).$(byTest('portal-rename')))
    await nameColumn('本级栏目')
    await browser.waitUntil(async () => {
      const paths = await columnPaths()
      return paths.includes('本级栏目') && paths.includes('本级栏目/下级') && !paths.some((p) => p.startsWith('测试栏目'))
    }, { timeout: 5000, timeoutMsg: 'renaming did not move the column below' })
    await jsClick(await (await rowWithText('portal-tree', '本级栏目')).$(byTest('portal-delete')))
    const confirm = await browser.$('.el-message-box__btns .el-button--primary')
    await confirm.waitForDisplayed({ timeout: 5000, timeoutMsg: 'no confirmation before deleting a column' })
    assert((await textOf('.el-message-box__message')).includes('连同下级栏目 1 个'), `the confirmation does not name the column below: ${await textOf('.el-message-box__message')}`)
    await browser.saveScreenshot(join(outDir, 'portal-delete.png'))
    await jsClick(confirm)
    await browser.waitUntil(async () => !(await columnPaths()).some((p) => p.startsWith('本级栏目')), { timeout: 5000, timeoutMsg: 'the column and its child were not deleted' })
    // 门户体检 from the CMS's own export.
    await jsClick(await browser.$('#tab-cms'))
    answerOpenDialog([portalFixture('cms_export.xlsx')])
    await jsClick(await browser.$(byTest('portal-cms-import')))
    await browser.waitUntil(async () => (await textOf(byTest('portal-cms-findings'))).includes('P103'), {
      timeout: 15000, timeoutMsg: `no P103 finding: ${await textOf(byTest('portal-cms'))}`,
    })
    const cms = await textOf(byTest('portal-cms'))
    assert(cms.includes('机构职能') && cms.includes('栏目路径=B（栏目全路径）'), `the CMS check does not show the unmapped column or the mapping: ${cms}`)
    await browser.saveScreenshot(join(outDir, 'portal-cms.png'))
    // 权责清单: one uncovered power added as a 本级特色事项 after confirming it.
    await jsClick(await browser.$('#tab-powers'))
    answerOpenDialog([portalFixture('powers.xlsx')])
    await jsClick(await browser.$(byTest('powers-import')))
    await browser.waitUntil(async () => (await textOf(byTest('powers-findings'))).includes('乡村建设规划许可证核发'), {
      timeout: 15000, timeoutMsg: `the uncovered 行政许可 is not listed: ${await textOf(byTest('portal-powers'))}`,
    })
    const before = (await invoke('list_items', { catalogId: catalog.id })).length
    await jsClick(await browser.$(byTest('powers-add-0')))
    const l1 = await browser.$(`${byTest('powers-confirm-l1')} input, input${byTest('powers-confirm-l1')}`)
    await l1.waitForDisplayed({ timeout: 5000, timeoutMsg: 'the confirm dialog did not open' })
    const name = await l1.getValue()
    assert(name.trim() !== '', 'the suggested item has no name')
    await jsClick(await browser.$(byTest('powers-confirm-add')))
    await browser.waitUntil(async () => (await invoke('list_items', { catalogId: catalog.id })).length === before + 1, {
      timeout: 5000, timeoutMsg: `the suggested item was not added: ${await messages()}`,
    })
    const added = (await invoke('list_items', { catalogId: catalog.id })).find((i) => i.l1 === name.trim())
    assert(added && added.provenance.kind === '本级特色事项', `the added item is not a 本级特色事项: ${JSON.stringify(added?.provenance)}`)
    await browser.waitUntil(async () => (await textOf(byTest('powers-suggestions'))).includes('已添加'), { timeout: 5000 })
    await browser.keys(['Escape'])
  }],
  ['the reviewer’s desk: a unit list, two rounds, statuses and missing units, a waiver kept after re-checking', async () => {
    // Self-contained (a fresh desk): the unit list tests/fixtures/units/e2e_units.xlsx names the units of
    // the review fixtures; round 1 = r1_required_marks (某某镇, errors) + r2_basis (某某乡, 1 error),
    // round 2 = clean_township (某某镇, no findings). 某某街道 and 教育体育局 send nothing.
    const rf = (n) => join(repo, 'tests/fixtures/review', n)
    await browser.keys(['Escape'])
    await sleep(300)
    await jsClick(await browser.$(byTest('nav-review')))
    await (await browser.$(byTest('review-pick'))).waitForDisplayed({ timeout: 10000 })
    const clear = await browser.$(byTest('review-clear'))
    if (await clear.isEnabled()) await jsClick(clear)
    await jsClick(await browser.$('#tab-desk'))
    answerOpenDialog([join(repo, 'tests/fixtures/units/e2e_units.xlsx')])
    await jsClick(await browser.$(byTest('desk-import-units')))
    await browser.waitUntil(async () => (await textOf(byTest('desk-missing'))).includes('还没有报送（4）'), {
      timeout: 10000, timeoutMsg: `the unit list was not imported: ${await textOf(byTest('desk'))}`,
    })
    const rowOf = async (name) => browser.execute((el) => el.innerText, await rowWithText('desk-units', name))
    const waitRow = (name, re, what) => browser.waitUntil(async () => re.test(await rowOf(name)), {
      timeout: 20000, timeoutMsg: `${what}: ${name} shows “${''}”`,
    }).catch(async (e) => { throw new Error(`${what}: ${await rowOf(name)} (${e.message})`) })

    answerOpenDialog([rf('r1_required_marks.xlsx'), rf('r2_basis.xlsx')])
    await jsClick(await browser.$(byTest('review-pick')))
    await waitRow('某某镇人民政府', /退回修改[\s\S]*\b1\b/, 'round 1 of 某某镇 is not 退回修改')
    await waitRow('某某乡人民政府', /退回修改/, '某某乡 with an error is not 退回修改')

    answerOpenDialog([rf('clean_township.xlsx')])
    await jsClick(await browser.$(byTest('review-pick')))
    await waitRow('某某镇人民政府', /通过[\s\S]*\b2\b/, 'round 2 of 某某镇 (no findings) is not 通过')
    const missing = await textOf(byTest('desk-missing'))
    assert(missing.includes('还没有报送（2）') && missing.includes('某某街道办事处') && missing.includes('某某县教育体育局'), `missing units: ${missing}`)
    assert((await rowOf('某某街道办事处')).includes('未报送'), `某某街道: ${await rowOf('某某街道办事处')}`)

    // Open 某某乡, waive its error with a reason: the unit's status drops to 待审 (warnings only).
    const yi = await rowWithText('desk-units', '某某乡人民政府')
    await jsClick(await yi.$('button'))
    await browser.waitUntil(async () => (await textOf(byTest('desk-findings'))).includes('错误'), {
      timeout: 8000, timeoutMsg: 'the submission of 某某乡 is not shown',
    })
    const errRow = await rowWithText('desk-findings', '错误')
    await jsClick(await errRow.$(byTest('desk-waive')))
    const reasonBox = await browser.$(`${byTest('waive-reason')} textarea, textarea${byTest('waive-reason')}`)
    await reasonBox.waitForDisplayed({ timeout: 5000 })
    await replaceText(reasonBox, '已电话核实，依据已在公示栏更正')
    await jsClick(await browser.$(byTest('waive-confirm')))
    await browser.waitUntil(async () => (await textOf(byTest('desk-findings'))).includes('不采纳：已电话核实'), {
      timeout: 8000, timeoutMsg: 'the waiver is not shown',
    })
    await waitRow('某某乡人民政府', /待审/, 'after the waiver 某某乡 is not 待审')

    // Re-check every file: same contents, same rounds; the waiver is still there.
    await jsClick(await browser.$('#tab-files'))
    await jsClick(await browser.$(byTest('review-recheck')))
    await jsClick(await browser.$('#tab-desk'))
    await sleep(1500)
    await browser.waitUntil(async () => !(await browser.$(byTest('review-progress')).isExisting()), { timeout: 20000, timeoutMsg: 're-check did not finish' })
    await sleep(800)
    await waitRow('某某镇人民政府', /通过[\s\S]*\b2\b/, 'after re-checking 某某镇 is not round 2 通过')
    await waitRow('某某乡人民政府', /待审[\s\S]*\b1\b/, 'after re-checking 某某乡 is not round 1 待审')
    assert((await textOf(byTest('desk-findings'))).includes('不采纳：已电话核实'), 'the waiver was lost on re-checking')
    await browser.saveScreenshot(join(outDir, 'desk.png'))

    // Accept one warning and write the 审核意见: it lists the accepted finding, not the waived one.
    const warnRow = await rowWithText('desk-findings', '警告')
    const warnPlace = (await browser.execute((el) => el.innerText, warnRow)).split(/\s/)[0]
    await jsClick(await warnRow.$(byTest('desk-accept')))
    await browser.waitUntil(async () => (await textOf(byTest('desk-findings'))).includes('采纳（'), {
      timeout: 8000, timeoutMsg: 'the acceptance is not shown',
    })
    await jsClick(await browser.$(byTest('desk-letter')))
    const letter = join(saveDir, '某某乡人民政府审核意见.docx')
    await browser.waitUntil(async () => existsSync(letter), { timeout: 8000, timeoutMsg: `no ${letter}` })
    await sleep(300)
    const { execFileSync } = await import('node:child_process')
    // The paragraphs' text (each <w:t>), read with Python's zipfile (no npm .docx reader).
    const text = execFileSync('python3', ['-c', [
      'import re, sys, zipfile',
      'x = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()',
      'print("\\n".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", x)))',
    ].join('\n'), letter]).toString()
    assert(text.includes('关于某某乡人民政府政务公开标准目录的审核意见') && text.includes('有以下 1 处问题需要修改'), `letter: ${text}`)
    assert(text.includes(`1. ${warnPlace}`) && !text.includes('社会救助!E4'), `letter lists the wrong findings (${warnPlace}): ${text}`)
  }],
  ['the 修改历史 dialog lists an edit with its old and new value and undoes it as one step', async () => {
    // Self-contained: its own catalog, so it runs alone (E2E_ONLY=修改历史) or after the rest.
    if (!browser) browser = await openApp()
    await browser.waitUntil(async () => (await browser.execute(() => document.body.dataset.ready)) === '1', {
      timeout: 15000, timeoutMsg: 'the window did not become ready',
    })
    await createCatalog('修改历史县某某镇人民政府')
    await adoptDomain('社会救助')
    await (await browser.$(byTest('nav-editor'))).click()
    await browser.waitUntil(async () => (await browser.$$(`${byTest('item-grid')} .el-table-v2__row`)).length >= 10, {
      timeout: 8000, timeoutMsg: 'adopted items did not appear in the grid',
    })
    await jsClick(await browser.$(`${byTest('item-grid')} .el-table-v2__row`))
    const field = await browser.$(`input${byTest('field-time-limit')}, ${byTest('field-time-limit')} input`)
    await field.waitForDisplayed({ timeout: 5000 })
    const TEXT = '历史测试：信息形成之日起5个工作日内'
    await replaceText(field, TEXT)
    await browser.waitUntil(async () => (await textOf(byTest('item-grid'))).includes(TEXT), { timeout: 5000, timeoutMsg: 'edit not saved' })
    await jsClick(await browser.$(byTest('history-open')))
    const dialog = byTest('history-dialog')
    await browser.waitUntil(async () => (await textOf(dialog)).includes(TEXT), { timeout: 8000, timeoutMsg: 'the history does not show the edit' })
    const shown = await textOf(dialog)
    assert(shown.includes('修改事项') && shown.includes('公开时限：') && shown.includes('→'), `history text: ${shown}`)
    await sleep(300)
    await browser.saveScreenshot(join(outDir, 'history.png'))
    await jsClick(await browser.$(`${dialog} ${byTest('history-undo')}`))
    const ok = await browser.$('.el-message-box__btns .el-button--primary')
    await ok.waitForDisplayed({ timeout: 5000 })
    await ok.click()
    await browser.waitUntil(async () => !(await textOf(byTest('item-grid'))).includes(TEXT), { timeout: 8000, timeoutMsg: 'undo from the history did not revert the grid' })
    await browser.waitUntil(async () => (await textOf(dialog)).includes('（已撤销）'), { timeout: 5000, timeoutMsg: 'the undone change set is not marked' })
  }],
  ['search all catalogs from 单位与目录, open one catalog with the same search applied', async () => {
    // Needs two catalogs with 社会救助 (the previous test made 修改历史县某某镇人民政府's).
    await browser.keys(['Escape'])
    await sleep(300)
    await jsClick(await browser.$(byTest('nav-catalogs')))
    const input = await browser.$(`input${byTest('search-all-input')}, ${byTest('search-all-input')} input`)
    await input.waitForDisplayed({ timeout: 8000, timeoutMsg: 'no search across all catalogs on 单位与目录' })
    await replaceText(input, '最低生活保障')
    await browser.keys(['Enter'])
    await browser.waitUntil(async () => /[2-9]\d* 份目录|\d{2,} 份目录/.test(await textOf(byTest('search-all-summary'))), {
      timeout: 8000, timeoutMsg: `not found in two catalogs: ${await textOf(byTest('search-all'))}`,
    })
    await browser.saveScreenshot(join(outDir, 'search-all.png'))
    const row = await rowWithText('search-all-results', '修改历史县某某镇人民政府')
    assert((await browser.execute((el) => el.innerText, row)).includes('社会救助 · '), 'the hit items are not named')
    await jsClick(await row.$(byTest('search-all-open')))
    await browser.waitUntil(async () => (await textOf('h2')).includes('修改历史县某某镇人民政府'), { timeout: 8000, timeoutMsg: 'the catalog did not open' })
    const box = await browser.$(`input${byTest('search')}, ${byTest('search')} input`)
    await browser.waitUntil(async () => (await box.getValue()) === '最低生活保障', { timeout: 5000, timeoutMsg: 'the editor did not take the search' })
    const hits = await browser.executeAsync((done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke
      invoke('list_catalogs')
        .then((cs) => invoke('search_items', { catalogId: cs.find((c) => c.unit_name === '修改历史县某某镇人民政府').id, query: '最低生活保障' }))
        .then((h) => done(h.length), (e) => done(String(e)))
    })
    assert(typeof hits === 'number' && hits > 0 && hits < 10, `unexpected hits in the catalog: ${hits}`)
    await browser.waitUntil(async () => {
      const n = (await browser.$$(`${byTest('item-grid')} .el-table-v2__row[data-id]`)).length
      return n >= 1 && n <= hits && (await textOf(byTest('item-grid'))).includes('最低生活保障')
    }, { timeout: 8000, timeoutMsg: `the grid does not show only the ${hits} hits: ${(await textOf(byTest('item-grid'))).slice(0, 300)}` })
  }],
  ['the desk’s 概况: units by status as shown, charts drawn, the summary workbook, the letters for all units and the image saved', async () => {
    // Self-contained: a desk of its own. Replacing the unit list by one other unit removes every earlier unit
    // with its rounds; then tests/fixtures/units/e2e_units.xlsx (某某镇、某某乡、某某街道、某某县教育体育局) and
    // three review fixtures: r1_required_marks (某某镇, errors) and r2_basis (某某乡, 1 error) → 退回修改,
    // clean_county_department (教育体育局, nothing) → 通过; 某某街道 sends nothing → 未报送.
    if (!browser) browser = await openApp()
    await browser.waitUntil(async () => (await browser.execute(() => document.body.dataset.ready)) === '1', {
      timeout: 15000, timeoutMsg: 'the window did not become ready',
    })
    const invoke = (cmd, args) => browser.executeAsync((c, a, done) => {
      window.__TAURI_INTERNALS__.invoke(c, a).then(done, (e) => done({ error: String(e) }))
    }, cmd, args)
    const rf = (n) => join(repo, 'tests/fixtures/review', n)
    // Run alone on an empty store, the first-run guide opens by itself: close it (以后再说).
    await sleep(1000)
    await browser.execute(() => [...document.querySelectorAll('[data-testid="guide"] button')]
      .find((b) => b.innerText.trim() === '以后再说' && b.offsetParent)?.click())
    await browser.keys(['Escape'])
    await sleep(300)
    const reset = await invoke('desk_set_units', { units: [{ name: '概况测试临时单位', kind: null }] })
    assert(Array.isArray(reset) && reset.length === 1, `desk_set_units: ${JSON.stringify(reset)}`)
    await jsClick(await browser.$(byTest('nav-review')))
    await (await browser.$(byTest('review-pick'))).waitForDisplayed({ timeout: 10000 })
    await jsClick(await browser.$('#tab-desk'))
    answerOpenDialog([join(repo, 'tests/fixtures/units/e2e_units.xlsx')])
    await jsClick(await browser.$(byTest('desk-import-units')))
    await browser.waitUntil(async () => (await textOf(byTest('desk-missing'))).includes('还没有报送（4）'), {
      timeout: 10000, timeoutMsg: `the unit list was not imported: ${await textOf(byTest('desk'))}`,
    })
    answerOpenDialog([rf('r1_required_marks.xlsx'), rf('r2_basis.xlsx'), rf('clean_county_department.xlsx')])
    await jsClick(await browser.$(byTest('review-pick')))
    await browser.waitUntil(async () => (await textOf(byTest('desk-missing'))).includes('还没有报送（1）'), {
      timeout: 30000, timeoutMsg: `the files were not recorded: ${await textOf(byTest('desk'))}`,
    })
    // Accept one finding of 某某镇 so that it has a letter to write.
    const view = await invoke('desk_view', {})
    const zhen = view.rows.find((r) => r.unit.name === '某某镇人民政府')
    const sub = await invoke('desk_submission', { unitId: zhen.unit.id, round: null })
    const f = sub.findings[0]
    const d = await invoke('desk_decide', { unitId: zhen.unit.id, rule: f.finding.rule, place: f.place, verdict: '采纳', reason: '' })
    assert(d && !d.error, `desk_decide: ${JSON.stringify(d)}`)

    await jsClick(await browser.$('#tab-overview'))
    const count = (s) => textOf(byTest(`dash-count-${s}`))
    await browser.waitUntil(async () => (await count('退回修改')).trim() === '2', {
      timeout: 10000, timeoutMsg: `the dashboard does not show 2 units 退回修改: ${await textOf(byTest('desk-dashboard'))}`,
    })
    const shown = {}
    for (const s of ['未报送', '退回修改', '待审', '通过']) shown[s] = (await count(s)).trim()
    assert(JSON.stringify(shown) === JSON.stringify({ 未报送: '1', 退回修改: '2', 待审: '0', 通过: '1' }), `counts by status: ${JSON.stringify(shown)}`)
    assert((await textOf(byTest('dash-summary'))).includes('共 4 个单位'), `summary: ${await textOf(byTest('dash-summary'))}`)
    const stale = await textOf(byTest('dash-stale'))
    assert(stale.includes('某某街道办事处（从未报送）') && !stale.includes('某某镇人民政府'), `units not updated: ${stale}`)
    // ECharts drew each chart into a canvas (loaded on demand, nothing from the network).
    await browser.waitUntil(async () => browser.execute(() => ['dash-status-chart', 'dash-rules-chart', 'dash-coverage-chart']
      .every((id) => document.querySelector(`[data-testid="${id}"] canvas`))), { timeout: 10000, timeoutMsg: 'the charts were not drawn' })
    const rulesText = await browser.execute(() => document.querySelector('[data-testid="dash-rules-chart"]')?.getAttribute('_echarts_instance_') ?? '')
    assert(rulesText, 'the rules chart has no ECharts instance')
    // The toasts of the check have gone before the screenshot.
    await browser.waitUntil(async () => (await messages()) === '', { timeout: 10000 }).catch(() => {})
    await sleep(300)
    await browser.saveScreenshot(join(outDir, 'desk-dashboard.png'))

    // The county summary workbook (MULU_E2E_SAVE_DIR: no dialog).
    const before = new Set(readdirSync(saveDir))
    await jsClick(await browser.$(`${byTest('desk-dashboard')} ${byTest('desk-summary-xlsx')}`))
    const newFile = (re) => readdirSync(saveDir).find((n) => re.test(n) && !before.has(n))
    await browser.waitUntil(async () => !!newFile(/^目录报送审核汇总.*\.xlsx$/), { timeout: 8000, timeoutMsg: `no summary workbook in ${saveDir}: ${readdirSync(saveDir).join(', ')}` })
    await sleep(300)
    const xlsx = readXlsx(join(saveDir, newFile(/^目录报送审核汇总.*\.xlsx$/)))
    for (const t of ['最新轮次', '某某街道办事处', '退回修改', '通过', '未报送']) {
      assert(xlsx.sharedStrings.includes(t), `the summary workbook lacks “${t}”`)
    }
    // The letters for all units: only 某某镇 has an accepted finding.
    rmSync(join(saveDir, '某某镇人民政府审核意见.docx'), { force: true })
    await jsClick(await browser.$(`${byTest('desk-dashboard')} ${byTest('desk-letters-all')}`))
    await browser.waitUntil(async () => existsSync(join(saveDir, '某某镇人民政府审核意见.docx')), { timeout: 8000, timeoutMsg: 'no letter for 某某镇' })
    await browser.waitUntil(async () => (await messages()).includes('已为 1 个单位写出审核意见'), { timeout: 5000, timeoutMsg: `letters message: ${await messages()}` })
    // The dashboard as an image.
    await jsClick(await browser.$(byTest('dash-save-image')))
    const png = () => readdirSync(saveDir).find((n) => /^审核概况\d{4}\.png$/.test(n))
    await browser.waitUntil(async () => !!png(), { timeout: 8000, timeoutMsg: `no PNG in ${saveDir}: ${readdirSync(saveDir).join(', ')}` })
    await sleep(300)
    const image = readFileSync(join(saveDir, png()))
    writeFileSync(join(outDir, 'desk-dashboard-export.png'), image)
    const head = image.subarray(0, 8)
    assert(head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `not a PNG: ${head.toString('hex')}`)
  }],
  ['the desk’s table view: open a submission, jump from a finding to its coloured cell and back', async () => {
    // Self-contained: loads the unit list tests/fixtures/units/e2e_units.xlsx (again, so it also runs alone with
    // E2E_ONLY=表格) and checks samples/mistakes-township.xlsx, an openpyxl-written submission of 某某县某某镇人民政府
    // with known mistakes (samples/README.md): 社会救助!F5 公开时限空白 (error), 社会救助!K7 both 公开方式 ticked.
    if (!browser) browser = await openApp()
    await browser.waitUntil(async () => (await browser.execute(() => document.body.dataset.ready)) === '1', {
      timeout: 15000, timeoutMsg: 'the window did not become ready',
    })
    // Alone, on an empty store, the first-run guide opens by itself: close it.
    const guide = await browser.$(byTest('guide'))
    if (await guide.waitForDisplayed({ timeout: 3000 }).then(() => true, () => false)) {
      await browser.keys(['Escape'])
      await guide.waitForDisplayed({ reverse: true, timeout: 5000 })
    }
    await browser.keys(['Escape'])
    await sleep(300)
    await jsClick(await browser.$(byTest('nav-review')))
    await (await browser.$(byTest('review-pick'))).waitForDisplayed({ timeout: 10000 })
    await jsClick(await browser.$('#tab-desk'))
    answerOpenDialog([join(repo, 'tests/fixtures/units/e2e_units.xlsx')])
    await jsClick(await browser.$(byTest('desk-import-units')))
    await rowWithText('desk-units', '某某镇人民政府')
    answerOpenDialog([join(repo, 'samples/mistakes-township.xlsx')])
    await jsClick(await browser.$(byTest('review-pick')))
    // Filed under 某某镇 as its latest round: errors, so 退回修改.
    const zhenText = async () => browser.execute((el) => el.innerText, await rowWithText('desk-units', '某某镇人民政府'))
    await browser.waitUntil(async () => (await zhenText()).includes('退回修改'), {
      timeout: 30000, timeoutMsg: 'mistakes-township.xlsx was not filed under 某某镇',
    })
    const zhen = await rowWithText('desk-units', '某某镇人民政府')
    await jsClick(await zhen.$('button'))
    await browser.waitUntil(async () => (await textOf(byTest('desk-findings'))).includes('社会救助!F5'), {
      timeout: 10000, timeoutMsg: `the findings of mistakes-township.xlsx are not listed: ${await textOf(byTest('desk-submission'))}`,
    })

    // Click the finding's place: the table opens at its cell, coloured as an error and highlighted.
    const f5 = await rowWithText('desk-findings', '社会救助!F5')
    await jsClick(await f5.$(byTest('desk-jump')))
    const cellState = (name) => browser.execute((n) => {
      const cell = document.querySelector(`[data-testid="desk-sheet"] .cell[data-cell="${n}"]`)
      const box = document.querySelector('[data-testid="desk-sheet"] .scroller')
      if (!cell || !box) return null
      const c = cell.getBoundingClientRect()
      const b = box.getBoundingClientRect()
      return { cls: cell.className, visible: c.top >= b.top && c.bottom <= b.bottom && c.left >= b.left && c.right <= b.right, title: cell.title }
    }, name)
    await browser.waitUntil(async () => (await cellState('F5'))?.cls.includes('focus'), {
      timeout: 15000, timeoutMsg: `the table did not open at F5: ${await textOf(byTest('desk-submission'))}`,
    })
    const f5State = await cellState('F5')
    assert(f5State.visible, 'the highlighted cell F5 is not in view')
    assert(f5State.cls.includes('sev-error'), `F5 is not coloured as an error: ${f5State.cls}`)
    assert(f5State.title.includes('错误：'), `F5's tooltip does not list its finding: ${f5State.title}`)
    const head = await textOf(`${byTest('desk-sheet')} .scroller`)
    for (const h of ['一级事项', '二级事项', '公开对象', '全社会', '特定群体', '公开方式', '主动', '依申请']) {
      assert(head.includes(h), `the two-row header lacks ${h}: ${head.slice(0, 300)}`)
    }
    assert((await textOf(byTest('desk-sheet-detail'))).startsWith('F5'), `the detail is not F5's: ${await textOf(byTest('desk-sheet-detail'))}`)
    // The screenshot for docs/review.md without the 已导入/检查完毕 toasts over it.
    await browser.waitUntil(async () => !(await browser.$('.el-message').isExisting()), { timeout: 10000 }).catch(() => {})
    await browser.saveScreenshot(join(outDir, 'desk-sheet.png'))

    // Esc goes back to the list, at the same finding.
    await browser.keys(['Escape'])
    await browser.waitUntil(async () => (await textOf(`${byTest('desk-findings')} tr.focused`)).includes('社会救助!F5'), {
      timeout: 5000, timeoutMsg: 'Esc did not come back to the finding in the list',
    })

    // Clicking a coloured cell shows its findings; 返回问题列表 comes back at that one.
    await jsClick(await (await rowWithText('desk-findings', '社会救助!F5')).$(byTest('desk-jump')))
    await browser.waitUntil(async () => (await cellState('F5'))?.cls.includes('focus'), { timeout: 10000, timeoutMsg: 'the table did not open again' })
    const k7 = await browser.$(`${byTest('desk-sheet')} .cell[data-cell="K7"]`)
    assert((await cellState('K7'))?.cls.includes('sev-error'), `K7 is not coloured: ${(await cellState('K7'))?.cls}`)
    await jsClick(k7)
    await browser.waitUntil(async () => (await textOf(byTest('desk-sheet-detail'))).startsWith('K7'), { timeout: 5000, timeoutMsg: 'clicking K7 did not show it' })
    assert((await textOf(byTest('desk-sheet-detail'))).includes('错误'), `K7's findings: ${await textOf(byTest('desk-sheet-detail'))}`)
    await jsClick(await browser.$(byTest('desk-sheet-back')))
    await browser.waitUntil(async () => (await textOf(`${byTest('desk-findings')} tr.focused`)).includes('社会救助!K7'), {
      timeout: 5000, timeoutMsg: `返回问题列表 did not come back at K7's finding: ${await textOf(`${byTest('desk-findings')} tr.focused`)}`,
    })
  }],
]

/** The text of every toast message on screen. */
const messages = () => browser.execute(() => [...document.querySelectorAll('.el-message')].map((m) => m.innerText).join('\n'))
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex')

// ---- The editor's grid (rows carry data-id, cells data-col) ----
const rowSel = (id) => `${byTest('item-grid')} .el-table-v2__row[data-id="${id}"]`
const cellText = async (id, col) => (await textOf(`${rowSel(id)} [data-col="${col}"]`)).trim()
/** Item ids of the grid's rows on screen, top to bottom (the virtual grid positions its rows absolutely). */
const gridOrder = () => browser.execute(() => [...document.querySelectorAll('[data-testid="item-grid"] .el-table-v2__row[data-id]')]
  .map((r) => [r.getBoundingClientRect().top, Number(r.dataset.id)]).sort((x, y) => x[0] - y[0]).map((x) => x[1]))
const focusedCol = () => browser.execute(() => document.querySelector('[data-testid="item-grid"] .cell-focus')?.dataset.col ?? '')
/** The first row on screen of a domain (its id), or null. */
const firstRowOf = (domain) => browser.execute((d) => {
  const rows = [...document.querySelectorAll('[data-testid="item-grid"] .el-table-v2__row[data-id]')]
    .filter((r) => r.querySelector('[data-col="domain"]')?.innerText.trim() === d)
    .sort((x, y) => x.getBoundingClientRect().top - y.getBoundingClientRect().top)
  return rows.length ? Number(rows[0].dataset.id) : null
}, domain)
/** The open catalog's items as stored, read through the app's own list_items command. */
async function storedItems() {
  const r = await browser.executeAsync((unit, done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke
    invoke('list_catalogs')
      .then((cs) => invoke('list_items', { catalogId: cs.find((c) => c.unit_name === unit).id }))
      .then(done, (e) => done({ error: String(e) }))
  }, UNIT)
  if (r?.error) throw new Error(`list_items failed: ${r.error}`)
  return r
}
/** The stored item named `l2` in whichever catalog holds it (the open one may be an imported catalog). */
async function adoptedItem(l2) {
  const r = await browser.executeAsync((name, done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke
    invoke('list_catalogs')
      .then((cs) => Promise.all(cs.map((c) => invoke('list_items', { catalogId: c.id }))))
      .then((lists) => done(lists.flat().find((i) => i.l2 === name) ?? null), (e) => done({ error: String(e) }))
  }, l2)
  if (r?.error) throw new Error(`list_items failed: ${r.error}`)
  return r
}
const listItem = async (id) => (await storedItems()).find((i) => i.id === id)
const listOrder = async () => (await storedItems()).map((i) => i.id)

/**
 * Drags row `src` by its ⠿ handle onto the upper ('before') or lower ('after') half of row `dst`.
 * WebKitWebDriver does not carry HTML5 drag and drop through pointer actions (tried, WebKitGTK
 * 2.x: pressing on the handle and moving fires dragstart, but no dragover or drop ever reaches the
 * page, and dragAndDrop() likewise), so the page receives the DragEvents a real drag sends —
 * dragstart on the handle, dragover and drop on the target row at the pointer's place, dragend on
 * the handle — with one DataTransfer, dispatched on the real elements.
 */
async function dragRow(src, dst, where) {
  const ok = await browser.execute((s, d, w) => {
    const grid = document.querySelector('[data-testid="item-grid"]')
    const handle = grid.querySelector(`.el-table-v2__row[data-id="${s}"] [data-testid="drag-handle"]`)
    const row = grid.querySelector(`.el-table-v2__row[data-id="${d}"]`)
    if (!handle || !row) return false
    const target = row.querySelector('[data-col="l2"]') ?? row
    const r = row.getBoundingClientRect()
    const data = new DataTransfer()
    const at = { bubbles: true, cancelable: true, dataTransfer: data, clientX: r.left + 200, clientY: w === 'before' ? r.top + 4 : r.bottom - 4 }
    handle.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: data }))
    target.dispatchEvent(new DragEvent('dragenter', at))
    target.dispatchEvent(new DragEvent('dragover', at))
    target.dispatchEvent(new DragEvent('drop', at))
    handle.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer: data }))
    return true
  }, src, dst, where)
  assert(ok, `row ${src} or ${dst} is not on screen`)
  return 'synthetic DragEvents on the real elements'
}

/** Fires a paste event on the element matching `sel` carrying `text` as text/plain (what Ctrl+V
 *  does; WebDriver cannot reach the system clipboard). False when the event lost its data. */
function pasteInto(sel, text) {
  return browser.execute((s, t) => {
    const el = document.querySelector(s)
    if (!el) throw new Error(`nothing matches ${s}`)
    el.focus()
    const data = new DataTransfer()
    data.setData('text/plain', t)
    const ev = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    el.dispatchEvent(ev)
    return ev.clipboardData?.getData('text/plain') === t
  }, sel, text)
}

let passed = 0
let failed = 0
// E2E_ONLY=regex runs only the tests whose names match (include the ones they build on).
const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null
for (const [name, fn] of tests) {
  if (only && !only.test(name)) continue
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
