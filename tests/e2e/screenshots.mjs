// Screenshot tour for the docs: drives the real app (same harness as run.mjs) through each screen
// with sample data and saves PNGs with WebDriver's takeScreenshot (the window's web content).
//   node tests/e2e/screenshots.mjs [OUT_DIR]      (under xvfb-run; see scripts/screenshots.sh)
import { mkdirSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  repo, setup, openApp, byTest, sleep, textOf, jsClick, rowWithText, createCatalog, adoptDomain, chooseExport, assert, answerOpenDialog, fixture,
} from './harness.mjs'

const outDir = resolve(process.argv[2] ?? join(repo, 'docs/screenshots'))
mkdirSync(outDir, { recursive: true })
const UNIT = '某某县某某镇人民政府'

const h = await setup('mulu-shots-')
let browser
const saved = []
/** Close the toast messages (a screenshot of a screen should not show the last action's toast). */
async function closeMessages() {
  await browser.waitUntil(async () => {
    await browser.execute(() => {
      for (const b of document.querySelectorAll('.el-message .el-message__closeBtn')) b.click()
    })
    return (await browser.$$('.el-message')).length === 0
  }, { timeout: 10000, interval: 300, timeoutMsg: 'toast messages did not go away' })
}
async function shot(name, { keepMessages = false } = {}) {
  if (!keepMessages) await closeMessages()
  await sleep(600) // let Element Plus transitions finish
  const file = join(outDir, `${name}.png`)
  await browser.saveScreenshot(file)
  saved.push(file)
  console.log(`saved ${file}`)
}

let ok = false
try {
  browser = await openApp()

  // 快速上手: opens by itself on the empty store; the domains step, with what each covers. Esc closes it.
  await (await browser.$(byTest('guide'))).waitForDisplayed({ timeout: 8000 })
  await (await browser.$(`input${byTest('guide-unit')}, ${byTest('guide-unit')} input`)).addValue(UNIT)
  await browser.keys(['Enter'])
  await browser.waitUntil(async () => (await textOf(byTest('guide-domains'))).includes('最低生活保障'), { timeout: 8000 })
  await shot('first-run')
  await browser.keys(['Escape'])
  await (await browser.$(byTest('guide'))).waitForDisplayed({ reverse: true, timeout: 5000 })

  // 单位与目录: one catalog, plus its copy for the next year.
  await createCatalog(UNIT)
  await adoptDomain('社会救助')
  await adoptDomain('养老服务')
  await (await browser.$(byTest('nav-catalogs'))).click()
  await browser.waitUntil(async () => (await textOf(byTest('catalog-table'))).includes(UNIT), { timeout: 8000 })
  // …and its copy as next year's starting point.
  const copy = await browser.$(`${byTest('catalog-table')} .el-table__body tr .el-button:nth-of-type(2)`)
  await jsClick(copy)
  await browser.waitUntil(async () => (await browser.$$(`${byTest('catalog-table')} .el-table__body tr`)).length === 2, { timeout: 8000 })
  await shot('catalogs')

  // 标准指引库: the domains with their library and completeness numbers; a domain with an item whose
  // copy was cut off (来源不完整), preferring one whose carriers carry ■/□; else 社会救助 / 办事指南.
  await (await browser.$(byTest('nav-guidelines'))).click()
  const shown = await browser.executeAsync((done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke
    invoke('list_guidelines').then(async (list) => {
      const cut = list.filter((d) => d.truncated_items > 0)
      for (const d of cut) {
        const full = await invoke('guideline_domain', { name: d.name })
        const it = full.items.find((i) => (i.truncated ?? []).length > 0 && i.carriers.some((c) => c.requirement !== '未注明'))
        if (it) return done({ domain: d.name, label: it.l2 || it.l1 })
      }
      if (cut[0]) {
        const full = await invoke('guideline_domain', { name: cut[0].name })
        const it = full.items.find((i) => (i.truncated ?? []).length > 0)
        return done({ domain: cut[0].name, label: it.l2 || it.l1 })
      }
      done({ domain: '社会救助', label: '办事指南' })
    }, () => done({ domain: '社会救助', label: '办事指南' }))
  })
  // (rowWithText waits until the table has loaded.)
  await jsClick(await (await rowWithText('domain-table', shown.domain)).$('td'))
  await browser.waitUntil(async () => (await textOf('.detail-head h3')) === shown.domain, { timeout: 5000 })
  await browser.execute((label) => {
    const nodes = [...document.querySelectorAll('[data-testid="guideline-tree"] .el-tree-node__children .el-tree-node__content')]
    // (An item with cut-off fields has a 不完整 tag before its name.)
    nodes.find((n) => n.innerText.trim().endsWith(label))?.click()
  }, shown.label)
  await browser.$(byTest('guideline-item')).waitForDisplayed({ timeout: 5000 }).catch(() => {})
  await shot('guidelines')

  // 目录编辑: the adopted items, one selected.
  await (await browser.$(byTest('nav-editor'))).click()
  await browser.waitUntil(async () => (await browser.$$(`${byTest('item-grid')} .el-table-v2__row`)).length >= 10, { timeout: 8000 })
  const gridRows = await browser.$$(`${byTest('item-grid')} .el-table-v2__row`)
  await jsClick(gridRows[1] ?? gridRows[0])
  await browser.$(byTest('item-panel')).waitForDisplayed({ timeout: 5000 })
  await shot('editor-panel')
  // …the panel folded away: the whole grid, with the in-place controls; a 公开时限 cell being edited.
  await jsClick(await browser.$(byTest('panel-toggle')))
  await browser.waitUntil(async () => !(await browser.$(byTest('item-panel')).isExisting()), { timeout: 5000 })
  const rowId = (i) => browser.execute((n) => [...document.querySelectorAll('[data-testid="item-grid"] .el-table-v2__row[data-id]')]
    .sort((x, y) => x.getBoundingClientRect().top - y.getBoundingClientRect().top)[n]?.dataset.id, i)
  const cell = async (i, col) => browser.$(`${byTest('item-grid')} .el-table-v2__row[data-id="${await rowId(i)}"] [data-col="${col}"]`)
  await browser.execute((el) => el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })), await cell(1, 'time'))
  await (await browser.$(`${byTest('item-grid')} .cell-editor input`)).waitForDisplayed({ timeout: 5000 })
  await shot('editor')
  await browser.keys(['Escape'])
  // …and the 公开渠道和载体 checklist of a cell.
  await browser.execute((el) => el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })), await cell(3, 'channels'))
  await (await browser.$(byTest('carrier-pop'))).waitForDisplayed({ timeout: 5000 })
  await shot('editor-carriers')
  await jsClick(await browser.$(byTest('carrier-cancel')))
  await jsClick(await browser.$(byTest('panel-toggle')))
  await jsClick(gridRows[1] ?? gridRows[0])
  await browser.$(byTest('item-panel')).waitForDisplayed({ timeout: 5000 })

  // 不予公开/不涉及: two entries of the negative list, one still without its statutory ground (审核
  // reports it, R603). The panel is closed afterwards: the later screens stay as they were.
  await jsClick(await browser.$(byTest('withheld-toggle')))
  await browser.$(byTest('withheld-panel')).waitForDisplayed({ timeout: 5000 })
  for (const [name, ground, detail] of [
    ['低保对象家庭经济状况核对明细', '条例第十五条', '涉及申请人家庭成员的收入、财产等个人隐私。'],
    ['救助资金发放审批过程稿', null, ''],
  ]) {
    await jsClick(await browser.$(byTest('withheld-add')))
    const input = await browser.$(`input${byTest('withheld-name')}, ${byTest('withheld-name')} input`)
    await input.waitForDisplayed({ timeout: 5000 })
    await input.addValue(name)
    if (ground) {
      await jsClick(await browser.$(`${byTest('withheld-ground')} .el-select__wrapper`))
      await browser.waitUntil(() => browser.execute((g) => {
        const o = [...document.querySelectorAll('.el-select-dropdown__item')].find((li) => li.innerText.trim().startsWith(g))
        o?.click()
        return !!o
      }, ground), { timeout: 5000 })
    }
    if (detail) await (await browser.$(`textarea${byTest('withheld-detail')}, ${byTest('withheld-detail')} textarea`)).addValue(detail)
    await jsClick(await browser.$(byTest('withheld-save')))
    await browser.waitUntil(async () => (await textOf(byTest('withheld-table'))).includes(name), { timeout: 8000 })
    await browser.waitUntil(async () => !(await (await browser.$(byTest('withheld-save'))).isDisplayed()), { timeout: 5000 })
  }
  await shot('withheld')
  await jsClick(await browser.$(byTest('withheld-toggle')))
  await browser.waitUntil(async () => !(await (await browser.$(byTest('withheld-panel'))).isExisting()), { timeout: 5000 })

  // 粘贴 (Ctrl+V on the grid): rows copied from another catalog in Excel, header and 序号 included,
  // one row without names. The dialog is cancelled: the later screens stay as they were.
  const tsv = '序号\t一级事项\t二级事项\t公开内容（要素）\t公开依据\t公开时限\t公开主体\r\n'
    + '1\t临时救助\t急难型临时救助\t救助对象、救助金额\t"《社会救助暂行办法》\n《关于进一步加强和改进临时救助工作的意见》"\t信息形成或者变更之日起20个工作日内\t镇人民政府\r\n'
    + '2\t\t支出型临时救助\t救助对象、救助金额\t《社会救助暂行办法》\t信息形成或者变更之日起20个工作日内\t镇人民政府\r\n'
    + '3\t\t\t（见上）\t\t\t\r\n'
    + '4\t困难群众救助\t救助资金发放情况\t发放对象、金额\t《社会救助暂行办法》\t每季度\t镇人民政府\r\n'
  await browser.execute((t) => {
    const grid = document.querySelector('[data-testid="item-grid"]')
    grid.focus()
    const data = new DataTransfer()
    data.setData('text/plain', t)
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, tsv)
  await (await browser.$(byTest('paste-confirm'))).waitForDisplayed({ timeout: 5000 })
  await shot('paste')
  await browser.keys(['Escape'])
  await browser.waitUntil(async () => !(await (await browser.$(byTest('paste-confirm'))).isDisplayed()), { timeout: 5000 })

  // 导出: the menu, the Excel options step, and the result message.
  await (await browser.$(byTest('export'))).click()
  await (await browser.$(byTest('export-xlsx'))).waitForDisplayed({ timeout: 5000 })
  await shot('export-menu')
  await browser.keys(['Escape'])
  await sleep(300)
  await chooseExport('xlsx')
  const confirm = await browser.$(byTest('export-confirm'))
  await confirm.waitForDisplayed({ timeout: 5000 })
  await shot('export-dialog')
  await confirm.click()
  await browser.waitUntil(async () => (await textOf('.el-message--success')).includes('已导出'), { timeout: 20000 })
  const file = join(h.saveDir, `${UNIT}${new Date().getFullYear()}年政务公开标准目录.xlsx`)
  assert(existsSync(file), `export did not write ${file}`)
  await shot('export-done', { keepMessages: true })

  // 导入 Excel: the preview of a county department's workbook (notes cell by cell), before 导入.
  await (await browser.$(byTest('nav-catalogs'))).click()
  answerOpenDialog([fixture('county_department_nolevel.xlsx')])
  await jsClick(await browser.$(byTest('catalogs-import')))
  await browser.waitUntil(async () => (await textOf(byTest('import-plan'))).includes('新增'), { timeout: 10000 })
  await shot('import')

  // 审核 panel of the editor: import a township's workbook of seven domains, check it, show a finding.
  answerOpenDialog([fixture('township_huibian.xlsx')])
  await jsClick(await browser.$(byTest('import-repick')))
  await browser.waitUntil(async () => (await textOf(byTest('import-summary'))).includes('共 28 个事项'), { timeout: 10000 })
  await browser.waitUntil(async () => (await textOf(byTest('import-plan'))).includes('新增 28 项'), { timeout: 10000 })
  await jsClick(await browser.$(byTest('import-confirm')))
  await browser.waitUntil(async () => (await browser.$$(`${byTest('item-grid')} .el-table-v2__row`)).length >= 10, { timeout: 10000 })
  await jsClick(await browser.$(byTest('review-toggle')))
  // Hide the warnings (guideline items the catalog lacks) to show the notes about single items.
  await browser.waitUntil(async () => (await browser.$$(`${byTest('findings-table')} .el-table__body tr`)).length > 0, { timeout: 10000 })
  await jsClick(await browser.$(byTest('findings-filter-警告')))
  const finding = await browser.$(`${byTest('findings-table')} .el-table__body tr.has-item`)
  await finding.waitForExist({ timeout: 10000 })
  await jsClick(await finding.$('td'))
  await browser.$(byTest('item-panel')).waitForDisplayed({ timeout: 5000 })
  await sleep(1200) // let the field's highlight fade a little
  await shot('findings')

  // 审核工作台: several submitted workbooks checked at once, one file's findings cell by cell.
  await (await browser.$(byTest('nav-review'))).click()
  answerOpenDialog(['township_huibian.xlsx', 'county_department_nolevel.xlsx', 'multi_domain_one_sheet.xlsx', 'flag_variants.xlsx',
    'legacy_wps.xls', 'truncated.xlsx'].map(fixture))
  await browser.$(byTest('review-pick')).waitForExist({ timeout: 5000 }) // (the screen's code loads on first use)
  await jsClick(await browser.$(byTest('review-pick')))
  await browser.waitUntil(async () => (await browser.$$(`${byTest('review-files')} .el-table__body tr`)).length === 6, { timeout: 20000 })
  const flags = (await browser.$$(`${byTest('review-files')} .el-table__body tr`))[3]
  await jsClick(await flags.$('td:nth-child(2)'))
  await browser.waitUntil(async () => (await textOf(byTest('review-detail'))).includes('flag_variants'), { timeout: 5000 })
  await shot('review')

  // 示例目录: a shipped sample opened read-only.
  await jsClick(await browser.$(byTest('nav-samples')))
  const sample = await browser.$(`${byTest('sample-list')} [data-file="township.xlsx"]`)
  await sample.waitForDisplayed({ timeout: 8000 })
  await jsClick(sample)
  await browser.waitUntil(async () => (await textOf(byTest('sample-summary'))).includes('个事项'), { timeout: 15000 })
  await shot('samples')

  // 培训演示: the walk at 公开时限 (the element, its value in the guideline, 条例第二十六条), then the
  // projector view of the same slide, then the spot-the-mistake exercise with one cell found.
  await jsClick(await browser.$(byTest('nav-training')))
  await browser.waitUntil(async () => (await textOf(byTest('slide'))).includes('社会救助'), { timeout: 8000 })
  for (let i = 0; i < 6; i++) await jsClick(await browser.$(byTest('slide-next')))
  await browser.waitUntil(async () => (await textOf(`${byTest('slide')} .title`)).startsWith('公开时限'), { timeout: 5000 })
  await shot('training')
  await browser.keys(['F11'])
  await browser.waitUntil(async () => (await (await browser.$(byTest('slide'))).getAttribute('class')).includes('projector'), { timeout: 5000 })
  await shot('projector')
  await browser.keys(['Escape'])
  await jsClick(await browser.$(byTest('training-exercise')))
  await browser.waitUntil(async () => /已找到 0 \/ [1-9]/.test(await textOf(byTest('exercise-score'))), { timeout: 20000 })
  await jsClick(await browser.$(`${byTest('exercise-sheet')} [data-ref="E6"]`))
  await browser.waitUntil(async () => (await textOf(byTest('exercise-result'))).includes('R201'), { timeout: 5000 })
  await shot('training-exercise')

  // 高对比度: the editor in the high-contrast theme (switched back afterwards).
  await jsClick(await browser.$(byTest('nav-contrast')))
  await jsClick(await browser.$(byTest('nav-editor')))
  await browser.waitUntil(async () => (await browser.$$(`${byTest('item-grid')} .el-table-v2__row`)).length >= 10, { timeout: 8000 })
  await shot('high-contrast')
  await jsClick(await browser.$(byTest('nav-contrast')))

  // 门户栏目: the column tree generated for the open catalog, then the 门户体检 of a CMS export and the
  // 权责清单 check with the confirm dialog of a suggested item.
  const portal = (name) => join(repo, 'tests/fixtures/portal', name)
  await jsClick(await browser.$(`${byTest('item-grid')} .el-table-v2__row[data-id]`))
  await jsClick(await browser.$(byTest('portal-toggle')))
  await browser.$(byTest('portal-columns')).waitForDisplayed({ timeout: 5000 })
  await jsClick(await browser.$(byTest('portal-generate')))
  await browser.waitUntil(async () => /栏目 [1-9]\d* 个/.test(await textOf(byTest('portal-summary'))), { timeout: 8000 })
  await shot('portal-columns')
  await jsClick(await browser.$('#tab-cms'))
  answerOpenDialog([portal('cms_export.xlsx')])
  await jsClick(await browser.$(byTest('portal-cms-import')))
  await browser.waitUntil(async () => (await textOf(byTest('portal-cms-findings'))).includes('P103'), { timeout: 15000 })
  await shot('portal-cms')
  await jsClick(await browser.$('#tab-powers'))
  answerOpenDialog([portal('powers.xlsx')])
  await jsClick(await browser.$(byTest('powers-import')))
  await browser.waitUntil(async () => (await textOf(byTest('powers-suggestions'))).includes('乡村建设规划许可证核发'), { timeout: 15000 })
  await jsClick(await browser.$(byTest('powers-add-0')))
  await browser.$(byTest('powers-confirm-l1')).waitForDisplayed({ timeout: 5000 })
  await shot('powers')
  await browser.keys(['Escape'])
  ok = true
} catch (e) {
  console.error(`screenshot tour failed: ${String(e?.message ?? e).split('\n')[0]}`)
  try { await browser?.saveScreenshot(join(outDir, 'failed.png')); console.error(`see ${join(outDir, 'failed.png')}`) } catch {}
} finally {
  await h.stop()
}
console.log(`${saved.length} screenshots in ${outDir}`)
process.exit(ok ? 0 : 1)
