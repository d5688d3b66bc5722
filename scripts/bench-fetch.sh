#!/usr/bin/env bash
# Fetch benchmark (issue 4): generate a corpus with the shared bench tools, serve it through
# serve.py's proxy mode with latency across its 40 hosts, fetch every URL with per-host limits, and
# print the achieved rate beside the politeness limit N·L/(P·H) and the peak RSS.
#
# usage: scripts/bench-fetch.sh [SHARED_DIR] [DOCS] [WORK_DIR]
#   SHARED_DIR  the shared folder with bench/ and data/text/ (default: ../shared)
#   DOCS        number of pages/URLs (default: 10000)
#   WORK_DIR    where the corpus and logs go (default: /tmp/morgue-bench-fetch)
# env: MODE (fetch: the fetcher alone, examples/bench_fetch.rs | add: the whole `morgue add`,
#      archiving, extracting and indexing every page; default fetch),
#      LATENCY_MS (250), PER_HOST (2), PROFILE (release | debug, default release),
#      URLS (another URL list of the same corpus, e.g. the list repeated 10 times for a
#      100,000-URL memory check), EXTRA (more bench_fetch options, e.g. "--ignore-robots"),
#      MORGUE (with MODE=add: another morgue binary, e.g. to compare two builds side by side)
set -euo pipefail

shared=${1:-../shared}
docs=${2:-10000}
work=${3:-/tmp/morgue-bench-fetch}
latency=${LATENCY_MS:-250}
per_host=${PER_HOST:-2}
profile=${PROFILE:-release}

if [[ ! -f "$shared/bench/serve.py" || ! -f "$shared/bench/make_corpus.py" ]]; then
    echo "bench-fetch: $shared/bench/ is absent (no serve.py / make_corpus.py there)." >&2
    echo "bench-fetch: pass the shared folder as the first argument; nothing was measured." >&2
    exit 2
fi
text="$shared/data/text/news-text.jsonl.gz"
if [[ ! -f "$text" ]]; then
    echo "bench-fetch: $text is absent: make_corpus.py needs it; nothing was measured." >&2
    exit 2
fi

mkdir -p "$work"
warc="$work/c$docs.warc.gz"
urls="$work/c$docs.urls"
if [[ ! -s "$warc" || ! -s "$urls" ]]; then
    echo "bench-fetch: generating $docs pages into $warc" >&2
    python3 "$shared/bench/make_corpus.py" --docs "$docs" --text "$text" \
        --out "$warc" --urls "$urls" --quiet
fi

cd "$(dirname "$0")/.."
flag=()
[[ "$profile" == release ]] && flag=(--release)
if ! cargo build -q "${flag[@]}" --bin morgue --example bench_fetch 2>"$work/build.log"; then
    cat "$work/build.log" >&2
    exit 1
fi

urls=${URLS:-$urls}
serve_out="$work/serve.out"
rm -f "$work/requests.jsonl"
python3 "$shared/bench/serve.py" --warc "$warc" --port 0 --latency-ms "$latency" \
    --log "$work/requests.jsonl" >"$serve_out" 2>"$work/serve.err" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
port=
for _ in $(seq 1 200); do
    port=$(python3 -c 'import json,sys
try: print(json.loads(open(sys.argv[1]).readline())["port"])
except Exception: pass' "$serve_out")
    [[ -n "$port" ]] && break
    sleep 0.1
done
if [[ -z "$port" ]]; then
    echo "bench-fetch: serve.py did not start (see $work/serve.err)" >&2
    exit 1
fi
proxy="http://127.0.0.1:$port"
echo "bench-fetch: serve.py on $proxy, latency $latency ms, per host $per_host, URLs from $urls" >&2

if [[ "${MODE:-fetch}" == add ]]; then
    rm -rf "$work/index"
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    HTTP_PROXY="$proxy" /usr/bin/time -f "%M" -o "$work/rss" "${MORGUE:-target/$profile/morgue}" \
        --index "$work/index" add --input "$urls" --json --per-host "$per_host" ${EXTRA:-} \
        >"$work/add.jsonl" 2>"$work/add.err" || true
    end=$(date +%s.%N)
    python3 - "$urls" "$work/add.jsonl" "$start" "$end" "$latency" "$per_host" "$(tail -1 "$work/rss")" <<'EOF'
import json, sys, urllib.parse, collections
urls, reports, start, end, latency, per_host, rss = sys.argv[1:]
hosts = collections.Counter(urllib.parse.urlsplit(u.strip()).hostname for u in open(urls) if u.strip())
n, seconds = sum(hosts.values()), float(end) - float(start)
limit = n * int(latency) / 1000 / (int(per_host) * len(hosts))
statuses = collections.Counter(json.loads(l)["status"] for l in open(reports))
print(f"morgue add: {n} URLs, {len(hosts)} hosts, {seconds:.2f} s = {n / seconds:.0f} URLs/s; "
      f"politeness limit N*L/(P*H) = {limit:.2f} s; ratio {limit / seconds:.1%}; "
      f"busiest host {max(hosts.values())} URLs; peak RSS {int(rss) / 1024:.0f} MB; {dict(statuses)}")
EOF
else
    # shellcheck disable=SC2086
    "target/$profile/examples/bench_fetch" --urls "$urls" --proxy "$proxy" \
        --latency-ms "$latency" --per-host "$per_host" ${EXTRA:-}
fi

# What the server saw: the politeness it measured, independently of the client.
python3 - "$proxy" <<'EOF'
import json, sys, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
stats = json.load(opener.open(sys.argv[1] + "/__bench/stats"))
robots = stats.get("robots_fetches") or {}
print("server: requests", stats.get("requests"),
      "| max in flight per host", stats.get("max_inflight_per_host"),
      "| max in flight total", stats.get("max_inflight_total"),
      "| robots.txt fetches", sum(robots.values()), "for", len(robots), "hosts",
      "| robots violations", stats.get("robots_violations"),
      "| repeated URLs", stats.get("repeated_urls"))
EOF
kill "$server" 2>/dev/null || true

# Where the time over the limit went, from the server's own log: the busiest host bounds the run
# (its URLs times L/P, plus one robots.txt round trip), the server's latency runs over L when the
# machine is busy, and a host's slot idles between one response and the next request.
python3 - "$work/requests.jsonl" "$latency" "$per_host" <<'EOF2'
import collections, json, statistics, sys
log, latency, per_host = sys.argv[1], int(sys.argv[2]) / 1000, int(sys.argv[3])
reqs = [json.loads(line) for line in open(log)]
if not reqs:
    sys.exit(0)
by_host = collections.defaultdict(list)
for r in reqs:
    by_host[r["host"]].append(r)
host, busiest = max(by_host.items(), key=lambda kv: len(kv[1]))
pages = [r for r in busiest if not r["url"].endswith("/robots.txt")]
floor = len(pages) * latency / per_host + latency
served = statistics.mean(r["ms"] for r in reqs) / 1000
events = sorted([(r["t0"], 1) for r in busiest] + [(r["t1"], -1) for r in busiest])
idle, inflight, last = 0.0, 0, min(r["t0"] for r in reqs)
for t, step in events:
    idle += (t - last) * max(per_host - inflight, 0) / per_host
    inflight, last = inflight + step, t
span = max(r["t1"] for r in reqs) - min(r["t0"] for r in reqs)
print(f"busiest host {host}: {len(pages)} pages, floor {floor:.2f} s (its pages x L/P + robots.txt); "
      f"server mean latency {served * 1000:.1f} ms (L = {latency * 1000:.0f}); "
      f"its slots idle {idle:.2f} s; first request to last response {span:.2f} s")
EOF2
if python3 "$shared/bench/serve.py" --analyze "$work/requests.jsonl" --max-per-host "$per_host" \
    >"$work/analyze.json"; then
    echo "server log: no host ever had more than $per_host requests in flight ($work/analyze.json)"
else
    echo "server log: a host had more than $per_host requests in flight! ($work/analyze.json)"
fi
