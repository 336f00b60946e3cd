#!/usr/bin/env bash
# 用 LibreOffice 把一份导出转成 PDF，再把第一个领域表的那一页画成 PNG（docs/export-page.png）。
# 需要：soffice（libreoffice-calc）、pdftoppm/pdftotext（poppler-utils）、中文字体（fonts-noto-cjk）。
#   apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-noto-cjk
# 用法：tests/independent/render.sh [输出的 PNG，默认 docs/export-page.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-docs/export-page.png}

for tool in soffice pdftoppm pdftotext fc-list; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool，见本脚本开头的安装命令" >&2; exit 1; }
done
[ -n "$(fc-list :lang=zh)" ] || { echo "没有中文字体（fonts-noto-cjk）" >&2; exit 1; }

MULU=${MULU:-target/debug/mulu}
if [ ! -x "$MULU" ]; then
  cargo build -p mulu-cli --quiet
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/catalog.db"
id=$("$MULU" --db "$DB" catalog new --unit 某某县某某镇人民政府 --kind 乡镇 --year 2026)
"$MULU" --db "$DB" catalog adopt "$id" --all >/dev/null
"$MULU" --db "$DB" export "$id" --xlsx "$TMP/catalog.xlsx" >/dev/null

# 独立的 LibreOffice 配置目录：不碰用户的配置，也不与别处正在运行的 soffice 冲突。
soffice -env:UserInstallation="file://$TMP/lo-profile" --headless \
  --convert-to pdf --outdir "$TMP" "$TMP/catalog.xlsx" >/dev/null 2>&1
PDF="$TMP/catalog.pdf"
[ -s "$PDF" ] || { echo "LibreOffice 没有生成 PDF" >&2; exit 1; }

# 第一个领域表（目录的第一个领域）所在的第一页。
first=$("$MULU" --db "$DB" catalog show "$id" --json |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["catalog"]["domains"][0])')
pages=$(pdfinfo "$PDF" 2>/dev/null | awk '/^Pages:/ {print $2}')
page=""
for p in $(seq 1 "${pages:-50}"); do
  text=$(pdftotext -f "$p" -l "$p" "$PDF" -)
  if [[ "$text" == *"${first}领域基层政务公开标准目录"* ]]; then
    page=$p
    break
  fi
done
[ -n "$page" ] || { echo "PDF 里找不到“${first}”领域表" >&2; exit 1; }

pdftoppm -png -r 70 -f "$page" -l "$page" -singlefile "$PDF" "$TMP/page"
mkdir -p "$(dirname "$OUT")"
cp "$TMP/page.png" "$OUT"
echo "第 $page 页（${first}）→ $OUT（$(du -k "$OUT" | cut -f1) KB）"
