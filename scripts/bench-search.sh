#!/bin/sh
# The search benchmark of issue 5, end to end: query set, FTS5 baseline database, morgue index built
# straight from the corpus truth, then the side-by-side table (see examples/bench_search.rs).
#
#   scripts/bench-search.sh TRUTH.jsonl.gz [WORKDIR] [RUNS]
#
# TRUTH comes from ../shared/bench/make_corpus.py --truth (e.g. all 51,411 texts: --docs all).
# BENCH (env) is the bench tools directory, default ../shared/bench.
set -eu
truth=${1:?usage: scripts/bench-search.sh TRUTH.jsonl.gz [WORKDIR] [RUNS]}
work=${2:-/tmp/morgue-bench-search}
runs=${3:-5}
bench=${BENCH:-../shared/bench}
[ -f "$truth" ] || { echo "no truth file at $truth (make one with $bench/make_corpus.py --truth)" >&2; exit 2; }
[ -f "$bench/queries.py" ] || { echo "no bench tools at $bench (set BENCH=DIR)" >&2; exit 2; }
mkdir -p "$work"
[ -f "$work/queries/queries.tsv" ] || python3 "$bench/queries.py" --truth "$truth" --out "$work/queries"
[ -f "$work/fts5.db" ] || python3 "$bench/fts5_baseline.py" --truth "$truth" --db "$work/fts5.db" build
cargo build --release --bin morgue --example bench_search
target/release/examples/bench_search build --truth "$truth" --index "$work/archive"
# Time an installed copy, as `cargo install` leaves it: the file the linker just wrote costs each
# process ~24 more page faults and ~1 ms more (measured: docs/search-performance.md).
cp target/release/morgue "$work/morgue"
target/release/examples/bench_search run --index "$work/archive" --queries "$work/queries/queries.tsv" \
    --fts5-db "$work/fts5.db" --morgue "$work/morgue" --runs "$runs"
