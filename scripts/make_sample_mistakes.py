"""Writes the two review-demo submissions in samples/ with openpyxl — a writer independent of the app —
each with typical mistakes at known cells (samples/README.md lists them; the Rust test
src-tauri/crates/mulu-cli/tests/samples.rs checks that `mulu check` finds them there).

Item texts come from the built-in guideline library (schemas/guidelines/*.json); where the library copy
lacks a field, the same fill-ins as the app's sample generator are used (the unit as 公开主体, the
regulation's 20-working-day limit, the regulation itself as basis). Nothing else is made up.

Usage: tests/.venv/bin/python scripts/make_sample_mistakes.py [OUT_DIR]   (scripts/make-samples.sh runs it)
"""

from __future__ import annotations

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
from xlsx_writers import Grid, Look, write_openpyxl  # noqa: E402

CARRIERS = ["政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点",
            "政务服务中心", "便民服务站", "入户/现场", "社区/企事业单位/村公示栏（电子屏）", "精准推送", "其他"]
ART26 = "信息形成或者变更之日起20个工作日内"
REGULATION = "《中华人民共和国政府信息公开条例》（国务院令第711号）"
REPEALED = "《中华人民共和国政府信息公开条例》（国务院令第492号）"
LOOK = Look(font="宋体", body_size=10, borders=True, freeze_rows=3)


def guideline(domain: str) -> list[dict]:
    (path,) = (ROOT / "schemas" / "guidelines").glob(f"*-{domain}.json")
    return json.loads(path.read_text(encoding="utf-8"))["items"]


def row_of(item: dict, unit: str, lower: bool) -> dict:
    """The visible cells of one catalog row, as a compiler would fill them from the guideline item."""
    carriers = [c["name"] for c in item.get("carriers") or []] or ["政府网站"]
    return {
        "l1": item.get("l1") or "",
        "l2": item.get("l2") or "",
        "content": "、".join(item.get("elements") or []) + ("等" if item.get("elements") else ""),
        "basis": "\n".join(b for b in item.get("basis") or [] if b.strip()) or REGULATION,
        "time": item.get("time_limit") or ART26,
        "subject": item.get("subject") or unit,
        "carriers": " ".join(("■" if c in carriers else "□") + c for c in CARRIERS),
        "audience": ["全社会"],
        "mode": ["主动"],
        "level": ["乡级"] if lower else ["县级"],
    }


def sheet(unit: str, domain: str, rows: list[dict], lower_label: str) -> Grid:
    g = Grid()
    g.put(1, 1, f"{unit}{domain}领域基层政务公开标准目录", "title")
    g.merge(1, 1, 1, 14)
    for c, text in [(1, "序号"), (4, "公开内容（要素）"), (5, "公开依据"), (6, "公开时限"), (7, "公开主体"),
                    (8, "公开渠道和载体")]:
        g.put(2, c, text, "header")
        g.merge(2, c, 3, c)
    for c, top, subs in [(2, "公开事项", ["一级事项", "二级事项"]), (9, "公开对象", ["全社会", "特定群体"]),
                         (11, "公开方式", ["主动", "依申请"]), (13, "公开层级", ["县级", lower_label])]:
        g.put(2, c, top, "header")
        g.merge(2, c, 2, c + 1)
        g.put(3, c, subs[0], "header")
        g.put(3, c + 1, subs[1], "header")
    for i, r in enumerate(rows):
        n = 4 + i
        g.put(n, 1, str(i + 1))
        for c, key in [(2, "l1"), (3, "l2"), (4, "content"), (5, "basis"), (6, "time"), (7, "subject"),
                       (8, "carriers")]:
            g.put(n, c, r[key])
        for c, key, word in [(9, "audience", "全社会"), (10, "audience", "特定群体"), (11, "mode", "主动"),
                             (12, "mode", "依申请"), (13, "level", "县级"), (14, "level", "乡级")]:
            g.put(n, c, "√" if word in r[key] else "")
    for c, w in {1: 6, 2: 14, 3: 18, 4: 30, 5: 34, 6: 18, 7: 18, 8: 40}.items():
        g.widths[c] = w
    return g


def township(out: pathlib.Path) -> None:
    unit = "某某县某某镇人民政府"
    rows = [row_of(i, unit, True) for i in guideline("社会救助")]
    # Row 4 (05.001): the ■/□ boxes came out of a Wingdings font as `t` and `口`.
    rows[0]["carriers"] = rows[0]["carriers"].replace("■", "t").replace("□", "口")
    # Row 5 (05.002): 公开时限 left empty.
    rows[1]["time"] = ""
    # Row 6 (05.003): cites the 2007 regulation (国务院令第492号), replaced in 2019.
    rows[2]["basis"] = REPEALED
    # Row 7 (05.004): both 主动 and 依申请 ticked.
    rows[3]["mode"] = ["主动", "依申请"]
    write_openpyxl(out / "mistakes-township.xlsx", [("社会救助", sheet(unit, "社会救助", rows, "乡级"))],
                   "samples/make_sample_mistakes.py", LOOK)


def street(out: pathlib.Path) -> None:
    unit = "某某县某某街道办事处"
    rows = [row_of(i, unit, True) for i in guideline("就业")]
    # Row 7: 岗位信息发布 (row 5) entered a second time at the end.
    rows.append(dict(rows[1]))
    # Row 4 (09.001): neither 全社会 nor 特定群体 ticked.
    rows[0]["audience"] = []
    # Row 6 (09.003): 公开时限 typed with full-width digits.
    rows[2]["time"] = "信息形成或者变更之日起２０个工作日内"
    write_openpyxl(out / "mistakes-street.xlsx", [("就业", sheet(unit, "就业", rows, "街道"))],
                   "samples/make_sample_mistakes.py", LOOK)


def main() -> None:
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "samples"
    out.mkdir(parents=True, exist_ok=True)
    township(out)
    street(out)


if __name__ == "__main__":
    main()
