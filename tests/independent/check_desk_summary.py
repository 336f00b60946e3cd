#!/usr/bin/env python3
"""用独立的读取器（openpyxl）核对 `mulu desk summary --xlsx OUT` 写出的全县汇总表。

期望值不取自写出它的代码：单位名单与顺序来自命令行给的名单，各单位的错误、警告条数来自审核规则样例的
`tests/fixtures/review/*.expect.json`（逐条列出的期望问题），状态按 docs/review.md 的规则由条数推出
（有错误：退回修改；只有警告：待审；都没有：通过；没有文件：未报送）。

用法：check_desk_summary.py OUT.xlsx EXPECT.json
EXPECT.json：{"units": [[名称, 类型, 样例名或 null], ...]}（名单顺序）。
发现问题时逐条列出并以非零状态退出。
"""

from __future__ import annotations

import json
import os
import sys

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEAD = ["序号", "单位", "类型", "状态", "最新轮次", "收到日期", "文件", "错误", "警告", "不采纳", "覆盖率"]
STATUSES = ["未报送", "退回修改", "待审", "通过"]


def expected_counts(fixture: str) -> tuple[int, int]:
    with open(os.path.join(ROOT, "tests/fixtures/review", f"{fixture}.expect.json"), encoding="utf-8") as fh:
        findings = json.load(fh)["findings"]
    return (sum(f["severity"] == "错误" for f in findings), sum(f["severity"] == "警告" for f in findings))


def main() -> int:
    out, spec = sys.argv[1], sys.argv[2]
    with open(spec, encoding="utf-8") as fh:
        units = json.load(fh)["units"]
    problems: list[str] = []

    def expect(cond: bool, what: str) -> None:
        if not cond:
            problems.append(what)

    wb = openpyxl.load_workbook(out)
    expect(wb.sheetnames == ["各单位状态", "未报送", "按状态"], f"表名：{wb.sheetnames}")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                expect(not (isinstance(c.value, str) and c.value.startswith("=")), f"{ws.title}!{c.coordinate} 是公式")

    ws = wb["各单位状态"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    expect(rows[0] == HEAD, f"表头：{rows[0]}")
    expect(ws.freeze_panes == "A2", f"冻结窗格：{ws.freeze_panes}")
    expect(ws.auto_filter.ref == f"A1:K{len(units) + 1}", f"筛选范围：{ws.auto_filter.ref}")
    expect(len(rows) == len(units) + 1, f"行数：{len(rows)}，应为 {len(units) + 1}")
    by_status = {s: 0 for s in STATUSES}
    missing = []
    for i, (name, kind, fixture) in enumerate(units):
        if i + 1 >= len(rows):
            break
        r = rows[i + 1]
        at = f"第 {i + 2} 行（{name}）"
        expect(r[0] == i + 1 and r[1] == name and r[2] == kind, f"{at} 序号、单位、类型：{r[:3]}")
        if fixture is None:
            status = "未报送"
            missing.append((name, kind))
            expect(all(v is None for v in r[4:]), f"{at} 未报送的单位不应有轮次、日期与条数：{r[4:]}")
        else:
            errors, warnings = expected_counts(fixture)
            status = "退回修改" if errors else "待审" if warnings else "通过"
            expect(r[4] == 1, f"{at} 最新轮次：{r[4]}")
            expect(isinstance(r[5], str) and len(r[5]) == 10 and r[5][4] == "-", f"{at} 收到日期：{r[5]!r}")
            expect(r[6] == f"{fixture}.xlsx", f"{at} 文件：{r[6]!r}")
            expect((r[7], r[8], r[9]) == (errors, warnings, 0), f"{at} 错误/警告/不采纳：{r[7:10]}，应为 {errors}/{warnings}/0")
            expect(isinstance(r[10], (int, float)) and 0 <= r[10] <= 100, f"{at} 覆盖率：{r[10]!r}")
            expect("%" in ws.cell(i + 2, 11).number_format, f"{at} 覆盖率的格式：{ws.cell(i + 2, 11).number_format}")
        expect(r[3] == status, f"{at} 状态：{r[3]}，应为 {status}")
        by_status[status] += 1

    rows = [list(r) for r in wb["未报送"].iter_rows(values_only=True)]
    expect(rows == [["序号", "单位", "类型"]] + [[i + 1, n, k] for i, (n, k) in enumerate(missing)], f"未报送：{rows}")
    rows = [list(r) for r in wb["按状态"].iter_rows(values_only=True)]
    want = [["状态", "单位数"]] + [[s, by_status[s]] for s in STATUSES] + [["合计", len(units)]]
    expect(rows == want, f"按状态：{rows}，应为 {want}")

    for p in problems:
        print(f"{out}：{p}", file=sys.stderr)
    if not problems:
        print(f"{out}：全县汇总表核对通过（{len(units)} 个单位）")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
