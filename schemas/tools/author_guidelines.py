#!/usr/bin/env python3
"""Author schemas/guidelines/*.json from the collected guideline facts.

Usage: python3 schemas/tools/author_guidelines.py ../shared/reference/guidelines

Takes exactly what the fact files hold (items, elements, bases, limits, subjects, carriers, flags,
per-row source and notes) and writes one file per domain in the app's format; nothing is added.
A carrier listed in a fact row was ticked (■) in the guideline copy, so it is recorded as 必选.
Domains with no recovered rows (市政服务) get an empty item list. Every domain is `部分`.
Item ids are `NN.MMM` (domain number, row number) and must never be renumbered once published:
when the facts grow, append new ids after the highest one.
"""
import json
import pathlib
import sys

DATA_VERSION = "2026.11-1"

# (number, name, aliases) in the order of shared/reference/domains.md
DOMAINS = [
    (1, "重大建设项目", []), (2, "公共资源交易", ["公共资源配置"]), (3, "义务教育", []),
    (4, "户籍管理", []), (5, "社会救助", []), (6, "养老服务", []), (7, "公共法律服务", []),
    (8, "财政预决算", []), (9, "就业", []), (10, "社会保险", []), (11, "城乡规划", []),
    (12, "征地补偿", ["农村集体土地征收"]), (13, "生态环境", ["环境保护"]), (14, "保障性住房", []),
    (15, "国有土地上房屋征收与补偿", ["国有土地上房屋征收"]), (16, "农村危房改造", []),
    (17, "市政服务", []), (18, "城市综合执法", []), (19, "涉农补贴", []), (20, "扶贫", ["乡村振兴"]),
    (21, "公共文化服务", []), (22, "安全生产", []), (23, "救灾", []), (24, "卫生健康", ["医疗卫生"]),
    (25, "食品药品监管", ["药品监管", "市场监管"]), (26, "税收管理", []),
]


def main(src: pathlib.Path, out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for number, name, aliases in DOMAINS:
        f = src / f"{name}.json"
        facts = json.loads(f.read_text("utf-8")) if f.exists() else {"items": []}
        items = []
        for i, row in enumerate(facts["items"], start=1):
            notes = [row.get(k) for k in ("note", "row_note") if row.get(k)]
            if row.get("process_stage"):
                notes.insert(0, f"过程：{row['process_stage']}")
            item = {
                "id": f"{number:02}.{i:03}",
                "l1": row.get("l1") or "",
                "l2": row.get("l2") or "",
                "elements": row.get("elements") or [],
                "basis": row.get("basis") or [],
                "time_limit": row.get("time_limit"),
                "subject": row.get("subject"),
                "carriers": [{"name": c, "requirement": "必选"} for c in (row.get("channels") or [])],
                "audience": row.get("audience") or [],
                "audience_group": None,
                "mode": row.get("mode") or [],
                "level": row.get("level") or [],
                "source": row["source"],
                "note": "；".join(notes) or None,
            }
            items.append(item)
        notes = facts.get("notes") or ""
        if not f.exists():
            notes = "已公开的指引副本中未能读出本领域的表格行；请导入官方指引工作簿补全。"
        domain = {
            "name": name,
            "number": number,
            "aliases": aliases,
            "ministry": facts.get("ministry"),
            "guideline_title": facts.get("guideline_title"),
            "issued": facts.get("issued"),
            "data_version": DATA_VERSION,
            "status": "部分",
            "confidence": facts.get("confidence"),
            "sources": facts.get("sources") or [],
            "notes": notes,
            "items": items,
        }
        path = out / f"{number:02}-{name}.json"
        path.write_text(json.dumps(domain, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"{path.name}: {len(items)} items")


if __name__ == "__main__":
    here = pathlib.Path(__file__).resolve().parent.parent
    main(pathlib.Path(sys.argv[1]), here / "guidelines")
