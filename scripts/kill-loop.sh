#!/usr/bin/env bash
# 中途结束（SIGKILL）的写入：导入合并、采用全部领域、整批撤销、导入为新目录、导出，随机时刻 kill -9，
# 之后 integrity_check 与“之前或之后”的核对（src-tauri/crates/mulu-cli/tests/kill.rs）。
# README 的测试命令跑 20 次；这里默认 200 次。用法：bash scripts/kill-loop.sh [次数] [种子]
set -euo pipefail
cd "$(dirname "$0")/.."
export MULU_KILL_LOOPS="${1:-200}"
[ -n "${2:-}" ] && export MULU_KILL_SEED="$2"
cargo test -p mulu-cli --test kill -- --nocapture 2>&1 | grep -E "SIGKILL 循环|panicked|test result"
