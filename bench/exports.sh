#!/usr/bin/env bash
# Whole-program benchmark: `fapiao ingest` of a tax-platform export as CSV against the JSON Lines
# ingest of the same invoices, in the same run, each into a fresh ledger. Prints rows per second
# of wall time and of CPU time (user + system: steadier on a shared machine), peak resident
# memory, and the ratios CSV / JSON Lines.
#   bash bench/exports.sh [ROWS]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
out=bench/out/exports
rm -rf "$out" && mkdir -p "$out"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# A build of its own, so that building the tests meanwhile cannot swap the program under the benchmark.
dotnet build src/Fapiao.Cli -c Release -nologo -v quiet -o "$out/bin" >/dev/null
fapiao="dotnet $out/bin/fapiao.dll"

# The same invoices twice: a platform export (title row, Chinese headers, an extra column) and JSON Lines.
python3 - "$rows" "$out" <<'PY'
import sys
rows, out = int(sys.argv[1]), sys.argv[2]
with open(f"{out}/invoices.csv", "w", encoding="utf-8", newline="") as csv, open(f"{out}/invoices.jsonl", "w", encoding="utf-8") as jsonl:
    csv.write("全量发票查询导出结果\n序号,发票票种,发票状态,开票日期,数电发票号码,销方识别号,销方名称,购方识别号,购买方名称,金额,税额,价税合计,备注\n")
    for i in range(rows):
        number = f"2444{i:016d}"
        amount = 100 + i % 9000
        tax = amount * 6 // 100
        a, t, s = f"{amount}.00", f"{tax}.00", f"{amount + tax}.00"
        csv.write(f"{i + 1},数电票（普通发票）,正常,2024-05-28 10:08:05,{number},914403001922038216,华为技术有限公司,91330100799655058B,阿里巴巴（中国）有限公司,{a},{t},{s},第{i}张\n")
        jsonl.write(f'{{"number":"{number}","type":"32","issueDate":"2024-05-28","seller":{{"taxId":"914403001922038216","name":"华为技术有限公司"}},'
                    f'"buyer":{{"taxId":"91330100799655058B","name":"阿里巴巴（中国）有限公司"}},"amount":"{a}","tax":"{t}","total":"{s}","remarks":"第{i}张"}}\n')
PY

run() { # name file
  local data="$out/ledger-$1"
  FAPIAO_DATA="$data" $fapiao init >/dev/null
  local start end
  start=$(date +%s.%N)
  FAPIAO_DATA="$data" /usr/bin/time -f "%M %U %S" -o "$out/$1.rss" $fapiao ingest "$2" --json >"$out/$1.json"
  end=$(date +%s.%N)
  local seconds rss user sys cpu accepted
  seconds=$(python3 -c "print($end - $start)")
  read -r rss user sys < <(tail -n 1 "$out/$1.rss")
  cpu=$(python3 -c "print($user + $sys)")
  accepted=$(grep -o '"accepted": *[0-9]*' "$out/$1.json" | grep -o '[0-9]*$')
  [ "$accepted" = "$rows" ] || { echo "$1: accepted $accepted of $rows"; exit 1; }
  python3 -c "print(f'{\"$1\":<6} {$rows:>9} rows  wall {$seconds:7.1f} s = {$rows / $seconds:7.0f} rows/s  cpu {$cpu:7.1f} s = {$rows / $cpu:7.0f} rows/s  peak RSS {$rss / 1024:5.0f} MiB')"
  echo "$seconds $cpu $rss" >"$out/$1.result"
}

run jsonl "$out/invoices.jsonl"
run csv "$out/invoices.csv"
read -r js jc jr <"$out/jsonl.result"
read -r cs cc cr <"$out/csv.result"
python3 -c "print(f'csv / jsonl: wall {$cs / $js:.2f}x, cpu {$cc / $jc:.2f}x, peak RSS {$cr / $jr:.2f}x')"
