#!/usr/bin/env bash
# The project's test command (README): formatting, lints, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# Headless chromium for the browser test (installed once; skipped if present).
bash scripts/browser-deps.sh
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace
