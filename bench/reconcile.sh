#!/usr/bin/env bash
# fapiao reconcile against pandas merge(indicator=True) on the same two CSV files, N against N
# invoices with 1% differences, in the same run: time, CPU time and peak memory of both, and the
# ratios. Usage: bench/reconcile.sh [N] (default 1000000). Needs Debian's python3-pandas.
# PANDAS=0 bench/reconcile.sh 10000000 runs fapiao alone (pandas needs about 8 GB at that size).
set -euo pipefail
N=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/fapiao-bench-reconcile-XXXX)
trap 'rm -rf "$WORK"' EXIT
PY=/usr/bin/python3
dotnet build "$ROOT/src/Fapiao.Cli" -c Release -v quiet >/dev/null
FAPIAO="$ROOT/src/Fapiao.Cli/bin/Release/net10.0/fapiao.dll"

echo "generating $N vs $N invoices…"
$PY "$ROOT/bench/reconcile_gen.py" "$N" "$WORK/left.csv" "$WORK/right.csv"
ls -l "$WORK"/*.csv | awk '{print $5, $9}'

measure() { # name, command…: runs it under /usr/bin/time -v, prints wall, user+sys, max RSS
    local name=$1; shift
    /usr/bin/time -v "$@" >"$WORK/$name.out" 2>"$WORK/$name.time" || true
    local wall user sys rss
    wall=$(grep 'Elapsed (wall clock)' "$WORK/$name.time" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    user=$(grep 'User time' "$WORK/$name.time" | awk '{print $NF}')
    sys=$(grep 'System time' "$WORK/$name.time" | awk '{print $NF}')
    rss=$(grep 'Maximum resident' "$WORK/$name.time" | awk '{print $NF}')
    echo "$name $wall $(echo "$user + $sys" | bc) $rss"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
F=$(measure fapiao dotnet "$FAPIAO" --json reconcile --left "$WORK/left.csv" --right "$WORK/right.csv" --temp "$WORK")
echo "fapiao: $($PY -c "import json,sys; d=json.load(open('$WORK/fapiao.out')); print('matched', d['matched'], 'mismatched', len(d['mismatched']), 'missingInLedger', len(d['missingInLedger']), 'missingInOther', len(d['missingInOther']), 'duplicates', len(d['duplicates']))")"
read -r _ fw fc fr <<<"$F"
printf '%-8s %10s %12s %14s\n' "" "wall s" "user+sys s" "peak RSS MB"
printf '%-8s %10.2f %12.2f %14.0f\n' fapiao "$fw" "$fc" "$(echo "$fr / 1024" | bc)"
if [ "${PANDAS:-1}" != 0 ]; then
    P=$(measure pandas $PY "$ROOT/bench/reconcile_pandas.py" "$WORK/left.csv" "$WORK/right.csv")
    echo "pandas: $(cat "$WORK/pandas.out")"
    read -r _ pw pc pr <<<"$P"
    printf '%-8s %10.2f %12.2f %14.0f\n' pandas "$pw" "$pc" "$(echo "$pr / 1024" | bc)"
    echo "speed-up (pandas / fapiao): wall $(echo "scale=2; $pw / $fw" | bc)x (target >= 2), CPU $(echo "scale=2; $pc / $fc" | bc)x; memory fapiao/pandas $(echo "scale=2; $fr / $pr" | bc) (target <= 1)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
