#!/usr/bin/env bash
# Screenshots of every screen for the docs: builds the UI and the app (incremental), starts the app
# under Xvfb with a fresh database, drives it through WebDriver (tests/e2e/harness.mjs, the same
# harness as the e2e tests) and saves docs/screenshots/<screen>.png.
#   bash scripts/screenshots.sh [OUT_DIR]
# Look at the PNGs afterwards: Chinese must render (fonts-noto-cjk), no tofu boxes.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"

if [ ! -x tools/bin/tauri-driver ] || [ ! -d ui/node_modules ] || ! command -v xvfb-run >/dev/null; then
  bash scripts/setup.sh
fi
npm --prefix ui run build
cargo build -p biaozhunmulu
TAURI_DRIVER="$PWD/tools/bin/tauri-driver" APP_BINARY="$PWD/target/debug/biaozhunmulu" \
  xvfb-run -a -s "-screen 0 1280x800x24" node tests/e2e/screenshots.mjs "$out"
