#!/usr/bin/env python3
"""Author schemas/guidelines/*.json and schemas/guideline-legends.json from the collected facts.

Usage: python3 schemas/tools/author_guidelines.py ../shared/reference/guidelines

Takes what the fact files hold and writes one file per domain in the app's format; nothing is added
from memory:

* Value fields (l1, l2, elements, basis, time_limit, subject, channels) are copied exactly, except for
  the few values listed in CLEANUPS below: a remark the collector left inside a value (“（原文截断）”,
  “(奉新: …)”) or an ellipsis that only marks where the copy was cut. Each cleanup names the exact old
  value, and the script stops if the fact no longer holds it.
* Remarks (note, row_note, the domain notes' “ROW NOTES: [n …] …”, process_stage) go to the item's
  `note`.
* `truncated` lists the fields the copy cut off: facts' `truncated_fields` (elements → content), the
  cleanups below, and TRUNCATED_FROM_NOTES (a row note quoting that the field was cut).
* Carriers: a fact row lists the carriers a copy marked (■ or √); that does not say whether a carrier
  is required. Every carrier is 未注明 unless the row's own copy has a legend saying ■ = 必选 and
  □ = 可选 (LEGENDS below, each with the legend quoted from the facts). Those rows get 必选 for the
  marked carriers and 可选 for the □ carriers the facts list. LEGENDS is also written to
  schemas/guideline-legends.json, which a test checks the library against (CI has no facts folder).
* `national`: the size of the official national table where a source states it (NATIONAL below).

Item ids (`NN.MMM`) are stable forever: an item keeps the id it has in the current file (matched by
一级/二级 name, with remarks stripped, then by source and row order), new rows get ids after the
domain's highest id, and an id whose row has gone is reported and never reused. The script prints the
mapping; check it by eye before committing.
"""
import json
import pathlib
import re
import sys

DATA_VERSION = "2026.12-1"

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

# facts field -> model Field (serde name)
FIELD = {"l1": "l1", "l2": "l2", "elements": "content", "basis": "basis",
         "time_limit": "time_limit", "subject": "subject", "channels": "channels"}
FIELD_ORDER = ["l1", "l2", "content", "basis", "time_limit", "subject", "channels"]

# Values in the facts that still hold a remark, or an ellipsis marking where the copy was cut.
# (domain, fact row 1-based, facts field, exact value, replacement, truncated?, note)
CLEANUPS = [
    ("公共资源交易", 4, "elements", "中标候选人按照招标文件要求承诺的项目负责人等信息（原文截断）",
     "中标候选人按照招标文件要求承诺的项目负责人等信息", True,
     "公开内容最后一项原文截断"),
    ("公共资源交易", 5, "channels", "省级（含计划单列市）财政部门指定的媒体（原文截断）",
     "省级（含计划单列市）财政部门指定的媒体", True,
     "载体“省级（含计划单列市）财政部门指定的媒体”原文截断"),
    ("涉农补贴", 4, "subject", "县级农业农村部门 (奉新: 奉新县农业农村局)", "县级农业农村部门", False,
     "公开主体：奉新副本作“奉新县农业农村局”"),
    ("财政预决算", 3, "elements", "一般公共预算基本支出表公开到经济分类项级科目（原文如此）",
     "一般公共预算基本支出表公开到经济分类项级科目", False,
     "“一般公共预算基本支出表公开到经济分类项级科目”原文如此"),
    ("保障性住房", 4, "basis", "《住房城乡建设部办公厅关于…》", "《住房城乡建设部办公厅关于", True,
     "公开依据最后一项截断于“关于”"),
    ("扶贫", 5, "elements", "退出程序（民主评议、村两委和驻村工作队核实、贫困户认可…）",
     "退出程序（民主评议、村两委和驻村工作队核实、贫困户认可", True,
     "公开内容“退出程序（…）”截断于“贫困户认可”（row note: 退出程序 element truncated in tuwife copy as read）"),
    # values the collector completed from a sibling row (facts: “completed by analogy with row 1
    # (inferred)”, “channels as 康巴什 rows 1-2 (row 4 channels cut)”): only what the copy showed is kept.
    ("征地补偿", 2, "subject", "县（市、区）自然资源主管部门和负责农村集体土地征收的有关部门", "县（市、区）", True,
     "公开主体原文截断于“县（市、区）”；收集时按第 1 行补全的部分未收录"),
    ("救灾", 4, "channels", ["政府网站", "两微一端", "公开查阅点", "政务服务中心"], [], True,
     "本行的载体格截断未见；收集时照第 1、2 行补上的载体未收录"),
    # names and titles the copy cut off, which the collector completed (the note quotes what was seen)
    ("城乡规划", 7, "l2", "部分村庄编制完成的村庄规划、村土地利用规划", "部分村庄编制完成的村庄规划、村土地利用规",
     True, "二级事项原文截断于“村土地利用规”（row note: l2 text truncated at '村土地利用规' in copy as read）"),
    ("扶贫", 6, "l2", "财政专项扶贫资金", "财政专项扶贫资", True,
     "二级事项只见开头“财政专项扶贫资…”"),
    ("安全生产", 10, "basis", "《突发事件应急预案管理办法》", "《突发事件应急预案管理", True,
     "公开依据截断于“《突发事件应急预案管理…”"),
    ("公共法律服务", 5, "basis", "《法律援助条例》", "《法律援", True,
     "公开依据截断于“《法律援…”（gdmx 副本）"),
    ("社会救助", 12, "channels", ["政府网站"], [], True,
     "载体格截断于第一个载体“■政府…”，是哪个载体看不出"),
]

# Fields a row's note says the copy cut off although the facts' truncated_fields does not list them:
# (domain, fact row, facts field, text quoted from the facts).
TRUNCATED_FROM_NOTES = [
    ("征地补偿", 3, "basis", "basis truncated after '1.《土地管理法》;'"),
    ("征地补偿", 6, "channels", "channels list truncated"),
    ("城市综合执法", 6, "basis", "basis cut after 城乡规划法"),
    ("就业", 3, "basis", "basis list cut off in copy as read"),
    ("重大建设项目", 2, "channels", "channels from sxly first two visible (truncated)"),
    ("重大建设项目", 3, "channels", "channels truncated after 纸质媒体"),
    ("重大建设项目", 11, "channels", "channels truncated"),
    ("食品药品监管", 2, "channels", "shows ■政府网站 on first carrier line, rest cut"),
    ("财政预决算", 2, "elements", "copy as read truncated after first element group"),
    ("公共文化服务", 5, "basis", "copy as read cut inside basis cell"),
    ("公共文化服务", 9, "basis", "copy as read cut inside basis cell"),
    ("社会救助", 9, "basis", "copy as read cut inside basis/time cells"),
]

# Rows whose own copy has a legend saying which carriers are required. `quote` must occur verbatim
# in the facts (domain notes or the row's note); `optional` lists the □ carriers the facts name, each
# as (name in the library, text in the facts).
LEGENDS = [
    {
        "domain": "市政服务",
        "rows": [1, 2],
        "source": "http://www.fsxf.gov.cn/zfxxgk/ins.asp?s=10332&i=4275",
        "quote": "“■”表示必选项，“□”表示可选项",
        "where": "fsxf 副本（2021-09-30）的表头图例；facts 第 1、2 行的 note："
                 "“fsxf legend: “■”表示必选项，“□”表示可选项 — only 政府网站 is ■ (必选); "
                 "the other 12 carriers are □”",
        "optional": [("政府公报", "政府公报"), ("两微一端", "两微一端"), ("发布会/听证会", "发布会/听证会"),
                     ("广播电视", "广播电视"), ("纸质媒体", "纸质媒体"), ("公开查阅点", "公开查阅点"),
                     ("政务服务中心", "政务服务中心"), ("便民服务站", "便民服务站"), ("入户/现场", "入户/现场"),
                     ("社区/企事业单位/村公示栏（电子屏）", "社区/企事业单位/村公示栏（电子屏）"),
                     ("精准推送", "精准推送"), ("其他", "其他_")],
    },
    {
        "domain": "城市综合执法",
        "rows": [1, 2, 3],
        "source": "https://www.abg.gov.cn/abg/ztzl/jczwgkpt/jczwgkbzmlyssqk/cszhzfly/gkbzml/index.html",
        "quote": "（“■”表示必选项，“□”表示可选项）",
        "where": "ABG（阿巴嘎旗）副本“公开渠道和载体”表头；facts 领域 notes："
                 "“The 公开渠道和载体 header carries the legend '（“■”表示必选项，“□”表示可选项）' in ABG”；"
                 "第 1 行 note：“ABG (Inner Mongolia) copy rows 1-3”",
        "optional": [],
    },
    {
        "domain": "农村危房改造",
        "rows": [2, 3],
        "source": "http://www-liangqing-gov-cn.njmu.s5.bt8.net/lqzt/jczwgkbzhgfhzl/t5864685.html",
        "quote": "（“■”表示必选项，“□”表示可选项）",
        "where": "良庆（Liangqing）副本的载体表头；facts 领域 notes：“The national-style copies "
                 "(Liangqing, Changshou) have ... the carrier header note '（“■”表示必选项，“□”表示可选项）'”",
        "optional": [],
    },
]

# Legends mentioned in the facts that do not support a label for any row, and why.
NOT_SUPPORTED = [
    {"domain": "保障性住房",
     "why": "facts 领域 notes 说本领域表头写有“公开渠道和载体（“■”表示必选项，“□”表示可选项）”，"
            "但没有说是哪一份副本；“●”/“〇”图例只针对公开内容（要素）。按来源行无法确认，载体记为未注明。"},
    {"domain": "征地补偿",
     "why": "“▲”（可选/推荐）与“■”“□”的区分是收集者对模板的说明，没有引用副本自己的图例文字；"
            "载体记为未注明，▲ 见事项说明。"},
    {"domain": "食品药品监管",
     "why": "pj.gov.cn 表头的“(用“■”标注)”只说怎样打勾，不说必选/可选。"},
]

# National table size, where a source states it: (l1, l2, quoted text, url)
NATIONAL = {
    "就业": (9, 25,
             "收集记录：“Guideline scope text (huayuan.gov.cn copy of the ministry notice) says the "
             "catalog has 9 类一级事项 and 25 类二级事项”",
             "http://www.huayuan.gov.cn/zwgk_23240/bmxxgk_23259/xzfgzbm/xrlzyhshbzj/wjtz/202308/"
             "t20230830_2055235.html"),
    "义务教育": (10, None,
                 "收集记录：“Xinhua (2019-06-19 ...) states the 教育部 guideline's catalog has 10 一级事项: "
                 "政策文件、教育概况、民办学校信息、财务信息、招生管理、学生管理、教师管理、重要政策执行情况、"
                 "教育督导公开、校园安全”",
                 "http://qiwenreping.com/politics/2019-06/19/c_1124645417.htm"),
}


def name_key(s: str) -> str:
    """一级/二级 name without the remarks the old library carried (“…（cut off）”, “(local)”)."""
    s = s or ""
    s = re.split(r"…|\.\.\.|（cut|\(cut", s)[0]
    s = re.sub(r"\s*[（(][^（）()]*[A-Za-z][^（）()]*[）)]", "", s)
    return re.sub(r"\s+", "", s)


def final(domain: str, rn: int, row: dict, field: str) -> str:
    """A name field as it will be written: the fact's value, or its CLEANUPS replacement."""
    for (dom, r, f, old, new, *_rest) in CLEANUPS:
        if (dom, r, f) == (domain, rn, field) and row.get(field) == old:
            return new
    return row.get(field) or ""


def row_notes(domain_notes: str) -> dict:
    """“ROW NOTES: [1 l1/l2] text | [3 …] text” inside the domain notes → {row: [text]}."""
    out: dict = {}
    if "ROW NOTES:" not in domain_notes:
        return out
    tail = domain_notes.split("ROW NOTES:", 1)[1]
    for m in re.finditer(r"\[(\d+) ([^\]]*)\] (.*?)(?= \| \[\d+ |$)", tail, re.S):
        text = m.group(3).strip().rstrip("|").strip()
        if text:
            out.setdefault(int(m.group(1)), []).append(text)
    return out


def facts_text(facts: dict, row: dict) -> str:
    return "\n".join([facts.get("notes") or "", row.get("note") or "", row.get("row_note") or ""])


def assign_ids(number: int, name: str, rows: list, previous: list, report: list) -> list:
    """Ids for the fact rows: the previous item's id (by name, then by source + row order)."""
    used = set()
    ids = [None] * len(rows)
    keys_prev = [(name_key(p["l1"]), name_key(p["l2"])) for p in previous]
    how = [None] * len(rows)
    for i, r in enumerate(rows):
        # the name as the facts hold it, and as written after CLEANUPS (either may be in the file)
        ks = {(name_key(r.get("l1") or ""), name_key(r.get("l2") or "")),
              (name_key(final(name, i + 1, r, "l1")), name_key(final(name, i + 1, r, "l2")))}
        for j, kp in enumerate(keys_prev):
            if j not in used and kp in ks:
                used.add(j)
                ids[i] = previous[j]["id"]
                how[i] = "name"
                break
    # by source and row order among the rows of that source
    for i, r in enumerate(rows):
        if ids[i] is not None:
            continue
        nth = sum(1 for x in rows[:i] if x["source"] == r["source"])
        same = [j for j, p in enumerate(previous) if p["source"] == r["source"]]
        if nth < len(same) and same[nth] not in used:
            j = same[nth]
            used.add(j)
            ids[i] = previous[j]["id"]
            how[i] = "source+order"
    top = max([int(p["id"].split(".")[1]) for p in previous] or [0])
    for i in range(len(rows)):
        if ids[i] is None:
            top += 1
            ids[i] = f"{number:02}.{top:03}"
            how[i] = "new"
    for i, r in enumerate(rows):
        old = next((p for p in previous if p["id"] == ids[i]), None)
        now = (final(name, i + 1, r, "l1"), final(name, i + 1, r, "l2"))
        line = f"  {ids[i]} row {i + 1:2} [{how[i]}] {now[0]} / {now[1]}"
        if old and (old["l1"], old["l2"]) != now:
            line += f"   (was: {old['l1']} / {old['l2']})"
        report.append(line)
    for j, p in enumerate(previous):
        if j not in used:
            report.append(f"  {p['id']} DROPPED: {p['l1']} / {p['l2']} — row no longer in the facts")
    return ids


def main(src: pathlib.Path, out: pathlib.Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    report: list = []
    legends_out = []
    cleanups_done = set()
    totals = {"items": 0, "必选": 0, "可选": 0, "未注明": 0}
    for number, name, aliases in DOMAINS:
        facts = json.loads((src / f"{name}.json").read_text("utf-8"))
        path = out / f"{number:02}-{name}.json"
        previous = json.loads(path.read_text("utf-8"))["items"] if path.exists() else []
        rows = facts["items"]
        report.append(f"{path.name}: {len(previous)} → {len(rows)} items")
        ids = assign_ids(number, name, rows, previous, report)
        extra_notes = row_notes(facts.get("notes") or "")
        legend_rows = {}
        for lg in LEGENDS:
            if lg["domain"] != name:
                continue
            entry = {"domain": name, "items": [], "source": lg["source"], "legend": lg["quote"],
                     "where": lg["where"], "required": [], "optional": [n for n, _ in lg["optional"]]}
            for rn in lg["rows"]:
                row = rows[rn - 1]
                assert row["source"] == lg["source"], (name, rn, row["source"])
                text = facts_text(facts, row)
                assert lg["quote"] in text, (name, rn, "legend not quoted in the facts")
                for _, written in lg["optional"]:
                    assert written in text, (name, rn, written, "optional carrier not in the facts")
                legend_rows[rn] = lg
                entry["items"].append(ids[rn - 1])
                for c in row.get("channels") or []:
                    if c not in entry["required"]:
                        entry["required"].append(c)
            legends_out.append(entry)
        items = []
        for i, row in enumerate(rows, start=1):
            row = dict(row)
            truncated = {FIELD[f] for f in (row.get("truncated_fields") or [])}
            notes = []
            if row.get("process_stage"):
                notes.append(f"过程：{row['process_stage']}")
            notes += [row[k] for k in ("note", "row_note") if row.get(k)]
            notes += [f"行注：{t}" for t in extra_notes.get(i, [])]
            for (dom, rn, field, old, new, cut, why) in CLEANUPS:
                if dom != name or rn != i:
                    continue
                v = row.get(field)
                if isinstance(v, list) and isinstance(old, list):
                    assert v == old, (dom, rn, field, v)
                    row[field] = new
                elif isinstance(v, list):
                    assert old in v, (dom, rn, field, old)
                    row[field] = [new if x == old else x for x in v]
                else:
                    assert v == old, (dom, rn, field, v)
                    row[field] = new
                if cut:
                    truncated.add(FIELD[field])
                notes.append(f"整理：{why}")
                cleanups_done.add((dom, rn, field))
            for (dom, rn, field, quote) in TRUNCATED_FROM_NOTES:
                if dom == name and rn == i:
                    assert quote in facts_text(facts, rows[i - 1]), (dom, rn, quote)
                    assert row.get(field), (dom, rn, field, "nothing recorded, nothing to mark")
                    truncated.add(FIELD[field])
                    cleanups_done.add((dom, rn, field, "note"))
            lg = legend_rows.get(i)
            carriers = []
            for c in row.get("channels") or []:
                carriers.append({"name": c, "requirement": "必选" if lg else "未注明"})
            if lg:
                for n, _ in lg["optional"]:
                    if not any(c["name"] == n for c in carriers):
                        carriers.append({"name": n, "requirement": "可选"})
                notes.append(f"载体：来源副本图例{lg['quote']}")
            for c in carriers:
                totals[c["requirement"]] += 1
            item = {
                "id": ids[i - 1],
                "l1": row.get("l1") or "",
                "l2": row.get("l2") or "",
                "elements": row.get("elements") or [],
                "basis": row.get("basis") or [],
                "time_limit": row.get("time_limit"),
                "subject": row.get("subject"),
                "carriers": carriers,
                "audience": row.get("audience") or [],
                "audience_group": None,
                "mode": row.get("mode") or [],
                "level": row.get("level") or [],
                "source": row["source"],
                "note": "；".join(n.strip() for n in notes if n.strip()) or None,
            }
            if truncated:
                item["truncated"] = [f for f in FIELD_ORDER if f in truncated]
            items.append(item)
        totals["items"] += len(items)
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
            "notes": facts.get("notes") or "",
        }
        if name in NATIONAL:
            l1, l2, quote, url = NATIONAL[name]
            domain["national"] = {"l1": l1, "l2": l2, "source": f"{quote} — {url}"}
        domain["items"] = items
        path.write_text(json.dumps(domain, ensure_ascii=False, indent=1) + "\n", "utf-8")
    missing = ({(d, r, f) for (d, r, f, *_rest) in CLEANUPS}
               | {(d, r, f, "note") for (d, r, f, _q) in TRUNCATED_FROM_NOTES}) - cleanups_done
    assert not missing, missing
    legends = {
        "about": "载体必选/可选的依据：只有来源副本自己的图例写明“■表示必选项，□表示可选项”的事项，"
                 "载体才标必选（■）或可选（□）；其余载体为未注明。由 schemas/tools/author_guidelines.py "
                 "生成，测试 mulu-core/tests/guideline_data.rs 据此核对内置指引库。",
        "data_version": DATA_VERSION,
        "legends": legends_out,
        "not_supported": NOT_SUPPORTED,
    }
    (out.parent / "guideline-legends.json").write_text(json.dumps(legends, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print("\n".join(report))
    print(f"total {totals['items']} items; carriers: 必选 {totals['必选']}, 可选 {totals['可选']}, "
          f"未注明 {totals['未注明']}")


if __name__ == "__main__":
    here = pathlib.Path(__file__).resolve().parent.parent
    main(pathlib.Path(sys.argv[1]), here / "guidelines")
