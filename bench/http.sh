#!/usr/bin/env bash
# Whole-program benchmark of the HTTP service (issue 4), against baselines in the same run:
#   (a) GET /api/v1/invoices/{key} (API key, store read, JSON; random keys of 5,000)  vs  GET /healthz of the same server
#       with wrk (Debian): requests per second and p99, and the ratio (target >= 0.6)
#   (b) durable ingest over HTTP, 16 clients posting batches of 100 (bench/http_load.py)
#       vs  fapiao ingest of the same invoices from a file: items per second, and the ratio (target >= 0.5)
# Usage: bench/http.sh [COUNT] [SECONDS]   (default 48000 invoices, 15 s per wrk run).
# Prints the figures, the server's CPU time (user+sys) and peak RSS. The machine may be shared: say so with the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-48000}
DURATION=${2:-15}
OUT=bench/out/http
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 2; }

dotnet build src/Fapiao.Cli -c Release -nologo -v quiet >/dev/null
FAPIAO="dotnet src/Fapiao.Cli/bin/Release/net10.0/fapiao.dll"
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
now() { date +%s.%N; }
cpu_of() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }       # user+sys seconds (clock ticks of 1/100 s)
rss_of() { awk '/VmHWM/ {print $2 " kB"}' "/proc/$1/status"; }      # peak resident set size

echo "== generating $N invoices"
$FAPIAO demo generate --count "$N" --seed 4 --out "$OUT/invoices.jsonl"

echo "== baseline: fapiao ingest of the file"
rm -rf "$OUT/cli"
$FAPIAO --data "$OUT/cli" init >/dev/null
t0=$(now)
/usr/bin/time -f "cli ingest: %U s user, %S s sys, %M kB max RSS" $FAPIAO --data "$OUT/cli" ingest "$OUT/invoices.jsonl" --json
t1=$(now)
cli_rate=$(python3 -c "print(round($N / ($t1 - $t0), 1))")
echo "cli ingest: $cli_rate invoices/s"

echo "== the service (fresh ledger, no rate limit)"
rm -rf "$OUT/srv"
$FAPIAO --data "$OUT/srv" init >/dev/null
KEY=$($FAPIAO --data "$OUT/srv" apikey create --tenant default --role clerk 2>/dev/null)
PORT=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()")
URL="http://127.0.0.1:$PORT"
$FAPIAO --data "$OUT/srv" serve --urls "$URL" --rate-limit 0 > "$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$URL/healthz" >/dev/null && break; sleep 0.2; done

echo "== (b) ingest over HTTP: 16 clients, batches of 100"
cpu0=$(cpu_of $SERVER)
python3 bench/http_load.py "$URL" "$KEY" "$OUT/invoices.jsonl" --clients 16 --batch 100 | tee "$OUT/load.json"
cpu1=$(cpu_of $SERVER)
http_rate=$(python3 -c "import json; print(json.load(open('$OUT/load.json'))['items_per_second'])")
echo "server CPU during ingest: $(python3 -c "print(round($cpu1 - $cpu0, 2))") s user+sys"

echo "== (a) reads: GET /api/v1/invoices/{key} beside GET /healthz, wrk -t2 -c16 -d${DURATION}s"
# Random keys among the first 5,000 invoices, so that no cache anywhere serves one invoice over and over.
python3 - "$URL" "$KEY" > "$OUT/keys.txt" <<'PY'
import json, sys, urllib.request
url, key, cursor, keys = sys.argv[1], sys.argv[2], None, []
while len(keys) < 5000:
    req = urllib.request.Request(url + "/api/v1/invoices?limit=1000" + ("&cursor=" + cursor if cursor else ""), headers={"Authorization": "Bearer " + key})
    page = json.load(urllib.request.urlopen(req))
    keys += [i["key"] for i in page["items"]]
    cursor = page["next"]
    if not cursor:
        break
print("\n".join(keys))
PY
cpu_h0=$(cpu_of $SERVER)
wrk -t2 -c16 -d"${DURATION}s" --latency "$URL/healthz" | tee "$OUT/wrk-healthz.txt"
cpu2=$(cpu_of $SERVER)
KEYS_FILE="$OUT/keys.txt" API_KEY="$KEY" wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/http_keys.lua "$URL" | tee "$OUT/wrk-invoice.txt"
cpu3=$(cpu_of $SERVER)
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
non2xx() { awk '/Non-2xx/ {print $5}' "$1"; }
status_of() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "$URL/api/v1/invoices/$(head -1 "$OUT/keys.txt")"; }

echo
echo "== results ($(nproc) cores; the machine may be shared)"
echo "(b) ingest: cli $cli_rate/s, http $http_rate/s, ratio $(ratio "$http_rate" "$cli_rate") (target >= 0.5)"
echo "(a) reads:  healthz $(rps "$OUT/wrk-healthz.txt") req/s p99 $(p99 "$OUT/wrk-healthz.txt"); invoice $(rps "$OUT/wrk-invoice.txt") req/s p99 $(p99 "$OUT/wrk-invoice.txt") (non-2xx: $(non2xx "$OUT/wrk-invoice.txt"); a single request now: $(status_of)); ratio $(ratio "$(rps "$OUT/wrk-invoice.txt")" "$(rps "$OUT/wrk-healthz.txt")") (target >= 0.6)"
grep -h "\"LogLevel\":\"Error\"" "$OUT/serve.log" | head -3 || true
count() { awk '/requests in/ {print $1}' "$1"; }
per_request() { python3 -c "print(round(($2 - $1) / $3 * 1e6))"; }
echo "server CPU (user+sys) per request: healthz $(per_request "$cpu_h0" "$cpu2" "$(count "$OUT/wrk-healthz.txt")") us, invoice $(per_request "$cpu2" "$cpu3" "$(count "$OUT/wrk-invoice.txt")") us (the load generator shares the cores)"
echo "server: CPU during the invoice run $(python3 -c "print(round($cpu3 - $cpu2, 2))") s user+sys; peak RSS $(rss_of $SERVER)"
