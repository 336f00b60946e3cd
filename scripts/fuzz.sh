#!/usr/bin/env bash
# 导入器的模糊测试（不在 README 的测试命令里：需要 nightly 工具链与 cargo-fuzz）。
# 用法：bash scripts/fuzz.sh [秒数，默认 60]
# 语料从 tests/fixtures/workbooks 里的工作簿开始。
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
if ! rustup toolchain list | grep -q nightly; then
  rustup toolchain install nightly --profile minimal
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
corpus=target/fuzz-corpus/read_workbook
mkdir -p "$corpus"
cp tests/fixtures/workbooks/*.xls* "$corpus"/ 2>/dev/null || true
cd src-tauri/crates/mulu-import
cargo +nightly fuzz run read_workbook "../../../$corpus" -- -max_total_time="$secs" -rss_limit_mb=2048
