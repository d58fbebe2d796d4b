#!/usr/bin/env bash
# Whole-program benchmark: ingest N generated invoices (default 1,000,000) into PostgreSQL through
# `fapiao ingest`, against the outside baseline of `psql \copy` loading the same invoices
# flattened to CSV into a plain table, on the same throwaway server in the same run. Prints both
# times and the ratio (target: at most 2x). Usage: bench/pg-ingest.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
source scripts/pg-throwaway.sh
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
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$work/cpu" dotnet src/Fapiao.Cli/bin/Release/net10.0/fapiao.dll ingest "$work/invoices.jsonl" --data "$work/data" --db "$db" --json > "$work/ingest.json"
fapiao_s=$(echo "$(date +%s.%N) - $start" | bc)
read -r cpu_user cpu_sys < "$work/cpu"
cat "$work/ingest.json"; echo

# The baseline: the same invoices flattened (bench/flatten.py, as bench/ingest.sh does for SQLite)
# into plain tables without indexes, loaded with psql \copy.
psql -d bench_copy -c "CREATE TABLE invoices_flat (number text, code text, type text, issue_date text, seller_tax_id text, seller_name text,
  buyer_tax_id text, buyer_name text, amount text, tax text, total text, check_code text, remarks text, red_letter_of text)" \
  -c "CREATE TABLE lines_flat (number text, code text, line_no int, name text, spec text, unit text, quantity text, unit_price text,
  amount text, tax_rate text, tax text)"
start=$(date +%s.%N)
psql -d bench_copy -c "\\copy invoices_flat FROM '$work/invoices.csv' WITH (FORMAT csv, HEADER true)" \
  -c "\\copy lines_flat FROM '$work/lines.csv' WITH (FORMAT csv, HEADER true)"
copy_s=$(echo "$(date +%s.%N) - $start" | bc)

start=$(date +%s.%N)
fapiao verify --data "$work/data" --db "$db" >/dev/null
verify_s=$(echo "$(date +%s.%N) - $start" | bc)

ratio=$(echo "scale=2; $fapiao_s / $copy_s" | bc)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
printf 'invoices: %d\nfapiao ingest (PostgreSQL): %.1f s (%.0f invoices/s; the fapiao process used %.1f s CPU)\npsql \\copy (flat CSV):     %.1f s (%.0f invoices/s)\nratio: %sx (target: at most 2x)\nfapiao verify: %.1f s\n' \
  "$count" "$fapiao_s" "$(echo "$count / $fapiao_s" | bc -l)" "$(echo "$cpu_user + $cpu_sys" | bc)" "$copy_s" "$(echo "$count / $copy_s" | bc -l)" "$ratio" "$verify_s"
