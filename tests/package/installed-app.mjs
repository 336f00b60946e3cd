// 安装包测试的第二半（scripts/package-test.sh 在 dpkg -i 之后、xvfb-run 下运行它）：经 tauri-driver 启动
// 装好的桌面程序（APP_BINARY，默认 /usr/bin/biaozhunmulu），用全新的数据库与 HOME（tests/e2e/harness.mjs 的
// setup），读窗口标题、程序版本、随包的示例工作簿，看首次使用向导与主导航是否出现。
// 发布构建没有端到端测试的钩子（MULU_E2E_*），这里也用不着：只读，不导出、不选文件。
//
//   EXPECT_VERSION=0.1.0 APP_BINARY=/usr/bin/biaozhunmulu xvfb-run -a node tests/package/installed-app.mjs
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

process.env.APP_BINARY ??= '/usr/bin/biaozhunmulu'
const { setup, openApp, byTest, textOf, APP } = await import('../e2e/harness.mjs')

const TITLE = '标准目录编制器'
const expectVersion = process.env.EXPECT_VERSION
const samplesDir = process.env.EXPECT_SAMPLES_DIR ?? '/usr/lib/标准目录编制器/samples'

let passed = 0
let failed = 0
function check(name, ok, detail = '') {
  if (ok) passed++
  else failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `：${detail}` : ''}`)
}

const h = await setup('mulu-package-', { saveHook: false })
try {
  const browser = await openApp()
  check(`启动装好的程序 ${APP}，界面可交互（body.dataset.ready）`, true)

  // 页面标题（WebDriver 的 Get Title）与原生窗口的标题（Tauri 的 window 插件，core:default 许可）。
  const docTitle = await browser.getTitle()
  check('WebDriver 读到的标题', docTitle === TITLE, docTitle)
  const winTitle = await browser.executeAsync((done) => {
    window.__TAURI_INTERNALS__.invoke('plugin:window|title', { label: 'main' }).then(done, (e) => done(`错误：${e}`))
  })
  check('窗口标题（plugin:window|title）', winTitle === TITLE, winTitle)
  // X 服务器上的窗口名（窗口管理器、任务栏显示的就是它）。
  let xName = ''
  try {
    xName = execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8' })
  } catch (e) {
    xName = String(e)
  }
  check('X 窗口名（xwininfo -root -tree）', xName.includes(`"${TITLE}"`), xName.includes(`"${TITLE}"`) ? TITLE : '没有这个窗口名')

  const info = await browser.executeAsync((done) => {
    window.__TAURI_INTERNALS__.invoke('app_info').then(done, (e) => done({ error: String(e) }))
  })
  check('程序版本（app_info）', !!expectVersion && info.version === expectVersion, `${info.version}，应为 ${expectVersion}`)
  check('数据库在测试的临时目录里（MULU_DB）', info.db_path === h.env.MULU_DB, info.db_path)

  // 随包的示例工作簿（bundle.resources → 资源目录的 samples/；发布构建不再找源码仓库）。
  const samples = await browser.executeAsync((done) => {
    window.__TAURI_INTERNALS__.invoke('sample_files').then(done, (e) => done([`错误：${e}`]))
  })
  check('示例工作簿来自安装目录', samples.length === 5 && samples.every((p) => p.startsWith(`${samplesDir}/`) && p.endsWith('.xlsx')),
    samples.join('，'))

  // 全新的库：首次使用向导自己打开；主导航在。
  const guide = await browser.$(byTest('guide'))
  let guideShown = true
  try {
    await guide.waitForDisplayed({ timeout: 8000 })
  } catch {
    guideShown = false
  }
  check('空库上首次使用向导（快速上手）打开', guideShown, guideShown ? (await textOf('.guide-dialog .el-dialog__title')) || '' : '')
  const nav = await browser.$$('[data-testid^="nav-"]')
  check('主导航', nav.length >= 4, `${nav.length} 项`)
  const shot = join(process.env.PACKAGE_TEST_OUT ?? h.work, 'installed-app.png')
  await browser.saveScreenshot(shot)
  console.log(`截图：${shot}`)
} catch (e) {
  check('装好的程序经 WebDriver 打开', false, String(e?.message ?? e))
} finally {
  await h.stop()
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
