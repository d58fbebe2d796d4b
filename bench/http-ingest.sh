#!/usr/bin/env bash
# Concurrent durable ingest over HTTP, pgbench style, on PostgreSQL next to SQLite (issue 6):
# for each number of clients (default 8, 32, 64), `fapiao serve` on a fresh ledger in each store
# takes COUNT invoices posted by that many clients in batches of BATCH (POST /api/v1/invoices,
# bench/http_load.py: every answer only once its outcomes are durable), and the script prints
# invoices per second, the p50 and p99 latency of a request, the server's CPU time and the ratio
# PostgreSQL / SQLite. The outside baseline, on the same PostgreSQL server in the same run: pgbench
# with as many clients, each transaction inserting BATCH invoice-sized rows into a plain table
# with a primary key and committing (synchronous_commit on), which is the most a durable writer
# of that shape could get out of the server.
# Usage: bench/http-ingest.sh [COUNT] [BATCH] [CLIENTS...]   (defaults 20000, 10, 8 32 64)
# The load generator runs on the same cores as the server and the database: say so with the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
BATCH=${2:-10}
shift $(( $# > 2 ? 2 : $# ))
CLIENTS=("$@")
[ ${#CLIENTS[@]} -gt 0 ] || CLIENTS=(8 32 64)
OUT=bench/out/http-ingest
rm -rf "$OUT"; mkdir -p "$OUT"

source scripts/pg-throwaway.sh
SERVER=
stop_all() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; pg_throwaway_stop; }
trap stop_all EXIT
pg_throwaway_start >/dev/null
sock="$PG_THROWAWAY_DIR/socket"; port=$PG_THROWAWAY_PORT; bin=$PG_THROWAWAY_BIN
psql() { "$bin/psql" -X -q -h "$sock" -p "$port" -U postgres "$@"; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Fapiao.Cli -c Release -nologo -v quiet >/dev/null
FAPIAO="dotnet src/Fapiao.Cli/bin/Release/net10.0/fapiao.dll"
cpu_of() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }

echo "== generating $N invoices"
$FAPIAO demo generate --count "$N" --seed 6 --out "$OUT/invoices.jsonl" >/dev/null
# Other invoices, posted first to each fresh server so that start-up (JIT, pools) is not measured.
# The warm-up is long enough for the JIT to finish its second tier: after 1,000 or even 10,000
# invoices a third of the measured CPU was still the tiered-compilation thread (perf), not the
# service; on one SQLite server, four loads of 20,000 in a row took 7.95, 6.53, 3.87 and 3.78 s of CPU.
WARMUP=${WARMUP:-40000}
$FAPIAO demo generate --count "$WARMUP" --seed 61 --out "$OUT/warmup.jsonl" >/dev/null

# One run: STORE (sqlite|postgres), CLIENTS. Prints one line of JSON (http_load.py's, with the server's CPU).
run() {
  local store=$1 clients=$2 data="$OUT/data-$1-$2" db=() key url p c0 c1 g0 g1
  if [ "$store" = postgres ]; then
    psql -d postgres -c "CREATE DATABASE ingest_$clients"
    db=(--db "Host=$sock;Port=$port;Username=postgres;Database=ingest_$clients;Maximum Pool Size=100")
  fi
  $FAPIAO --data "$data" "${db[@]}" init >/dev/null
  key=$($FAPIAO --data "$data" "${db[@]}" apikey create --tenant default --role clerk 2>/dev/null)
  p=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()")
  url="http://127.0.0.1:$p"
  $FAPIAO --data "$data" "${db[@]}" serve --urls "$url" --rate-limit 0 > "$OUT/serve-$store-$clients.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 150); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.2; done
  python3 bench/http_load.py "$url" "$key" "$OUT/warmup.jsonl" --clients "$clients" --batch "$BATCH" --key-prefix warmup- > "$OUT/warmup-$store-$clients.json"
  c0=$(cpu_of "$SERVER"); g0=$(pg_throwaway_cpu)
  python3 bench/http_load.py "$url" "$key" "$OUT/invoices.jsonl" --clients "$clients" --batch "$BATCH" > "$OUT/load-$store-$clients.json"
  c1=$(cpu_of "$SERVER"); g1=$(pg_throwaway_cpu)
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  python3 - "$OUT/load-$store-$clients.json" "$store" "$c0" "$c1" "$g0" "$g1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["store"] = sys.argv[2]
d["fapiao_cpu_s"] = round(float(sys.argv[4]) - float(sys.argv[3]), 2)
d["postgres_cpu_s"] = round(float(sys.argv[6]) - float(sys.argv[5]), 2) if sys.argv[2] == "postgres" else 0
json.dump(d, open(sys.argv[1], "w"))
print(json.dumps(d))
PY
}

# The baseline: pgbench, each transaction BATCH rows of about an invoice's size (the events and
# projection rows of one invoice hold roughly 1 kB), committed durably.
psql -d postgres -c "CREATE DATABASE pgbench_rows"
psql -d pgbench_rows -c "CREATE TABLE rows_flat (id bigint PRIMARY KEY, body text NOT NULL)"
cat > "$OUT/pgbench.sql" <<SQL
INSERT INTO rows_flat (id, body) SELECT nextval('ids'), repeat('x', 1000) FROM generate_series(1, $BATCH);
SQL
psql -d pgbench_rows -c "CREATE SEQUENCE ids"
pgbench_run() {
  local clients=$1 tx=$(( (N / BATCH + $1 - 1) / $1 ))
  "$bin/pgbench" -n -h "$sock" -p "$port" -U postgres -c "$clients" -j 2 -t "$tx" -r -f "$OUT/pgbench.sql" pgbench_rows > "$OUT/pgbench-$clients.txt" 2>&1
  python3 - "$OUT/pgbench-$clients.txt" "$clients" "$BATCH" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
tps = float(re.search(r"tps = ([\d.]+)", text).group(1))
lat = float(re.search(r"latency average = ([\d.]+) ms", text).group(1))
print(f'{{"store": "pgbench", "clients": {sys.argv[2]}, "items_per_second": {round(tps * int(sys.argv[3]), 1)}, "latency_avg_ms": {lat}}}')
PY
}

for c in "${CLIENTS[@]}"; do
  echo "== $c clients, batches of $BATCH"
  run sqlite "$c"
  run postgres "$c"
  pgbench_run "$c" | tee "$OUT/pgbench-$c.json"
done

echo
echo "== results: $N invoices per run, batches of $BATCH; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (the machine may be shared)"
python3 - "$OUT" "${CLIENTS[@]}" <<'PY'
import json, sys
out, clients = sys.argv[1], sys.argv[2:]
print(f'{"clients":>7} | {"SQLite inv/s":>12} {"p50 ms":>7} {"p99 ms":>7} {"CPU s":>6} | {"PostgreSQL inv/s":>16} {"p50 ms":>7} {"p99 ms":>7} {"CPU s (fapiao+pg)":>17} | {"PG/SQLite":>9} | {"pgbench rows/s":>14} {"PG/pgbench":>10}')
for c in clients:
    s = json.load(open(f"{out}/load-sqlite-{c}.json"))
    p = json.load(open(f"{out}/load-postgres-{c}.json"))
    b = json.load(open(f"{out}/pgbench-{c}.json"))
    for d in (s, p):
        if d["errors"] or d["outcomes"].get("accepted", 0) != d["items"]:
            print(f'  !! {d["store"]} {c}: outcomes {d["outcomes"]} errors {d["errors"]}')
    print(f'{c:>7} | {s["items_per_second"]:>12} {s["batch_ms_p50"]:>7} {s["batch_ms_p99"]:>7} {s["fapiao_cpu_s"]:>6} | '
          f'{p["items_per_second"]:>16} {p["batch_ms_p50"]:>7} {p["batch_ms_p99"]:>7} {str(p["fapiao_cpu_s"]) + "+" + str(p["postgres_cpu_s"]):>17} | '
          f'{p["items_per_second"] / s["items_per_second"]:>9.2f} | {b["items_per_second"]:>14} {p["items_per_second"] / b["items_per_second"]:>10.2f}')
PY
