#!/usr/bin/env python3
"""Write benchmark inputs for the importer / reviewer (run with tests/.venv/bin/python).

    tests/.venv/bin/python tests/bench/make_inputs.py [OUT_DIR]     (default: target/bench-inputs/)

Produces, deterministically (seeded random, fixed document properties):
  catalog-20000.xlsx   26 sheets, one per pilot domain, official layout (title row + two-row header),
                       20,000 item rows in all, 一级事项 merged vertically over runs of 3-8 rows.
  submissions/NNN-<township>.xlsx
                       300 township catalogs of about 200 items each (3-6 domain sheets), with a
                       sprinkle of problems a reviewer would flag (see manifest.json: per file, the
                       sheet, 1-based row and kind of every injected problem).
  submission-5000.xlsx
                       one township submission with a single 社会救助 sheet of 5,000 items (the same
                       injected problems, about 2 %): the desk's table view opens it (docs/benchmarks.md).
All are written with XlsxWriter (default mode, not constant_memory, so merges work).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sys
import time

import xlsxwriter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

DOMAINS = ["重大建设项目", "公共资源交易", "义务教育", "户籍管理", "社会救助", "养老服务", "公共法律服务",
           "财政预决算", "就业", "社会保险", "城乡规划", "征地补偿", "生态环境", "保障性住房",
           "国有土地上房屋征收与补偿", "农村危房改造", "市政服务", "城市综合执法", "涉农补贴", "扶贫",
           "公共文化服务", "安全生产", "救灾", "卫生健康", "食品药品监管", "税收管理"]
STD = ["政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点",
       "政务服务中心", "便民服务站", "入户/现场", "社区/企事业单位/村公示栏（电子屏）", "精准推送", "其他"]
COMMON_CHOSEN = ["政府网站", "两微一端", "公开查阅点", "政务服务中心", "便民服务站", "社区/企事业单位/村公示栏（电子屏）"]
L1_STEMS = ["政策文件", "办事指南", "行政许可", "行政处罚", "行政检查", "公共服务", "监督管理", "结果公开",
            "资金管理", "项目实施", "审核审批", "信息发布", "监督举报", "应急处置", "统计信息", "规划计划"]
L2_STEMS = ["法律法规", "规范性文件", "政策解读", "办理流程", "申请材料", "审核结果", "审批结果", "公示名单",
            "资金发放", "检查结果", "处罚决定", "咨询方式", "投诉渠道", "年度报告", "工作动态", "实施方案",
            "标准规范", "服务指南", "办理进度", "备案信息"]
CONTENT = ["办理事项、办理条件、申请材料、办理流程、办理时限、办理地点、咨询电话等",
           "文件名称、文号、发布部门、发布日期、实施日期、正文",
           "对象姓名、所在村（社区）、补助标准、发放金额等",
           "检查对象、检查时间、检查结果、整改要求等",
           "处罚决定书、违法事实、处罚依据、处罚结果",
           "项目名称、实施地点、建设内容、资金来源、实施进度"]
BASIS = ["【行政法规】《中华人民共和国政府信息公开条例》（国务院令第711号）",
         "【行政法规】《社会救助暂行办法》（国务院令第649号）",
         "【法律】《中华人民共和国预算法》",
         "【法律】《中华人民共和国行政许可法》",
         "【规范性文件】《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）",
         "【部门规章】《政府采购信息发布管理办法》（财政部令第101号）"]
TIME = ["信息形成或者变更之日起20个工作日内", "实时", "及时公开", "办理完成后5个工作日内",
        "制定或获取信息之日起10个工作日内，公示7个工作日"]
SUBJ = ["县级{d}主管部门", "乡镇人民政府（街道办事处）", "县级{d}主管部门、乡镇人民政府（街道办事处）"]
UNKNOWN_CARRIERS = ["微信工作群", "乡村大喇叭", "镇政府门户网", "村务微信公众号", "电子显示屏幕"]
PROBLEMS = ["empty_time_limit", "both_modes", "repealed_basis_492", "title_without_shuminghao",
            "ditto_at_top", "unknown_carrier", "duplicate_item"]
HEAD1 = ["序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
         "公开对象", "", "公开方式", "", "公开层级", ""]
HEAD2 = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"]
WIDTHS = [5, 14, 18, 36, 40, 20, 16, 30, 6, 6, 6, 6, 6, 6]
FIXED_TIME = dt.datetime(2024, 1, 1)


def formats(wb):
    return {
        "title": wb.add_format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"}),
        "head": wb.add_format({"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1}),
        "body": wb.add_format({"valign": "vcenter", "text_wrap": True, "border": 1}),
    }


def write_header(ws, f, title):
    ws.merge_range(0, 0, 0, 13, title, f["title"])
    for c in range(14):
        if c in (1, 8, 10, 12):
            ws.merge_range(1, c, 1, c + 1, HEAD1[c], f["head"])
        elif c in (2, 9, 11, 13):
            pass
        else:
            ws.merge_range(1, c, 2, c, HEAD1[c], f["head"])
        if HEAD2[c]:
            ws.write_string(2, c, HEAD2[c], f["head"])
    for c, w in enumerate(WIDTHS):
        ws.set_column(c, c, w)


def runs(rng, n):
    """Split n rows into runs of 3..8 (n >= 3)."""
    out = []
    while n > 0:
        k = rng.randint(3, 8)
        if n - k < 3 and n - k != 0:
            k = n if n <= 8 else n - 3
        out.append(k)
        n -= k
    return out


def make_item(rng, d, l1, j):
    chosen = sorted(rng.sample(COMMON_CHOSEN, rng.randint(1, 4)), key=STD.index)
    cell = " ".join(("■" if s in chosen else "□") + s for s in STD)
    basis = "\n".join(rng.sample(BASIS, rng.randint(1, 3)))
    aud = rng.random() < 0.85
    return {
        "l1": l1, "l2": f"{rng.choice(L2_STEMS)}{j}", "content": rng.choice(CONTENT), "basis": basis,
        "time": rng.choice(TIME), "subject": rng.choice(SUBJ).format(d=d), "channels": cell,
        "flags": ["√" if aud else "", "" if aud else "√", "√" if aud else "", "" if aud else "√",
                  "√" if rng.random() < 0.8 else "", "√" if rng.random() < 0.7 else ""],
    }


def write_items(ws, f, items, run_lengths, first_row=3, seq=True):
    r0 = first_row
    i = 0
    for k in run_lengths:
        l1 = items[i]["l1"]
        if k > 1:
            ws.merge_range(r0 + i, 1, r0 + i + k - 1, 1, "", f["body"])
        ws.write_string(r0 + i, 1, l1, f["body"])
        for t in range(i, i + k):
            it = items[t]
            r = r0 + t
            if seq:
                ws.write_number(r, 0, t + 1, f["body"])
            for c, key in ((2, "l2"), (3, "content"), (4, "basis"), (5, "time"), (6, "subject"), (7, "channels")):
                if it[key]:
                    ws.write_string(r, c, it[key], f["body"])
            for c, v in enumerate(it["flags"], start=8):
                if v:
                    ws.write_string(r, c, v, f["body"])
        i += k


def make_big(path, rng):
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"author": "tests/bench/make_inputs.py", "created": FIXED_TIME})
    f = formats(wb)
    total = 20000
    per = [total // len(DOMAINS) + (1 if n < total % len(DOMAINS) else 0) for n in range(len(DOMAINS))]
    for d, n in zip(DOMAINS, per):
        ws = wb.add_worksheet(d)
        write_header(ws, f, f"某某县{d}领域基层政务公开标准目录")
        rl = runs(rng, n)
        items = []
        for g, k in enumerate(rl):
            l1 = f"{rng.choice(L1_STEMS)}{g + 1}"
            items += [make_item(rng, d, l1, j + 1) for j in range(k)]
        write_items(ws, f, items, rl)
        ws.freeze_panes(3, 0)
    wb.close()
    return sum(per)


TOWN_A = "东西南北中上下前后新老大小长丰和安平清宁兴福寿永"
TOWN_B = "山河湖溪桥岭坪冈塘湾洲坝营关口庄集店"


def break_item(it, kind):
    """Inject one of the first four PROBLEMS into an item (no randomness: the caller picked the kind)."""
    if kind == "empty_time_limit":
        it["time"] = ""
    elif kind == "both_modes":
        it["flags"][2] = it["flags"][3] = "√"
    elif kind == "repealed_basis_492":
        it["basis"] = "《中华人民共和国政府信息公开条例》（国务院令第492号）"
    elif kind == "title_without_shuminghao":
        it["basis"] = "中华人民共和国政府信息公开条例\n" + it["basis"].split("\n")[-1]


def make_submission(path, rng, idx):
    town = rng.choice(TOWN_A) + rng.choice(TOWN_B) + rng.choice(["镇", "乡", "街道"])
    doms = rng.sample(DOMAINS, rng.randint(3, 6))
    n_total = rng.randint(185, 215)
    cuts = sorted(rng.sample(range(1, n_total), len(doms) - 1))
    sizes = [b - a for a, b in zip([0] + cuts, cuts + [n_total])]
    sizes = [max(s, 6) for s in sizes]
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"author": "tests/bench/make_inputs.py", "created": FIXED_TIME})
    f = formats(wb)
    problems = []
    n_items = 0
    for d, n in zip(doms, sizes):
        ws = wb.add_worksheet(d)
        write_header(ws, f, f"某某县{town}{d}领域基层政务公开标准目录")
        rl = runs(rng, n)
        items = []
        for g, k in enumerate(rl):
            l1 = f"{rng.choice(L1_STEMS)}{g + 1}"
            items += [make_item(rng, d, l1, j + 1) for j in range(k)]
        # problems: about 1-2 % of items each get one, plus a few per-sheet ones
        for t, it in enumerate(items):
            if rng.random() < 0.02:
                kind = rng.choice(PROBLEMS[:4] + ["unknown_carrier", "duplicate_item"])
                if kind in PROBLEMS[:4]:
                    break_item(it, kind)
                elif kind == "unknown_carrier":
                    it["channels"] += " ■" + rng.choice(UNKNOWN_CARRIERS)
                elif kind == "duplicate_item" and t > 0:
                    it["l2"] = items[t - 1]["l2"]
                    if it["l1"] != items[t - 1]["l1"]:
                        continue  # only a duplicate within the same 一级事项 counts
                else:
                    continue
                problems.append({"sheet": d, "row": 4 + t, "kind": kind})
        if rng.random() < 0.15:
            col = rng.choice(["basis", "time", "subject"])
            items[0][col] = "同上"
            problems.append({"sheet": d, "row": 4, "kind": "ditto_at_top", "column": col})
        write_items(ws, f, items, rl)
        n_items += len(items)
    wb.close()
    return town, doms, n_items, problems


def make_large_submission(path, rng, n=5000):
    """One sheet of n items with problems like make_submission's (for the desk's table view)."""
    d = "社会救助"
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"author": "tests/bench/make_inputs.py", "created": FIXED_TIME})
    f = formats(wb)
    ws = wb.add_worksheet(d)
    write_header(ws, f, f"某某县某某镇{d}领域基层政务公开标准目录")
    rl = runs(rng, n)
    items = []
    for g, k in enumerate(rl):
        l1 = f"{rng.choice(L1_STEMS)}{g + 1}"
        items += [make_item(rng, d, l1, j + 1) for j in range(k)]
    for it in items:
        if rng.random() < 0.02:
            break_item(it, rng.choice(PROBLEMS[:4]))
    write_items(ws, f, items, rl)
    ws.freeze_panes(3, 0)
    wb.close()
    return n


def main(argv):
    out = argv[0] if argv else os.path.join(ROOT, "target", "bench-inputs")
    os.makedirs(os.path.join(out, "submissions"), exist_ok=True)
    rng = random.Random(20240101)
    t0 = time.time()
    n = make_big(os.path.join(out, "catalog-20000.xlsx"), rng)
    t1 = time.time()
    print(f"catalog-20000.xlsx: {n} items in 26 sheets ({t1 - t0:.1f} s)")
    manifest = []
    total = 0
    for i in range(300):
        rng_i = random.Random(1000 + i)
        name = f"{i + 1:03d}.xlsx"
        town, doms, k, problems = make_submission(os.path.join(out, "submissions", name), rng_i, i)
        manifest.append({"file": name, "township": town, "domains": doms, "items": k, "problems": problems})
        total += k
    with open(os.path.join(out, "submissions", "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
    t2 = time.time()
    nprob = sum(len(m["problems"]) for m in manifest)
    print(f"submissions/: 300 workbooks, {total} items, {nprob} injected problems ({t2 - t1:.1f} s)")
    n = make_large_submission(os.path.join(out, "submission-5000.xlsx"), random.Random(5000))
    print(f"submission-5000.xlsx: {n} items in one sheet ({time.time() - t2:.1f} s)")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
