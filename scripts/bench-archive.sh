#!/usr/bin/env bash
# Benchmark for import and rebuild (issue 6): articles/s, peak RSS and index size, side by side with
# the SQLite FTS5 database of the same texts, in one run.
#
#   scripts/bench-archive.sh [--docs N] [--shared DIR] [--work DIR]
#
# Needs ../shared/bench (the corpus generator and the FTS5 baseline); says so when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=all shared=../shared work=/tmp/morgue-bench-archive
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --shared) shared="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "usage: $0 [--docs N|all] [--shared DIR] [--work DIR]" >&2; exit 2 ;;
  esac
done
bench="$shared/bench"
if [ ! -f "$bench/make_corpus.py" ]; then
  echo "bench-archive: $bench/make_corpus.py not found (pass --shared DIR, the folder with bench/ and data/)" >&2
  exit 2
fi

cargo build --release --locked --quiet
morgue="$PWD/target/release/morgue"
mkdir -p "$work"
corpus="$work/corpus-$docs.warc.gz" truth="$work/truth-$docs.jsonl.gz"
if [ ! -f "$corpus" ]; then
  python3 "$bench/make_corpus.py" --docs "$docs" --out "$corpus" --truth "$truth" --quiet
fi
n=$(python3 -c "import gzip,sys; print(sum(1 for _ in gzip.open(sys.argv[1])))" "$truth")

# Runs a command under /usr/bin/time when present (peak RSS), else with bash's timer only.
measure() { # label, command...
  local label="$1"; shift
  local t0 t1 rss=""
  t0=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>"$work/$label.err" || { cat "$work/$label.err" >&2; exit 1; }
    rss=$(tail -1 "$work/rss")
  else
    "$@" >/dev/null 2>"$work/$label.err" || { cat "$work/$label.err" >&2; exit 1; }
  fi
  t1=$(date +%s.%N)
  python3 - "$label" "$t0" "$t1" "$n" "$rss" <<'PY'
import sys
label, t0, t1, n, rss = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
s = t1 - t0
rss = f"{int(rss)/1024:.0f} MB" if rss else "n/a (no /usr/bin/time)"
print(f"{label:<10} {n} articles in {s:7.1f} s = {n/s:7.0f} articles/s   peak RSS {rss}")
PY
}

rm -rf "$work/index"
echo "corpus: $corpus ($n articles, $(du -h "$corpus" | cut -f1)), $(nproc) cores"
measure import "$morgue" --index "$work/index" import "$corpus"
measure rebuild "$morgue" --index "$work/index" rebuild
index_bytes=$("$morgue" --index "$work/index" stats --json | python3 -c "import json,sys; print(json.load(sys.stdin)['index_bytes'])")

fts="$work/fts-$docs.db"
if [ ! -f "$fts" ]; then
  python3 "$bench/fts5_baseline.py" --truth "$truth" --db "$fts" build >/dev/null
fi
fts_bytes=$(stat -c %s "$fts")
python3 - "$index_bytes" "$fts_bytes" <<'PY'
import sys
a, b = int(sys.argv[1]), int(sys.argv[2])
print(f"index size: morgue {a/1e6:.1f} MB, SQLite FTS5 {b/1e6:.1f} MB, ratio {a/b:.2f} (target <= 1.00)")
PY
