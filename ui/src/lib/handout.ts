// 培训讲义: a one-page A4 handout (docs/trainer-handout.html) rendered from the same element meanings
// and legal facts as the trainer mode (lib/training.ts), so the two never differ. handout.test.ts
// checks the committed file; UPDATE_HANDOUT=1 rewrites it.
import { ELEMENTS, WITHHOLD_FACTS } from './training'

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function renderHandout(): string {
  const rows = ELEMENTS.map((e) => `<tr><th>${esc(e.label)}<small>${esc(e.columns)}</small></th><td>${esc(e.meaning)}`
    + `${e.facts.map((f) => `<div class="fact">${esc(f)}</div>`).join('')}</td></tr>`).join('\n')
  const grounds = WITHHOLD_FACTS.map((f) => `<li>${esc(f)}</li>`).join('\n')
  return `<!doctype html>
<!-- 生成的文件：内容来自 ui/src/lib/training.ts（npx vitest run src/lib/handout.test.ts，UPDATE_HANDOUT=1 重新生成）。 -->
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>政务公开事项标准目录：九个要素（培训讲义）</title>
<style>
@page { size: A4; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 9.5pt; line-height: 1.4; color: #000; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
p.lead { margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.3mm solid #000; padding: 1.2mm 2mm; vertical-align: top; text-align: left; }
th { width: 26mm; white-space: nowrap; }
th small { display: block; font-weight: normal; font-size: 8pt; }
.fact { font-size: 8.5pt; margin-top: 0.8mm; }
h2 { font-size: 11.5pt; margin: 3mm 0 1mm; }
ul { margin: 0; padding-left: 5mm; font-size: 8.5pt; }
</style>
</head>
<body>
<h1>政务公开事项标准目录：九个要素</h1>
<p class="lead">目录每个领域一张表，两行表头；每个二级事项一行，写明下面九个要素。</p>
<table>
${rows}
</table>
<h2>不予公开的理由（条例第十四至十六条）</h2>
<ul>
${grounds}
</ul>
</body>
</html>
`
}
