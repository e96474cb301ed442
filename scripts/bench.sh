#!/usr/bin/env bash
# Side-by-side throughput: crosscheck's per-document pipeline vs spaCy
# en_core_web_sm on the same text (the seeds repeated to ~200k words).
# Usage: bash scripts/bench.sh   (needs ../shared; sets up the peers venv once)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=../shared/corpus/seeds
venv=${PEERS_VENV:-tmp/peers-venv}
work=tmp/bench-corpus
rm -rf "$work"; mkdir -p "$work"
for i in $(seq 1 26); do for f in "$seeds"/*.txt; do cp "$f" "$work/r${i}_$(basename "$f")"; done; done
words=$(cat "$work"/*.txt | wc -w)
cargo build --release -q -p crosscheck
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
one=$(t ./target/release/crosscheck brief "$work" --quiet --jobs 1 -o /dev/null)
all=$(t ./target/release/crosscheck brief "$work" --quiet -o /dev/null)
echo "crosscheck: $words words; 1 job ${one}s = $(echo "$words / $one" | bc) words/s; all cores ${all}s = $(echo "$words / $all" | bc) words/s"
[ -x "$venv/bin/python" ] || bash ../shared/peers/setup.sh "$venv" >/dev/null
"$venv/bin/python" ../shared/peers/spacy_bench.py "$seeds" --min-words 200000 --runs 3
