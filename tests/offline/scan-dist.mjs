// The app makes no network request at run time: no CDN, no web fonts, no telemetry, no update check.
// This scan of the built UI (ui/dist) fails on any http(s):// or protocol-relative (//host) address in
// a place where the browser would load it — src/href/srcset/action attributes, CSS url() and
// @import, fetch(), import(), XMLHttpRequest.open, WebSocket, EventSource, sendBeacon, Worker —
// and on any http(s):// address anywhere else unless it is explicitly allowed below (XML namespace
// names, which are identifiers and never fetched; documentation links inside the libraries' warning
// texts; license comments). An allowed address in a loading place still fails.
// The run-time counterpart is the last end-to-end test in tests/e2e/run.mjs (the window's resource
// entries). Run by scripts/test.sh after the UI build:
//   node tests/offline/scan-dist.mjs [ui/dist]        node tests/offline/scan-dist.mjs --self-test
import { readdirSync, readFileSync, statSync, mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { tmpdir } from 'node:os'

/** Addresses allowed as text (never loaded), each with the reason. */
const ALLOWED = [
  [/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|1999\/xhtml|1998\/Math\/MathML|XML\/1998\/namespace|2000\/xmlns\/?)$/,
    'XML namespace name (createElementNS, xmlns attributes): an identifier, not a request'],
  [/^https:\/\/element-plus\.org\//, 'Element Plus: documentation link inside a developer warning text'],
  [/^https:\/\/vuejs\.org\/error-reference\//, 'Vue: documentation link inside an error message text'],
]

/** Places where an address is loaded by the web view. Group 1 is the address. */
const LOADS = [
  /\b(?:src|href|srcset|action|poster|data|xlink:href)\s*=\s*\\?["'`]?\s*((?:https?:)?\/\/[^\s"'`<>)\\]+)/gi,
  /url\(\s*\\?["']?\s*((?:https?:)?\/\/[^\s"')\\]+)/gi,
  /@import\s+(?:url\()?\s*["']?((?:https?:)?\/\/[^\s"')]+)/gi,
  /\b(?:fetch|import|open|WebSocket|EventSource|sendBeacon|Worker|SharedWorker|importScripts)\s*\(\s*(?:["'`][A-Z]+["'`]\s*,\s*)?["'`]((?:https?:|wss?:)?\/\/[^\s"'`]+)/g,
  /\bfrom\s*["']((?:https?:)?\/\/[^"']+)["']/g,
  /\.(?:src|href)\s*=\s*["'`]((?:https?:)?\/\/[^"'`]+)/g,
]

const ANY_URL = /\b(?:https?|wss?):\/\/[^\s"'`<>)\\\]},;]+/g

/** Ranges of comments that are license or source notes (`/*! … *​/`, `/** @license … *​/`, `<!-- -->`). */
function commentRanges(text) {
  const ranges = []
  for (const re of [/\/\*[\s\S]*?\*\//g, /<!--[\s\S]*?-->/g]) {
    for (const m of text.matchAll(re)) {
      if (/^\/\*!|@license|@preserve|license|copyright/i.test(m[0])) ranges.push([m.index, m.index + m[0].length])
    }
  }
  return ranges
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length
}

/** Problems in one file's text: [{ url, line, why }]. */
export function scanText(text) {
  const problems = []
  for (const re of LOADS) {
    for (const m of text.matchAll(re)) {
      problems.push({ url: m[1], line: lineOf(text, m.index), why: `loaded here: ${m[0].slice(0, 60)}` })
    }
  }
  const comments = commentRanges(text)
  for (const m of text.matchAll(ANY_URL)) {
    const url = m[0].replace(/[.:]+$/, '')
    if (comments.some(([a, b]) => m.index >= a && m.index < b)) continue
    if (ALLOWED.some(([re]) => re.test(url))) continue
    if (problems.some((p) => p.url === url)) continue
    problems.push({ url, line: lineOf(text, m.index), why: 'not in the allowed list (tests/offline/scan-dist.mjs)' })
  }
  return problems
}

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : [p]
  })
}

/** Scans every text file under `dir`; returns the number of problems (printed). */
export function scanDir(dir, log = console.log) {
  let n = 0
  let scanned = 0
  for (const f of files(dir)) {
    if (!/\.(html?|js|mjs|css|svg|json|webmanifest|map)$/i.test(f)) continue
    scanned++
    for (const p of scanText(readFileSync(f, 'utf8'))) {
      n++
      log(`${relative(process.cwd(), f)}:${p.line}: ${p.url} — ${p.why}`)
    }
  }
  if (scanned === 0) {
    log(`no HTML/JS/CSS files under ${dir}: build the UI first (npm --prefix ui run build)`)
    return 1
  }
  return n
}

function selfTest() {
  const dir = mkdtempSync(join(tmpdir(), 'scan-dist-'))
  const cases = [
    ['index.html', '<link rel="stylesheet" href="https://cdn.example.com/x.css">', 1],
    ['a.css', '@font-face{src:url(https://fonts.gstatic.com/s/x.woff2)}', 1],
    ['b.css', '.x{background:url(//cdn.example.com/bg.png)}', 1],
    ['c.js', 'fetch("https://telemetry.example.com/ping",{method:"POST"})', 1],
    ['d.js', 'const u = "https://api.example.com/latest.json"', 1],
    ['e.js', 'x.open("GET","https://update.example.com/v")', 1],
    ['f.js', 'img.src="https://element-plus.org/logo.png"', 1], // allowed host, but loaded: still fails
    ['ok.js', 'document.createElementNS("http://www.w3.org/2000/svg","svg");warn("see https://element-plus.org/en-US/component/dialog.html")', 0],
    ['ok2.js', '/*! @license MIT https://github.com/x/y */ let a = 1', 0],
  ]
  let bad = 0
  for (const [name, text, want] of cases) {
    mkdirSync(join(dir, name.replace(/[^/]*$/, '')), { recursive: true })
    writeFileSync(join(dir, name), text)
    const got = scanText(text).length
    if ((got > 0) !== (want > 0)) {
      bad++
      console.log(`self-test: ${name}: expected ${want ? 'a finding' : 'none'}, got ${got}`)
    }
  }
  const total = scanDir(dir, () => {})
  rmSync(dir, { recursive: true, force: true })
  if (total < 7) bad++
  console.log(bad === 0 ? 'scan-dist self-test: ok' : `scan-dist self-test: ${bad} failed`)
  return bad
}

const arg = process.argv[2] ?? 'ui/dist'
if (arg === '--self-test') {
  process.exit(selfTest() === 0 ? 0 : 1)
} else {
  if (selfTest() !== 0) process.exit(1)
  const n = scanDir(arg)
  console.log(n === 0 ? `no network addresses in ${arg}` : `${n} network address(es) in ${arg}: the app must work offline`)
  process.exit(n === 0 ? 0 : 1)
}
