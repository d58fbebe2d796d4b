#!/usr/bin/env bash
# Whole-program benchmark of the ledger core (issue 2), against outside baselines in the same run:
#   ingest  vs  sqlite3 .import of the same invoices flattened to CSV (invoice rows + line rows)
#   verify  vs  sha256sum over the same event bytes
# and two floors: sqlite3 writing the ledger's own rows (tables and indexes as the ledger's), once in
# one transaction and once in the ledger's own transactions in log order; nothing parsed or hashed;
# and the writer alone: the same ingest code with every item parsed and validated beforehand.
# Usage: bench/ingest.sh [COUNT] [RUNS]   (default 1000000, 1). Prints the figures and the ratios;
# with RUNS > 1 it alternates .import and ingest RUNS times and reports the median pair.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${2:-1}
OUT=bench/out
mkdir -p "$OUT"
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install sqlite3)"; exit 2; }

dotnet build src/Fapiao.Cli -c Release -nologo -v quiet >/dev/null
dotnet build bench/Fapiao.Benchmarks -c Release -nologo -v quiet >/dev/null
FAPIAO="dotnet src/Fapiao.Cli/bin/Release/net10.0/fapiao.dll"
BENCH="dotnet bench/Fapiao.Benchmarks/bin/Release/net10.0/Fapiao.Benchmarks.dll"

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
# user+sys seconds from a "/usr/bin/time -f '%M %U %S'" file
cpu() { python3 -c "m,u,s=open('$1').read().split()[:3]; print(f'{float(u)+float(s):.2f}')"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

echo "machine: $(nproc) cores, load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== generating $N invoices"
$FAPIAO demo generate --count "$N" --seed 42 --out "$OUT/invoices.jsonl"
python3 bench/flatten.py "$OUT/invoices.jsonl" "$OUT/invoices.csv" "$OUT/lines.csv"
ls -l "$OUT"/invoices.jsonl "$OUT"/invoices.csv "$OUT"/lines.csv | awk '{print $5, $9}'
sync

import_once() {
  rm -f "$OUT/plain.db" "$OUT/plain.db-wal" "$OUT/plain.db-shm"
  local t0 t1
  t0=$(now)
  /usr/bin/time -f "%M" -o "$OUT/sqlite3.mem" sqlite3 "$OUT/plain.db" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
CREATE TABLE invoices (number TEXT, code TEXT, type TEXT, issue_date TEXT, seller_tax_id TEXT, seller_name TEXT, buyer_tax_id TEXT, buyer_name TEXT, amount TEXT, tax TEXT, total TEXT, check_code TEXT, remarks TEXT, red_letter_of TEXT);
CREATE TABLE lines (number TEXT, code TEXT, line_no INTEGER, name TEXT, spec TEXT, unit TEXT, quantity TEXT, unit_price TEXT, amount TEXT, tax_rate TEXT, tax TEXT);
.mode csv
.import --skip 1 $OUT/invoices.csv invoices
.import --skip 1 $OUT/lines.csv lines
SQL
  t1=$(now)
  elapsed "$t0" "$t1"
}

ingest_once() {
  rm -rf "$OUT/data"
  $FAPIAO --data "$OUT/data" init >/dev/null
  local t0 t1
  t0=$(now)
  /usr/bin/time -f "%M %U %S" -o "$OUT/ingest.mem" $FAPIAO --data "$OUT/data" ingest "$OUT/invoices.jsonl" --json >&2
  t1=$(now)
  elapsed "$t0" "$t1"
}

# RUNS pairs, each .import then ingest, so that both legs of a pair see the machine in the same
# state; the ratio reported is the median pair's (this machine's speed drifts between runs).
pairs=()
for run in $(seq "$RUNS"); do
  echo "== run $run of $RUNS: baseline sqlite3 .import (WAL, synchronous=FULL, as the ledger)"
  import_s=$(import_once)
  echo "== run $run of $RUNS: fapiao ingest (parse, validate, hash, log, project, durable)"
  ingest_s=$(ingest_once)
  echo "   .import ${import_s} s, ingest ${ingest_s} s (CPU $(cpu "$OUT/ingest.mem") s), ratio $(ratio "$ingest_s" "$import_s")x"
  pairs+=("$(ratio "$ingest_s" "$import_s") $import_s $ingest_s")
done
read -r median_ratio import_s ingest_s <<< "$(printf '%s\n' "${pairs[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")"

echo "== floor: SQLite writing the ledger's own rows (same tables and indexes, one transaction, nothing parsed or hashed)"
rm -f "$OUT/same.db" "$OUT/same.db-wal" "$OUT/same.db-shm"
python3 - "$OUT/data/ledger.db" > "$OUT/same.sql" <<'PY'
import sqlite3, sys
src = sys.argv[1]
tables = ["events", "nodes", "invoices"]
db = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
ddl = [sql for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table','index') ORDER BY type DESC")
       if name in tables or any(sql.split(" ON ")[-1].startswith(t + " ") for t in tables)]
print("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=FULL;")
print(f"ATTACH '{src}' AS src;")
print("BEGIN;")
for sql in ddl:
    print(sql + ";")
for t in tables:
    print(f"INSERT INTO main.{t} SELECT * FROM src.{t};")
print("COMMIT;")
PY
sync
t0=$(now); sqlite3 "$OUT/same.db" < "$OUT/same.sql" >/dev/null; t1=$(now)
same_s=$(elapsed "$t0" "$t1")
rm -f "$OUT/same.db" "$OUT/same.db-wal" "$OUT/same.db-shm"

echo "== floor: SQLite writing the ledger's own rows in the ledger's own transactions (same order, one per checkpoint)"
python3 bench/floor_commits.py "$OUT/data/ledger.db" "$OUT/stage.db" "$OUT/commits.sql"
rm -f "$OUT/commits.db" "$OUT/commits.db-wal" "$OUT/commits.db-shm"
sync
t0=$(now); sqlite3 "$OUT/commits.db" < "$OUT/commits.sql" >/dev/null; t1=$(now)
commits_s=$(elapsed "$t0" "$t1")
rm -f "$OUT/stage.db" "$OUT/commits.db" "$OUT/commits.db-wal" "$OUT/commits.db-shm"

echo "== the writer alone: the same ingest with every item parsed, validated and made canonical beforehand (untimed, held in memory)"
rm -f "$OUT/alone.db" "$OUT/alone.db-wal" "$OUT/alone.db-shm"
sync
read -r _ alone_s alone_cpu _ <<< "$($BENCH writer-alone "$OUT/alone.db" "$OUT/invoices.jsonl")"
rm -f "$OUT/alone.db" "$OUT/alone.db-wal" "$OUT/alone.db-shm"

echo "== baseline: sha256sum over the event bytes"
python3 bench/dump_events.py "$OUT/data/ledger.db" "$OUT/events.bin"
sync
t0=$(now); sha256sum "$OUT/events.bin" >/dev/null; t1=$(now)
sha_s=$(elapsed "$t0" "$t1")

echo "== fapiao verify"
t0=$(now)
/usr/bin/time -f "%M %U %S" -o "$OUT/verify.mem" $FAPIAO --data "$OUT/data" verify
t1=$(now)
verify_s=$(elapsed "$t0" "$t1")

echo
echo "invoices:            $N"
echo "sqlite3 .import:     ${import_s} s   (the median pair's)"
echo "fapiao ingest:       ${ingest_s} s   CPU $(cpu "$OUT/ingest.mem") s (last run)   peak RSS $(($(cut -d' ' -f1 "$OUT/ingest.mem") / 1024)) MB   ratio to .import: ${median_ratio}x (target <= 2)"
if [ "$RUNS" -gt 1 ]; then
  echo "ratios of the $RUNS pairs: $(printf '%s\n' "${pairs[@]}" | cut -d' ' -f1 | sort -n | sed 's/$/x/' | tr '\n' ' ')(median shown above)"
fi
echo "same rows by SQL:    ${same_s} s   (the ledger's tables and indexes copied by sqlite3: $(ratio "$same_s" "$import_s")x .import; fapiao ingest is $(ratio "$ingest_s" "$same_s")x this)"
echo "same writes by SQL:  ${commits_s} s   (the same rows in the ledger's $(sqlite3 "$OUT/data/ledger.db" 'SELECT count(*) FROM checkpoints') transactions, in log order: $(ratio "$commits_s" "$import_s")x .import; fapiao ingest is $(ratio "$ingest_s" "$commits_s")x this)"
echo "writer alone:        ${alone_s} s   CPU ${alone_cpu} s   (items parsed beforehand: $(ratio "$alone_s" "$import_s")x .import; fapiao ingest is $(ratio "$ingest_s" "$alone_s")x this)"
echo "sha256sum events:    ${sha_s} s   ($(($(stat -c %s "$OUT/events.bin") / 1048576)) MB)"
echo "fapiao verify:       ${verify_s} s   CPU $(cpu "$OUT/verify.mem") s   peak RSS $(($(cut -d' ' -f1 "$OUT/verify.mem") / 1024)) MB   ratio to sha256sum: $(ratio "$verify_s" "$sha_s")x (target <= 3)"
echo "machine: $(nproc) cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
