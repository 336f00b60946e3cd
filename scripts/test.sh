#!/usr/bin/env bash
# The project's whole test run, from a fresh clone on Debian/Ubuntu:
# installs what is missing, then formatting, types, lints, core/CLI tests, UI unit tests,
# and end-to-end tests that drive the real app window through WebDriver under Xvfb.
# One debug cargo build is shared by unit and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
step() { printf '\n==> %s\n' "$*"; }
t0=$(date +%s)

step "setup"
bash scripts/setup.sh

step "ui: typecheck, unit tests, build"
npm --prefix ui run typecheck
npm --prefix ui test
npm --prefix ui run build

step "offline: no http(s):// load in the built UI (tests/offline/scan-dist.mjs)"
node tests/offline/scan-dist.mjs ui/dist

step "rust: fmt"
cargo fmt --all -- --check

step "rust: clippy (-D warnings)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "rust: tests (core, export, import, review, cli)"
cargo test --workspace --exclude biaozhunmulu --quiet

step "export: independent reader (openpyxl in tests/.venv-independent)"
bash tests/independent/run.sh

step "app: build and unit tests"
cargo build -p biaozhunmulu --quiet
cargo test -p biaozhunmulu --quiet

step "e2e: WebDriver against the real window (Xvfb)"
TAURI_DRIVER="$PWD/tools/bin/tauri-driver" APP_BINARY="$PWD/target/debug/biaozhunmulu" \
  xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/run.mjs

echo
echo "all tests passed in $(( $(date +%s) - t0 )) s"
