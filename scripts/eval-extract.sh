#!/usr/bin/env bash
# Reproducible extraction evaluation: runs `morgue extract --json --manifest` (release build, one
# thread, whole process timed) over both dev sets and scores them with the shared scorer.
#
#   scripts/eval-extract.sh [SETS_DIR] [SCORER]
#     SETS_DIR  directory holding tf/ and wcxb-dev/   (default ../shared/data/extraction)
#     SCORER    score.py                                (default ../shared/eval/score.py)
#   Set EXTRA=--explain ID or similar through the scorer yourself with the kept /tmp outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
SETS=${1:-../shared/data/extraction}
SCORER=${2:-../shared/eval/score.py}
OUT=${OUT:-${TMPDIR:-/tmp}/morgue-eval}
if [[ ! -d "$SETS/tf" && ! -d "$SETS/wcxb-dev" ]]; then
    echo "eval-extract: no dev sets in $SETS (expected $SETS/tf and $SETS/wcxb-dev); pass the directory as the first argument" >&2
    exit 2
fi
if [[ ! -f "$SCORER" ]]; then
    echo "eval-extract: scorer $SCORER not found; pass it as the second argument" >&2
    exit 2
fi
cargo build --release --quiet --bin morgue
BIN=target/release/morgue
mkdir -p "$OUT"
for set in wcxb-dev tf; do
    dir="$SETS/$set"
    [[ -d "$dir" ]] || { echo "eval-extract: $dir missing, skipped" >&2; continue; }
    pages=("$dir"/pages/*.html.gz)
    start=$(date +%s.%N)
    RAYON_NUM_THREADS=1 "$BIN" extract --json --manifest "$dir/manifest.tsv" "${pages[@]}" > "$OUT/$set.jsonl"
    end=$(date +%s.%N)
    python3 "$SCORER" "$dir" "$OUT/$set.jsonl"
    awk -v n="${#pages[@]}" -v s="$start" -v e="$end" \
        'BEGIN { printf "speed     %d pages in %.2f s on one thread: %.0f pages/s (whole process)\n\n", n, e - s, n / (e - s) }'
done
