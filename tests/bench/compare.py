#!/usr/bin/env python3
"""Put our timings beside the Python tools' in one run and print a markdown report (run by scripts/bench.sh).

    tests/.venv/bin/python tests/bench/compare.py import OURS_JSON_LINE [INPUT_DIR]
    tests/.venv/bin/python tests/bench/compare.py review MULU_BINARY [INPUT_DIR] [--runs 5]

import: OURS_JSON_LINE is the line printed by `cargo bench -p mulu-import --bench import`; this script then
        times python-calamine and openpyxl on the same file (best of 3, tests/bench/baselines.py) and
        checks the targets of issue 4 (≤ 1.5× python-calamine, ≥ 10× faster than openpyxl).
review: times `MULU_BINARY --db <temp> check --json INPUT_DIR/submissions` (the release CLI, all cores),
        best and median of --runs, checks that every workbook was read, then times frictionless validating
        every sheet of every workbook (once: about 90 s) and checks the targets of issue 5 (< 10 s,
        ≥ 100× faster than frictionless).
Exit status 0 whether or not a target is met (the report says so); 2 when an input is missing or unreadable.
"""

from __future__ import annotations

import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import baselines  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def verdict(ok: bool) -> str:
    return "达到" if ok else "未达到"


def cmd_import(ours_line: str, input_dir: str) -> None:
    ours = json.loads(ours_line)
    big = os.path.join(input_dir, "catalog-20000.xlsx")
    cal, cal_runs, cal_detail = baselines.best_of(baselines.run_calamine(big), 3)
    opx, opx_runs, opx_detail = baselines.best_of(baselines.run_openpyxl(big), 3)
    best = ours["best_s"]
    print("| 工具 | 做什么 | 最好 (s) | 各次 / 中位数 (s) |")
    print("|---|---|---|---|")
    print(f"| **mulu-import** `read_workbook` | 读 26 张表、{ours['items']} 个事项：找表头、展开合并单元格、"
          f"规整文字、识别勾选与载体、逐格诊断 | **{best:.3f}** | 中位数 {ours['median_s']:.3f} |")
    print(f"| python-calamine 0.9 | 把 26 张表读成 Python 列表（{cal_detail['cells']} 格），不做任何理解 | "
          f"{cal:.3f} | {', '.join(f'{t:.3f}' for t in cal_runs)} |")
    print(f"| openpyxl 3.1 | `load_workbook`（默认模式，读合并区域）并遍历所有行 | {opx:.3f} | "
          f"{', '.join(f'{t:.3f}' for t in opx_runs)} |")
    print()
    r_cal = best / cal
    r_opx = opx / best
    print(f"目标：不超过 python-calamine 的 1.5 倍 —— {r_cal:.2f} 倍，{verdict(r_cal <= 1.5)}；"
          f"比 openpyxl 快 10 倍以上 —— 快 {r_opx:.1f} 倍，{verdict(r_opx >= 10)}。")
    print()
    print("COMPARE_JSON " + json.dumps({"bench": "import", "ours": ours, "calamine_s": round(cal, 4),
                                        "openpyxl_s": round(opx, 4), "ratio_calamine": round(r_cal, 3),
                                        "speedup_openpyxl": round(r_opx, 1)}, ensure_ascii=False))


def cmd_review(binary: str, input_dir: str, runs: int) -> None:
    sub = os.path.join(input_dir, "submissions")
    files = sorted(glob.glob(os.path.join(sub, "*.xlsx")))
    if not files:
        sys.exit(f"{sub} 里没有工作簿：先运行 tests/bench/make_inputs.py")
    times = []
    summary = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        for _ in range(runs):
            t = time.perf_counter()
            p = subprocess.run([binary, "--db", db, "check", "--json", sub], capture_output=True)
            times.append(time.perf_counter() - t)
            if p.returncode == 2:
                sys.exit("mulu check 有文件读不了：\n" + p.stderr.decode("utf-8", "replace")[-2000:])
            results = json.loads(p.stdout)
            summary = {
                "files": len(results),
                "items": sum(r["items"] for r in results),
                "findings": sum(len(r["findings"]) for r in results),
                "errors": sum(r["errors"] for r in results),
                "warnings": sum(r["warnings"] for r in results),
            }
    if summary["files"] != len(files):
        sys.exit(f"mulu check 报告了 {summary['files']} 个文件，文件夹里有 {len(files)} 个")
    best, median = min(times), statistics.median(times)
    fs = baselines.sheet_lists(sub, files)
    t = time.perf_counter()
    fr = baselines.run_frictionless(fs)()
    fr_s = time.perf_counter() - t
    print("| 工具 | 做什么 | 时间 (s) | 说明 |")
    print("|---|---|---|---|")
    print(f"| **mulu check**（release，{os.cpu_count()} 核并行） | {summary['files']} 个工作簿、{summary['items']} 个事项："
          f"读取 + 25 条审核规则 + 覆盖率 | **{best:.2f}**（最好）/ {median:.2f}（中位数，{runs} 次） | "
          f"{summary['findings']} 个问题（错误 {summary['errors']}，警告 {summary['warnings']}） |")
    print(f"| frictionless 5.21 | 同一批工作簿的每张表做通用表格校验（表头、类型、空行、重复行） | {fr_s:.1f}（1 次） | "
          f"{fr['resources']} 张表，{fr['rows']} 行，报 {fr['errors']} 个通用错误，不懂目录的任何规则 |")
    print()
    speed = fr_s / best
    print(f"目标：整个文件夹 10 秒内 —— {best:.2f} 秒，{verdict(best < 10)}；比 frictionless 快 100 倍以上 —— "
          f"快 {speed:.0f} 倍，{verdict(speed >= 100)}。")
    print()
    print("COMPARE_JSON " + json.dumps({"bench": "review", "best_s": round(best, 3), "median_s": round(median, 3),
                                        "runs": [round(x, 3) for x in times], **summary,
                                        "frictionless_s": round(fr_s, 2), "speedup": round(speed, 1)},
                                       ensure_ascii=False))


def main() -> None:
    args = sys.argv[1:]
    if len(args) < 2 or args[0] not in ("import", "review"):
        sys.exit(__doc__)
    input_dir = os.path.join(ROOT, "target", "bench-inputs")
    runs = 5
    rest = args[2:]
    if "--runs" in rest:
        i = rest.index("--runs")
        runs = int(rest[i + 1])
        del rest[i:i + 2]
    if rest:
        input_dir = rest[0]
    if args[0] == "import":
        cmd_import(args[1], input_dir)
    else:
        cmd_review(args[1], input_dir, runs)


if __name__ == "__main__":
    main()
