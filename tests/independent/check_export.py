#!/usr/bin/env python3
"""用独立的读取器（openpyxl）核对 `mulu export ID --xlsx OUT` 导出的工作簿。

期望值取自 docs 与 /work/shared/reference/catalog-format.md 描述的官方表格，而不是导出代码：
表名、标题与其合并范围、两行表头及其合并范围、一级事项纵向合并、√ 标记、■/□ 载体清单、
打印设置、冻结窗格、没有公式。各行应有的内容取自隐藏的往返表 `_mulu`（每个事项的 JSON），
再与可见表格逐格比对。

用法：check_export.py OUT.xlsx
发现问题时逐条列出并以非零状态退出。
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter

# catalog-format.md “The table”：跨两行的单栏表头，与第一行合并两栏的分组表头。
SINGLE = {"A": "序号", "D": "公开内容（要素）", "E": "公开依据", "F": "公开时限", "G": "公开主体", "H": "公开渠道和载体"}
GROUPS = {("B", "C"): ("公开事项", "一级事项", "二级事项"),
          ("I", "J"): ("公开对象", "全社会", "特定群体"),
          ("K", "L"): ("公开方式", "主动", "依申请"),
          ("M", "N"): ("公开层级", "县级", None)}  # 下级一栏：乡级、镇级或街道
LOWER_LABELS = {"乡级", "镇级", "街道"}
# 官方勾选表的标准载体（顺序即官方顺序）。
CARRIERS = ["政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点",
            "政务服务中心", "便民服务站", "入户/现场", "社区/企事业单位/村公示栏（电子屏）", "精准推送", "其他"]
TICK = "√"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# 控制字符写进文件时会被转义成 _x0001_ 之类（openpyxl 读出时不还原）。
ESCAPED_CONTROL = re.compile(r"_x00[01][0-9A-Fa-f]_|_x007[Ff]_")
ROUNDTRIP = "_mulu"
FIRST_DATA_ROW = 4  # 标题一行、表头两行之后（Excel 行号）


class Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.checks = 0

    def eq(self, got, want, where: str) -> None:
        self.checks += 1
        if got != want:
            self.errors.append(f"{where}：应为 {want!r}，实际为 {got!r}")

    def true(self, cond: bool, what: str) -> None:
        self.checks += 1
        if not cond:
            self.errors.append(what)


def text(v) -> str:
    return "" if v is None else str(v)


def clean(s: str) -> str:
    """导出的规则：去掉控制字符（保留换行与制表符）。期望值都先经过它。"""
    return CONTROL.sub("", s)


def checklist_ok(c: Checker, cell: str, channels: dict, where: str) -> None:
    """`■政府网站 □政府公报 … □其他`，其后是 ` ■其他载体`；■ 与 JSON 里选中的标准载体一致。"""
    parts = cell.split(" ")
    c.true(len(parts) >= len(CARRIERS), f"{where}：载体清单只有 {len(parts)} 项：{cell!r}")
    standard = parts[: len(CARRIERS)]
    for name, part in zip(CARRIERS, standard):
        want = ("■" if name in channels["standard"] else "□") + name
        c.eq(part, want, f"{where} 载体“{name}”")
    extras = parts[len(CARRIERS):]
    c.eq(extras, ["■" + clean(e) for e in channels["extra"]], f"{where} 其他载体")


def check_print_setup(c: Checker, ws, name: str, title_rows: bool = True) -> None:
    ps = ws.page_setup
    c.eq(ps.orientation, "landscape", f"{name} 打印方向")
    c.eq(str(ps.paperSize), "8", f"{name} 纸张（8 = A3）")
    c.true(bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
           f"{name}：没有设“缩放到页”")
    c.true(ps.fitToWidth in (None, 1, "1"), f"{name}：宽度应缩到 1 页，实际 {ps.fitToWidth!r}")
    c.true(ps.fitToHeight in (0, "0"), f"{name}：高度应不限页数（0），实际 {ps.fitToHeight!r}")
    if title_rows:
        c.eq(ws.print_title_rows.replace("$", "") if ws.print_title_rows else None, "2:3", f"{name} 打印标题行")
    c.eq(ws.freeze_panes, "A4", f"{name} 冻结窗格")
    footer = ws.oddFooter.center.text or ""
    c.true("&P" in footer and "&N" in footer, f"{name}：页脚没有页码：{footer!r}")


def check_cell_formats(c: Checker, ws, name: str, rows: int, ncols: int) -> None:
    """数据格：细边框、自动换行（抽查每 7 行一行，外加首末行）。

    合并区域里非左上角的格，openpyxl 读作 MergedCell 且不保留其格式，故只查左上角与普通格。"""
    sample = sorted({FIRST_DATA_ROW, FIRST_DATA_ROW + rows - 1, *range(FIRST_DATA_ROW, FIRST_DATA_ROW + rows, 7)})
    for r in sample:
        for col in range(1, ncols + 1):
            cell = ws.cell(r, col)
            if isinstance(cell, MergedCell):
                continue
            b = cell.border
            ok = all(getattr(b, side).style == "thin" for side in ("left", "right", "top", "bottom"))
            c.true(ok, f"{name}!{cell.coordinate}：不是四边细边框")
            c.true(bool(cell.alignment.wrap_text), f"{name}!{cell.coordinate}：没有自动换行")


def check(path: str) -> Checker:
    c = Checker()
    wb = openpyxl.load_workbook(path)  # data_only=False：公式会以 data_type 'f' 出现

    # —— 往返表：隐藏（veryHidden）、受保护，A1 标识、B2 目录 JSON、第 5 行起每个事项一行。
    c.true(ROUNDTRIP in wb.sheetnames, f"缺少往返表 {ROUNDTRIP}")
    if ROUNDTRIP not in wb.sheetnames:
        return c
    rt = wb[ROUNDTRIP]
    c.eq(rt.sheet_state, "veryHidden", f"{ROUNDTRIP} 的可见性")
    c.true(bool(rt.protection.sheet), f"{ROUNDTRIP} 未受保护")
    c.eq(rt["A1"].value, "mulu-roundtrip", f"{ROUNDTRIP}!A1")

    def joined(row: int) -> str:  # JSON 超过单元格上限时续写在右侧各格
        parts = []
        col = 2 if row == 2 else 3
        while rt.cell(row, col).value is not None:
            parts.append(str(rt.cell(row, col).value))
            col += 1
        return "".join(parts)

    origin = json.loads(joined(2))
    unit = clean(origin["unit"]["name"])
    domains = origin["catalog"]["domains"]
    items_by_sheet: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for r in range(5, rt.max_row + 1):
        sheet = rt.cell(r, 1).value
        if sheet is None:
            continue
        items_by_sheet[sheet].append((int(rt.cell(r, 2).value), json.loads(joined(r))))

    # —— 表名：封面、每个领域一张（目录的领域顺序）、往返表。
    c.eq(wb.sheetnames, ["封面", *domains, ROUNDTRIP], "表名与顺序")
    for name in wb.sheetnames:
        if name != ROUNDTRIP:
            c.eq(wb[name].sheet_state, "visible", f"{name} 的可见性")

    # —— 封面。
    cover = wb["封面"]
    c.eq(cover["A1"].value, clean(origin["catalog"]["title"]), "封面!A1 标题")
    c.true("A1:B1" in {str(m) for m in cover.merged_cells.ranges}, "封面标题没有合并 A1:B1")
    cover_vals = {text(cover.cell(r, 1).value): cover.cell(r, 2).value for r in range(1, cover.max_row + 1)}
    c.eq(cover_vals.get("单位"), unit, "封面 单位")
    c.eq(text(cover_vals.get("事项总数")), str(sum(len(v) for v in items_by_sheet.values())), "封面 事项总数")
    for d in domains:
        c.eq(text(cover_vals.get(d)).removesuffix(".0"), str(len(items_by_sheet.get(d, []))), f"封面 {d} 事项数")

    # —— 每个领域表。
    for d in domains:
        ws = wb[d]
        width = ws.max_column  # 先取：openpyxl 读一个不存在的格会创建它
        has_level = width >= 13 and ws["M2"].value is not None
        ncols = 14 if has_level else 12
        last = get_column_letter(ncols)
        merges = {str(m) for m in ws.merged_cells.ranges}
        c.eq(width, ncols, f"{d} 栏数")

        # 标题：〈单位〉〈领域〉领域基层政务公开标准目录，跨全表合并。
        c.eq(ws["A1"].value, f"{unit}{d}领域基层政务公开标准目录", f"{d}!A1 标题")
        c.true(f"A1:{last}1" in merges, f"{d}：标题没有合并 A1:{last}1（已有 {sorted(merges)}）")

        # 两行表头（catalog-format.md）。
        want_header = set()
        for col, label in SINGLE.items():
            c.eq(ws[f"{col}2"].value, label, f"{d}!{col}2")
            c.eq(ws[f"{col}3"].value, None, f"{d}!{col}3（被合并）")
            want_header.add(f"{col}2:{col}3")
        for (a, b), (group, left, right) in GROUPS.items():
            if (a, b) == ("M", "N") and not has_level:
                continue
            c.eq(ws[f"{a}2"].value, group, f"{d}!{a}2")
            c.eq(ws[f"{a}3"].value, left, f"{d}!{a}3")
            if right is None:
                c.true(ws[f"{b}3"].value in LOWER_LABELS, f"{d}!{b}3：下级一栏应为 乡级/镇级/街道，实际 {ws[f'{b}3'].value!r}")
            else:
                c.eq(ws[f"{b}3"].value, right, f"{d}!{b}3")
            want_header.add(f"{a}2:{b}2")
        for m in sorted(want_header):
            c.true(m in merges, f"{d}：表头缺少合并 {m}")
        for r in (2, 3):
            for col in range(1, ncols + 1):
                cell = ws.cell(r, col)
                if not isinstance(cell, MergedCell):
                    c.true(bool(cell.font.b), f"{d}!{cell.coordinate}：表头不是粗体")

        # 数据行：与往返表的事项逐格比对。
        items = items_by_sheet.get(d, [])
        c.eq([row for row, _ in items], list(range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(items))), f"{d} 数据行号")
        c.eq(ws.max_row, FIRST_DATA_ROW - 1 + len(items), f"{d} 最后一行")
        for seq, (row, it) in enumerate(items, start=1):
            where = f"{d}!第{row}行"
            c.eq(text(ws[f"A{row}"].value), str(seq), f"{where} 序号")
            c.eq(text(ws[f"C{row}"].value), clean(it["l2"]), f"{where} 二级事项")
            c.eq(text(ws[f"D{row}"].value), clean(it["content"]), f"{where} 公开内容")
            c.eq(text(ws[f"E{row}"].value), clean("\n".join(it["basis"])), f"{where} 公开依据")
            c.eq(text(ws[f"F{row}"].value), clean(it["time_limit"]), f"{where} 公开时限")
            c.eq(text(ws[f"G{row}"].value), clean(it["subject"]), f"{where} 公开主体")
            checklist_ok(c, text(ws[f"H{row}"].value), it["channels"], where)
            specific = "特定群体" in it["audience"]
            group = (it.get("audience_group") or "").strip()
            flags = {
                "I": TICK if "全社会" in it["audience"] else "",
                "J": (f"{TICK}（{clean(it['audience_group'])}）" if group else TICK) if specific else "",
                "K": TICK if "主动" in it["mode"] else "",
                "L": TICK if "依申请" in it["mode"] else "",
            }
            if has_level:
                flags["M"] = TICK if "县级" in it["level"] else ""
                flags["N"] = TICK if "乡级" in it["level"] else ""
            for col, want in flags.items():
                c.eq(text(ws[f"{col}{row}"].value), want, f"{where} {col} 栏勾选")

        # 一级事项：同名连续两行及以上纵向合并，值在首行；单行不合并。
        want_l1 = set()
        start = 0
        for i in range(1, len(items) + 1):
            if i == len(items) or items[i][1]["l1"] != items[start][1]["l1"]:
                first = FIRST_DATA_ROW + start
                c.eq(text(ws[f"B{first}"].value), clean(items[start][1]["l1"]), f"{d}!B{first} 一级事项")
                if i - start > 1:
                    want_l1.add(f"B{first}:B{FIRST_DATA_ROW + i - 1}")
                start = i
        got_body = {m for m in merges if int(re.sub(r"\D", "", m.split(":")[0])) >= FIRST_DATA_ROW}
        c.eq(sorted(got_body), sorted(want_l1), f"{d} 一级事项的纵向合并")

        check_print_setup(c, ws, d)
        if items:
            check_cell_formats(c, ws, d, len(items), ncols)

    # —— 全部单元格：没有公式；没有控制字符；以 = + - @ 开头的文字仍是文字。
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                c.true(cell.data_type != "f", f"{ws.title}!{cell.coordinate} 是公式：{cell.value!r}")
                if isinstance(cell.value, str):
                    c.true(not CONTROL.search(cell.value) and not ESCAPED_CONTROL.search(cell.value),
                           f"{ws.title}!{cell.coordinate} 含控制字符：{cell.value[:40]!r}")
                    c.true(len(cell.value) <= 32767, f"{ws.title}!{cell.coordinate} 超过 32767 个字符")
    return c


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    c = check(sys.argv[1])
    if c.errors:
        for e in c.errors[:50]:
            print(f"  ✗ {e}", file=sys.stderr)
        if len(c.errors) > 50:
            print(f"  …… 另有 {len(c.errors) - 50} 处", file=sys.stderr)
        print(f"openpyxl 核对失败：{len(c.errors)} 处不符（共 {c.checks} 项检查）", file=sys.stderr)
        return 1
    print(f"openpyxl {openpyxl.__version__} 核对通过：{sys.argv[1]}（{c.checks} 项检查）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
