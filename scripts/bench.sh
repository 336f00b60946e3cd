#!/usr/bin/env bash
# 性能基准（release 构建）。结果打印到终端，并存一份到 target/bench/<名称>.md；不写 target/ 以外的任何文件。
#
#   scripts/bench.sh            # 同 all
#   scripts/bench.sh all        # 运行全部已实现的基准
#   scripts/bench.sh export     # 导出：26 个领域、20,000 个事项 → 工作簿，对比 rust_xlsxwriter 下限
#   scripts/bench.sh import     # 导入：读 26 张表、20,000 行的工作簿，对比 python-calamine 与 openpyxl
#   scripts/bench.sh review     # 审核：300 个提交的工作簿（约 6 万个事项），对比 frictionless
#   scripts/bench.sh startup    # 桌面程序：启动到可交互、总内存（PSS，对照最小的 Tauri 2 窗口）、打开 5,000 个事项的目录、搜索
#
# 导入、审核的输入由独立写入器（XlsxWriter）生成到 target/bench-inputs/，Python 工具装在 tests/.venv。
#
# 环境变量：BENCH_RUNS（每边计时次数，导出默认 10、审核默认 5）、BENCH_ITEMS（事项数，默认 20000）。
# 数字与机器说明记在 docs/benchmarks.md；机器上有别的编译任务时数字会偏大，请在空闲时测。
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
OUT_DIR=target/bench
mkdir -p "$OUT_DIR"

machine() {
  echo "- nproc: $(nproc)"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- $(rustc --version)"
  echo "- 负载（开始时）: $(cut -d' ' -f1-3 /proc/loadavg)"
}

bench_export() {
  echo "==> 导出基准（cargo bench -p mulu-export --bench export）"
  cargo bench -p mulu-export --bench export --quiet 2>&1 | tee "$OUT_DIR/export.log"
  { machine; echo; grep -E '^\||^(输出|参考|目标)' "$OUT_DIR/export.log"; } > "$OUT_DIR/export.md"
  echo "（已存 $OUT_DIR/export.md）"
}

PY=tests/.venv/bin/python
inputs() {
  [ -x "$PY" ] || bash tests/fixtures/venv.sh
  if [ ! -f target/bench-inputs/catalog-20000.xlsx ] || [ ! -f target/bench-inputs/submissions/manifest.json ]; then
    echo "==> 生成基准输入（tests/bench/make_inputs.py → target/bench-inputs/）"
    "$PY" tests/bench/make_inputs.py target/bench-inputs
  fi
}

bench_import() {
  inputs
  echo "==> 导入基准（cargo bench -p mulu-import --bench import）"
  local line
  line=$(cargo bench -p mulu-import --bench import --quiet -- "$PWD/target/bench-inputs/catalog-20000.xlsx" | grep '^{')
  echo "$line"
  "$PY" tests/bench/compare.py import "$line" target/bench-inputs | tee "$OUT_DIR/import.log"
  { machine; echo; grep -v '^COMPARE_JSON' "$OUT_DIR/import.log"; } > "$OUT_DIR/import.md"
  echo "（已存 $OUT_DIR/import.md）"
}

bench_review() {
  inputs
  echo "==> 审核基准（release 的 mulu check 对比 frictionless）"
  cargo build --release -p mulu-cli --quiet
  "$PY" tests/bench/compare.py review target/release/mulu target/bench-inputs --runs "${BENCH_RUNS:-5}" \
    | tee "$OUT_DIR/review.log"
  { machine; echo; grep -v '^COMPARE_JSON' "$OUT_DIR/review.log"; } > "$OUT_DIR/review.md"
  echo "（已存 $OUT_DIR/review.md）"
}

bench_startup() {
  echo "==> 桌面程序启动基准（release，Xvfb + WebDriver）"
  bash scripts/setup.sh >/dev/null
  npm --prefix ui run build >/dev/null
  cargo build --release -p biaozhunmulu -p mulu-cli --quiet
  # 对照：最小的 Tauri 2 窗口，用同一份 Cargo.lock（同样的 tauri/wry/webkit2gtk 版本）与同样的 release 配置。
  local target
  target=$(cargo metadata --format-version 1 --no-deps --offline \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
  cp Cargo.lock tests/bench/minimal-tauri/Cargo.lock
  cargo build --release --offline --quiet --manifest-path tests/bench/minimal-tauri/Cargo.toml --target-dir "$target"
  APP_BINARY="$target/release/biaozhunmulu" MULU_BINARY="$target/release/mulu" MINIMAL_BINARY="$target/release/minimal-tauri" \
    xvfb-run -a -s "-screen 0 1280x800x24" node scripts/bench-startup.mjs | tee "$OUT_DIR/startup.log"
  { machine; echo; grep '^|' "$OUT_DIR/startup.log"; } > "$OUT_DIR/startup.md"
  echo "（已存 $OUT_DIR/startup.md）"
}

case "${1:-all}" in
  export) bench_export ;;
  import) bench_import ;;
  review) bench_review ;;
  startup) bench_startup ;;
  all)
    bench_export
    bench_import
    bench_review
    bench_startup
    ;;
  *)
    echo "用法：scripts/bench.sh [all|export|import|review|startup]" >&2
    exit 2
    ;;
esac
