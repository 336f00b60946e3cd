#!/usr/bin/env bash
# 用独立的读取器（openpyxl，装在测试用 venv 里）核对 `mulu export` 导出的工作簿与 `mulu desk summary` 的全县汇总表：
# 新建临时数据库与目录、采用全部 26 个领域、导出（默认、镇级、不含公开层级三种），逐一核对；
# 再把一份导出故意改坏（拆掉一处一级事项合并、写入一个公式），确认核对程序能发现。
# 只写 tests/.venv-independent/ 与临时目录。任何一项不符即以非零状态退出。
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=tests/.venv-independent
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
  echo "==> 创建 $VENV（openpyxl）"
  python3 -m venv "$VENV"
  echo '*' > "$VENV/.gitignore"
  "$VENV/bin/pip" install -q -r tests/independent/requirements.txt
fi

MULU=${MULU:-target/debug/mulu}
if [ ! -x "$MULU" ]; then
  echo "==> 构建 mulu（cargo build -p mulu-cli）"
  cargo build -p mulu-cli --quiet
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/catalog.db"
id=$("$MULU" --db "$DB" catalog new --unit 某某县某某镇人民政府 --kind 乡镇 --year 2026)
"$MULU" --db "$DB" catalog adopt "$id" --all >/dev/null

"$MULU" --db "$DB" export "$id" --xlsx "$TMP/default.xlsx" >/dev/null
"$MULU" --db "$DB" export "$id" --xlsx "$TMP/zhen.xlsx" --lower-level-label 镇级 >/dev/null
"$MULU" --db "$DB" export "$id" --xlsx "$TMP/nolevel.xlsx" --no-level >/dev/null
for f in default zhen nolevel; do
  "$PY" tests/independent/check_export.py "$TMP/$f.xlsx"
done

# 刁钻文字：单位名称以 = + - @ 开头（导出后必须仍是文字，不是公式），其中一个含控制字符
# （导出应去掉）。每个单位一份目录，只采用一个领域。
i=0
for unit in $'=1+1\x01某某镇' '+86某某镇' '-1某某镇' '@某某乡'; do
  i=$((i + 1))
  cid=$("$MULU" --db "$DB" catalog new --unit="$unit" --kind 乡镇 --year 2026)
  "$MULU" --db "$DB" catalog adopt "$cid" --domain 社会救助 >/dev/null
  "$MULU" --db "$DB" export "$cid" --xlsx "$TMP/tricky$i.xlsx" >/dev/null
  if ! "$PY" tests/independent/check_export.py "$TMP/tricky$i.xlsx" 2>"$TMP/tricky.log"; then
    cat "$TMP/tricky.log" >&2
    exit 1
  fi
done

# 反例：核对程序必须能发现改坏的文件。
"$PY" - "$TMP/default.xlsx" "$TMP/broken.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["社会救助"]
m = next(r for r in ws.merged_cells.ranges if r.min_col == 2 and r.min_row >= 4)
ws.unmerge_cells(str(m))
ws["D4"] = "=1+1"
wb.save(sys.argv[2])
PY
if "$PY" tests/independent/check_export.py "$TMP/broken.xlsx" 2>"$TMP/broken.log"; then
  echo "反例没有被发现：check_export.py 放过了改坏的文件" >&2
  exit 1
fi
grep -q "一级事项的纵向合并" "$TMP/broken.log" && grep -q "是公式" "$TMP/broken.log" || {
  echo "反例的报告不对：" >&2; cat "$TMP/broken.log" >&2; exit 1; }
echo "反例：改坏的文件被发现（拆开的合并、公式）"
# 全县汇总表（mulu desk summary）：名单与各单位的报送来自审核规则样例（tests/fixtures/review/），
# 期望的条数取自它们的 *.expect.json。
"$PY" - "$TMP/units.xlsx" "$TMP/desk.json" <<'PY'
import json, sys, openpyxl
units = [["某某镇人民政府", "乡镇", "clean_township"], ["某某乡人民政府", "乡镇", "r2_basis"],
         ["某某街道办事处", "街道", "r3_time_limit"], ["某某县教育体育局", "县级部门", "clean_county_department"],
         ["某某县民政局", "县级部门", None]]
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["序号", "单位名称", "单位类别"])
for i, (name, kind, _) in enumerate(units):
    ws.append([i + 1, name, kind])
wb.save(sys.argv[1])
json.dump({"units": units}, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
DESK="$TMP/desk.db"
"$MULU" --db "$DESK" desk units "$TMP/units.xlsx" >/dev/null
"$MULU" --db "$DESK" desk record tests/fixtures/review/{clean_township,r2_basis,r3_time_limit,clean_county_department}.xlsx >/dev/null
"$MULU" --db "$DESK" desk summary --xlsx "$TMP/summary.xlsx" >/dev/null
"$PY" tests/independent/check_desk_summary.py "$TMP/summary.xlsx" "$TMP/desk.json"

echo "独立核对通过"
