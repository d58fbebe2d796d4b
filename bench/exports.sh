#!/usr/bin/env bash
# Whole-program benchmark: `fapiao ingest` of a tax-platform export as CSV and as XLSX, and of
# many OFD files, each against the JSON Lines ingest of the same invoices, in the same run, each
# into a fresh ledger. Prints items per second of wall time and of CPU time (user + system:
# steadier on a shared machine), peak resident memory, and the ratios to JSON Lines.
#   bash bench/exports.sh [ROWS] [OFD_FILES]     (defaults 1000000 and 10000)
# The XLSX is `fapiao export --format xlsx` of the CSV leg's ledger (the same invoices); the OFD
# files are the edrm fixture with the invoice number changed, and their JSON Lines twin is
# `fapiao export` of the OFD leg's ledger.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
ofds=${2:-10000}
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

# OFD files: the edrm fixture (original_invoice.xml attachment) with a different invoice number each.
fixture=${FAPIAO_FIXTURES:-../shared/fixtures}/ofd/legacy-einvoice-2020.ofd
[ -f "$fixture" ] || { echo "needs the OFD fixture $fixture (set FAPIAO_FIXTURES)"; exit 2; }
python3 - "$ofds" "$out/ofd" "$fixture" <<'PY'
import os, sys, zipfile
count, folder, fixture = int(sys.argv[1]), sys.argv[2], sys.argv[3]
os.makedirs(folder, exist_ok=True)
source = zipfile.ZipFile(fixture)
parts = [(info, source.read(info.filename)) for info in source.infolist()]
for i in range(count):
    number = f"{i:08d}".encode()
    with zipfile.ZipFile(f"{folder}/{i:06d}.ofd", "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "Doc_0/Attachs/original_invoice.xml":
                data = data.replace(b">83089647<", b">" + number + b"<").replace(b",83089647,", b"," + number + b",")
            z.writestr(info, data)
PY

run() { # name expected-items file...
  local name=$1 expected=$2
  shift 2
  local data="$out/ledger-$name"
  FAPIAO_DATA="$data" $fapiao init >/dev/null
  local start end
  start=$(date +%s.%N)
  FAPIAO_DATA="$data" /usr/bin/time -f "%M %U %S" -o "$out/$name.rss" $fapiao ingest "$@" --json >"$out/$name.json"
  end=$(date +%s.%N)
  local seconds rss user sys cpu accepted
  seconds=$(python3 -c "print($end - $start)")
  read -r rss user sys < <(tail -n 1 "$out/$name.rss")
  cpu=$(python3 -c "print($user + $sys)")
  accepted=$(grep -o '"accepted": *[0-9]*' "$out/$name.json" | grep -o '[0-9]*$')
  [ "$accepted" = "$expected" ] || { echo "$name: accepted $accepted of $expected"; exit 1; }
  python3 -c "print(f'{\"$name\":<10} {$expected:>9} items  wall {$seconds:7.1f} s = {$expected / $seconds:7.0f} /s  cpu {$cpu:7.1f} s = {$expected / $cpu:7.0f} /s  peak RSS {$rss / 1024:5.0f} MiB')"
  echo "$seconds $cpu $rss" >"$out/$name.result"
}

ratio() { # name baseline
  read -r s1 c1 r1 <"$out/$1.result"
  read -r s2 c2 r2 <"$out/$2.result"
  python3 -c "print(f'$1 / $2: wall {$s1 / $s2:.2f}x, cpu {$c1 / $c2:.2f}x, peak RSS {$r1 / $r2:.2f}x  (per item)')"
}

run jsonl "$rows" "$out/invoices.jsonl"
run csv "$rows" "$out/invoices.csv"
FAPIAO_DATA="$out/ledger-csv" $fapiao export --format xlsx --out "$out/invoices.xlsx"
run xlsx "$rows" "$out/invoices.xlsx"
run ofd "$ofds" "$out"/ofd/*.ofd
FAPIAO_DATA="$out/ledger-ofd" $fapiao export --format jsonl --out "$out/ofd-twin.jsonl"
run ofd-jsonl "$ofds" "$out/ofd-twin.jsonl"
ls -l "$out"/invoices.* | awk '{print $5, $9}'
echo "ofd files: $(du -sh "$out/ofd" | cut -f1) in $ofds files"
ratio csv jsonl
ratio xlsx jsonl
ratio ofd ofd-jsonl
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
