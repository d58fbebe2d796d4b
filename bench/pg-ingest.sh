#!/usr/bin/env bash
# Whole-program benchmark: ingest N generated invoices (default 1,000,000) into PostgreSQL through
# `fapiao ingest`, against the outside baseline of `psql \copy` loading the same invoices
# flattened to CSV into a plain table, on the same throwaway server in the same run. Prints both
# times and the ratio (target: at most 2x), the CPU each side used (the fapiao process, the
# server's processes, psql) and the load average. Usage: bench/pg-ingest.sh [COUNT]
# The server keeps fsync and synchronous_commit on (the store refuses to start otherwise); WAL
# buffers, max_wal_size and checkpoint_timeout are raised for both legs alike, so that checkpoints
# (and the full-page images after each) do not fall in the middle of a run.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
source scripts/pg-throwaway.sh
export PG_THROWAWAY_SETTINGS="-c wal_buffers=64MB -c max_wal_size=8GB -c checkpoint_timeout=30min"
trap pg_throwaway_stop EXIT
pg_throwaway_start
sock="$PG_THROWAWAY_DIR/socket"; port=$PG_THROWAWAY_PORT; bin=$PG_THROWAWAY_BIN
psql() { "$bin/psql" -X -q -h "$sock" -p "$port" -U postgres "$@"; }
psql -d postgres -c "CREATE DATABASE bench_fapiao" -c "CREATE DATABASE bench_copy"

[ -x /usr/bin/time ] || apt-get install -y -qq time bc >/dev/null
work=$(mktemp -d /tmp/fapiao-bench.XXXXXX)
trap 'pg_throwaway_stop; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Fapiao.Cli -c Release -nologo -v quiet >/dev/null
fapiao() { dotnet src/Fapiao.Cli/bin/Release/net10.0/fapiao.dll "$@"; }

echo "generating $count invoices"
fapiao demo generate --count "$count" --seed 1 --out "$work/invoices.jsonl"
python3 bench/flatten.py "$work/invoices.jsonl" "$work/invoices.csv" "$work/lines.csv"
echo "input: $(du -h "$work/invoices.jsonl" | cut -f1) JSON Lines, $(du -ch "$work/invoices.csv" "$work/lines.csv" | tail -1 | cut -f1) CSV"

db="Host=$sock;Port=$port;Username=postgres;Database=bench_fapiao"
fapiao init --data "$work/data" --db "$db" >/dev/null
sleep 1; pg0=$(pg_throwaway_cpu)
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$work/cpu" dotnet src/Fapiao.Cli/bin/Release/net10.0/fapiao.dll ingest "$work/invoices.jsonl" --data "$work/data" --db "$db" --json > "$work/ingest.json"
fapiao_s=$(echo "$(date +%s.%N) - $start" | bc)
read -r cpu_user cpu_sys < "$work/cpu"
sleep 1; fapiao_pg_cpu=$(echo "$(pg_throwaway_cpu) - $pg0" | bc)
cat "$work/ingest.json"; echo

# The baseline: the same invoices flattened (bench/flatten.py, as bench/ingest.sh does for SQLite)
# into plain tables without indexes, loaded with psql \copy.
psql -d bench_copy -c "CREATE TABLE invoices_flat (number text, code text, type text, issue_date text, seller_tax_id text, seller_name text,
  buyer_tax_id text, buyer_name text, amount text, tax text, total text, check_code text, remarks text, red_letter_of text)" \
  -c "CREATE TABLE lines_flat (number text, code text, line_no int, name text, spec text, unit text, quantity text, unit_price text,
  amount text, tax_rate text, tax text)"
sleep 1; pg0=$(pg_throwaway_cpu)
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$work/psql-cpu" "$bin/psql" -X -q -h "$sock" -p "$port" -U postgres -d bench_copy -c "\\copy invoices_flat FROM '$work/invoices.csv' WITH (FORMAT csv, HEADER true)" \
  -c "\\copy lines_flat FROM '$work/lines.csv' WITH (FORMAT csv, HEADER true)"
copy_s=$(echo "$(date +%s.%N) - $start" | bc)
sleep 1; copy_pg_cpu=$(echo "$(pg_throwaway_cpu) - $pg0" | bc)
read -r psql_user psql_sys < "$work/psql-cpu"

# The floor: the ledger's own rows (events, tree nodes, invoice rows), dumped in binary and loaded
# with psql \copy into tables of the same shape with the same indexes (LIKE ... INCLUDING ALL), on
# the same server: what writing those rows costs with nothing parsed, validated or hashed.
for t in events nodes invoices; do
  psql -d bench_fapiao -c "\\copy (SELECT * FROM $t) TO '$work/$t.bin' WITH (FORMAT binary)"
  psql -d bench_fapiao -c "CREATE TABLE same_$t (LIKE $t INCLUDING ALL)"
done
sync; sleep 1; pg0=$(pg_throwaway_cpu)
start=$(date +%s.%N)
"$bin/psql" -X -q -h "$sock" -p "$port" -U postgres -d bench_fapiao \
  -c "\\copy same_events FROM '$work/events.bin' WITH (FORMAT binary)" \
  -c "\\copy same_nodes FROM '$work/nodes.bin' WITH (FORMAT binary)" \
  -c "\\copy same_invoices FROM '$work/invoices.bin' WITH (FORMAT binary)"
same_s=$(echo "$(date +%s.%N) - $start" | bc)
sleep 1; same_pg_cpu=$(echo "$(pg_throwaway_cpu) - $pg0" | bc)

start=$(date +%s.%N)
fapiao verify --data "$work/data" --db "$db" >/dev/null
verify_s=$(echo "$(date +%s.%N) - $start" | bc)

ratio=$(echo "scale=2; $fapiao_s / $copy_s" | bc)
fapiao_cpu=$(echo "$cpu_user + $cpu_sys" | bc)
copy_cpu=$(echo "$psql_user + $psql_sys" | bc)
echo "machine: $(nproc) cores, load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
printf 'invoices: %d\nfapiao ingest (PostgreSQL): %.1f s (%.0f invoices/s); CPU: fapiao %.1f s + server %.1f s\npsql \\copy (flat CSV):     %.1f s (%.0f invoices/s); CPU: psql %.1f s + server %.1f s\nratio: %sx (target: at most 2x); CPU ratio %.1fx\nfapiao verify: %.1f s\n' \
  "$count" "$fapiao_s" "$(echo "$count / $fapiao_s" | bc -l)" "$fapiao_cpu" "$fapiao_pg_cpu" \
  "$copy_s" "$(echo "$count / $copy_s" | bc -l)" "$copy_cpu" "$copy_pg_cpu" \
  "$ratio" "$(echo "($fapiao_cpu + $fapiao_pg_cpu) / ($copy_cpu + $copy_pg_cpu)" | bc -l)" "$verify_s"
printf 'floor: the ledger'"'"'s own rows by psql \\copy (same tables and indexes): %.1f s (%.2fx the flat \\copy; server CPU %.1f s); fapiao ingest is %.2fx this\n' \
  "$same_s" "$(echo "$same_s / $copy_s" | bc -l)" "$same_pg_cpu" "$(echo "$fapiao_s / $same_s" | bc -l)"
