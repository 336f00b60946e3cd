#!/usr/bin/env bash
# Regenerates samples/ (see samples/README.md):
#   - township.xlsx, street.xlsx, county-department.xlsx: written by the app's own code
#     (src-tauri/crates/mulu-cli/examples/make_samples.rs: a temporary database, guideline items adopted
#     from the built-in library, local items, 不予公开事项, 不涉及 records, exported in the official format);
#   - mistakes-township.xlsx, mistakes-street.xlsx: two submissions with typical mistakes, written by an
#     independent writer (openpyxl, scripts/make_sample_mistakes.py, in tests/.venv).
# The test src-tauri/crates/mulu-cli/tests/samples.rs checks what they import to and what `mulu check` finds.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p samples
cargo run --quiet --locked -p mulu-cli --example make_samples -- samples
PY=$(bash tests/fixtures/venv.sh)
"$PY" scripts/make_sample_mistakes.py samples
ls -l samples/*.xlsx
