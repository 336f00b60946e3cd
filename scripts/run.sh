#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), builds the UI and starts the desktop app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm --prefix ui run build
cargo run -p biaozhunmulu --release
