#!/usr/bin/env bash
# 性能基准（release 构建）。结果打印到终端，并存一份到 target/bench/<名称>.md；不写 target/ 以外的任何文件。
#
#   scripts/bench.sh            # 同 all
#   scripts/bench.sh all        # 运行全部已实现的基准
#   scripts/bench.sh export     # 导出：26 个领域、20,000 个事项 → 工作簿，对比 rust_xlsxwriter 下限
#
# 环境变量：BENCH_RUNS（每边计时次数，默认 10）、BENCH_ITEMS（事项数，默认 20000）。
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

# ---- 导入基准：待补（负责导入的同事在此实现 bench_import，并加进下面的 case 与 all）----
# bench_import() { cargo bench -p mulu-import --bench import ...; }

# ---- 审核基准：待补（负责审核的同事在此实现 bench_review，并加进下面的 case 与 all）----
# bench_review() { cargo bench -p mulu-review --bench review ...; }

case "${1:-all}" in
  export) bench_export ;;
  # import) bench_import ;;
  # review) bench_review ;;
  all)
    bench_export
    # bench_import
    # bench_review
    ;;
  *)
    echo "用法：scripts/bench.sh [all|export]（import、review 待补）" >&2
    exit 2
    ;;
esac
