#!/usr/bin/env python3
"""Baseline timings of generic Python tools on the benchmark inputs (run with tests/.venv/bin/python).

    tests/.venv/bin/python tests/bench/baselines.py [INPUT_DIR] [--only calamine,openpyxl,frictionless]
                                                    [--repeat 3] [--frictionless-files N|all]

INPUT_DIR defaults to target/bench-inputs/ (made by tests/bench/make_inputs.py). Each measurement is
the best of --repeat runs, wall clock. Prints a small markdown table and one JSON line (prefixed
`BASELINES_JSON `).

- calamine:     python-calamine reads every sheet of catalog-20000.xlsx into Python lists
                (CalamineWorkbook.from_path, then get_sheet_by_name(n).to_python() per sheet).
- openpyxl:     openpyxl.load_workbook(path) in default mode (which reads merged cells), then
                iterates all rows of all sheets (values only).
- frictionless: frictionless validates the submission workbooks, one Resource per sheet (frictionless
                reads only the first sheet of an xlsx unless told otherwise, so each sheet is named
                through formats.ExcelControl(sheet=...)). NOTE: this is generic table validation
                (labels, types, blank/duplicate rows), not catalog review: it knows nothing of 公开时限,
                同上 or carriers, and it trips on the title row and the two-row header. About 0.3 s
                a workbook here, so by default it times a fixed subset of 30 workbooks and extrapolates
                linearly to 300 (printed as such); --frictionless-files all times all of them.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def best_of(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), times, result


def run_calamine(path):
    from python_calamine import CalamineWorkbook

    def once():
        wb = CalamineWorkbook.from_path(path)
        cells = rows = 0
        for n in wb.sheet_names:
            data = wb.get_sheet_by_name(n).to_python()
            rows += len(data)
            cells += sum(len(r) for r in data)
        return {"rows": rows, "cells": cells}
    return once


def run_openpyxl(path):
    import openpyxl

    def once():
        wb = openpyxl.load_workbook(path)  # default mode: reads merged cells, styles …
        rows = merged = 0
        for ws in wb.worksheets:
            merged += len(ws.merged_cells.ranges)
            for _ in ws.iter_rows(values_only=True):
                rows += 1
        return {"rows": rows, "merged_ranges": merged}
    return once


def run_frictionless(files_and_sheets):
    from frictionless import Resource, formats

    def once():
        errors = resources = rows = 0
        kinds = {}
        for path, sheets in files_and_sheets:
            for s in sheets:
                # frictionless 5 refuses absolute paths as unsafe: pass the name plus basepath
                report = Resource(os.path.basename(path), basepath=os.path.dirname(path),
                                  control=formats.ExcelControl(sheet=s)).validate()
                errors += report.stats["errors"]
                rows += report.tasks[0].stats.get("rows") or 0
                for (kind,) in report.flatten(["type"]):
                    kinds[kind] = kinds.get(kind, 0) + 1
                resources += 1
        if "resource-error" in kinds or "scheme-error" in kinds or "format-error" in kinds:
            raise RuntimeError(f"frictionless could not read the inputs: {kinds}")
        return {"resources": resources, "rows": rows, "errors": errors, "error_types": kinds}
    return once


def sheet_lists(sub_dir, files):
    manifest = os.path.join(sub_dir, "manifest.json")
    by_file = {}
    if os.path.exists(manifest):
        by_file = {m["file"]: m["domains"] for m in json.load(open(manifest, encoding="utf-8"))}
    out = []
    for f in files:
        name = os.path.basename(f)
        if name not in by_file:
            from python_calamine import CalamineWorkbook
            by_file[name] = CalamineWorkbook.from_path(f).sheet_names
        out.append((f, by_file[name]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input", nargs="?", default=os.path.join(ROOT, "target", "bench-inputs"))
    ap.add_argument("--only", default="calamine,openpyxl,frictionless")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--frictionless-files", default="30", help="number of submissions to time, or 'all'")
    args = ap.parse_args()
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    big = os.path.join(args.input, "catalog-20000.xlsx")
    sub_dir = os.path.join(args.input, "submissions")
    if not os.path.exists(big):
        sys.exit(f"{big} not found: run tests/bench/make_inputs.py first")
    results = []
    if "calamine" in only:
        best, times, r = best_of(run_calamine(big), args.repeat)
        results.append({"tool": "python-calamine", "task": "read 26 sheets of catalog-20000.xlsx to lists",
                        "seconds": round(best, 3), "runs": [round(t, 3) for t in times], "detail": r})
    if "openpyxl" in only:
        best, times, r = best_of(run_openpyxl(big), args.repeat)
        results.append({"tool": "openpyxl", "task": "load_workbook (default) + iterate all rows of catalog-20000.xlsx",
                        "seconds": round(best, 3), "runs": [round(t, 3) for t in times], "detail": r})
    if "frictionless" in only:
        files = sorted(glob.glob(os.path.join(sub_dir, "*.xlsx")))
        if not files:
            sys.exit(f"no workbooks in {sub_dir}")
        n = len(files) if args.frictionless_files == "all" else min(int(args.frictionless_files), len(files))
        subset = files[:n]
        fs = sheet_lists(sub_dir, subset)
        best, times, r = best_of(run_frictionless(fs), args.repeat)
        entry = {"tool": "frictionless", "task": f"validate {len(files)} submission workbooks (every sheet)",
                 "files_timed": n, "files_total": len(files), "runs": [round(t, 3) for t in times], "detail": r}
        if n < len(files):
            entry["measured_seconds"] = round(best, 3)
            entry["seconds"] = round(best * len(files) / n, 3)
            entry["extrapolated"] = True
            print(f"NOTE: frictionless timed on the first {n} of {len(files)} workbooks ({best:.2f} s best of "
                  f"{args.repeat}) and extrapolated linearly to {len(files)}: {entry['seconds']:.1f} s")
        else:
            entry["seconds"] = round(best, 3)
            entry["extrapolated"] = False
        results.append(entry)

    print()
    print("| tool | task | best of %d (s) | runs (s) | detail |" % args.repeat)
    print("|---|---|---|---|---|")
    for e in results:
        sec = f"{e['seconds']:.3f}" + (" (extrapolated)" if e.get("extrapolated") else "")
        print(f"| {e['tool']} | {e['task']} | {sec} | {', '.join(f'{t:.3f}' for t in e['runs'])} | "
              f"{json.dumps(e['detail'], ensure_ascii=False)} |")
    print()
    print("BASELINES_JSON " + json.dumps({"input": os.path.abspath(args.input), "repeat": args.repeat,
                                          "results": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
