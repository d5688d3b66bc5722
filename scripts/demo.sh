#!/usr/bin/env bash
# Builds morgue and runs the whole pipeline once on this machine, with no network beyond loopback:
# serves the seed article (tests/fixtures/seed/seed.html) from a local web server that also acts
# as an HTTP proxy, adds it under its real URL, searches it, shows it, rebuilds, searches again.
#
#   scripts/demo.sh [INDEX_DIR]     (default: a fresh temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked
morgue="$PWD/target/release/morgue"
index="${1:-$(mktemp -d)/index}"

# A loopback web server that also answers proxy-style requests (`GET http://host/path`), serving
# the seed page at its real path.
path="2024/10/25/elon-musk-held-secret-talks-with-putin-amid-shifting-views-on-ukraine-wsj-a86805"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 - "$port" "/$path" tests/fixtures/seed/seed.html <<'PY_SERVER' &
import http.server, sys, urllib.parse
port, path, page = int(sys.argv[1]), sys.argv[2], open(sys.argv[3], "rb").read()
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        found = urllib.parse.urlsplit(self.path).path == path
        body = page if found else b"not found"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8" if found else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
PY_SERVER
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1',$port),0.2)" 2>/dev/null && break
  sleep 0.1
done

export HTTP_PROXY="http://127.0.0.1:$port" MORGUE_INDEX="$index"
url="http://www.themoscowtimes.com/$path"
step() { printf '\n$ %s\n' "$*"; "$@"; }

step "$morgue" add "$url"
step "$morgue" search '"secret talks"'
step "$morgue" search 'title:putin site:themoscowtimes.com'
step "$morgue" search 'musk published:[2024-10-01 TO 2024-10-31]' --json
step "$morgue" show "$url"
step "$morgue" rebuild
step "$morgue" search '"secret talks"' --limit 1
step "$morgue" stats
printf '\nThe archive and index are in %s\n' "$index"
