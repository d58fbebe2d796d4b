#!/usr/bin/env bash
# verify alone, on a ledger bench/ingest.sh already filled (no new ingest), against sha256sum over
# the same event bytes in the same run; with BASE (a folder holding another build's fapiao.dll)
# that build's verify runs too, alternating with this one, for a CPU comparison on a busy machine.
# Usage: bench/verify.sh [DATA] [RUNS] [BASE]   (defaults: bench/out/data, 2 runs, no base)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-bench/out/data}
RUNS=${2:-2}
BASE=${3:-}
OUT=bench/out
mkdir -p "$OUT"
[ -f "$DATA/ledger.db" ] || { echo "no ledger at $DATA: run bench/ingest.sh first"; exit 2; }

dotnet build src/Fapiao.Cli -c Release -nologo -v quiet >/dev/null
BRANCH=src/Fapiao.Cli/bin/Release/net10.0

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
# user+sys seconds and peak RSS (MB) from a "/usr/bin/time -f '%M %U %S'" file
cpu() { python3 -c "m,u,s=open('$1').read().split()[:3]; print(f'{float(u)+float(s):.2f}')"; }
rss() { echo $(($(cut -d' ' -f1 "$1") / 1024)); }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

python3 bench/dump_events.py "$DATA/ledger.db" "$OUT/events.bin"
sync
t0=$(now); sha256sum "$OUT/events.bin" >/dev/null; t1=$(now)
sha_s=$(elapsed "$t0" "$t1")
echo "sha256sum events:  ${sha_s} s   ($(($(stat -c %s "$OUT/events.bin") / 1048576)) MB)"

run() { # name dll-folder
  local t0 t1 s
  t0=$(now)
  /usr/bin/time -f "%M %U %S" -o "$OUT/verify-$1.mem" dotnet "$2/fapiao.dll" --data "$DATA" verify >/dev/null
  t1=$(now)
  s=$(elapsed "$t0" "$t1")
  echo "$1 verify:  ${s} s   CPU $(cpu "$OUT/verify-$1.mem") s   peak RSS $(rss "$OUT/verify-$1.mem") MB   ratio to sha256sum: $(ratio "$s" "$sha_s")x (target <= 3)   load $(cut -d' ' -f1 /proc/loadavg)"
}

for i in $(seq "$RUNS"); do
  [ -n "$BASE" ] && run base "$BASE"
  run this "$BRANCH"
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
