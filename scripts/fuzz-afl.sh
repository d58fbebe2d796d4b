#!/usr/bin/env bash
# Coverage-guided fuzzing of one parser with AFL++ through SharpFuzz (docs/fuzzing.md).
#   scripts/fuzz-afl.sh TARGET [SECONDS]    TARGET: json jsonl qr csv xml ofd xlsx pdf image; SECONDS default 600
#   FAPIAO_FUZZ_FINDINGS  where AFL keeps its queue, crashes and hangs (default: $TMPDIR/fapiao-afl/TARGET)
# Installs afl++ (apt-get) and the sharpfuzz tool when missing, builds fuzz/Fapiao.Fuzz into a folder
# of its own, instruments Fapiao.Core.dll and Fapiao.Formats.dll there, and runs afl-fuzz on the
# checked-in seeds fuzz/corpus/TARGET. Each input runs with a 512 MB managed-heap limit: an
# unbounded allocation dies with OutOfMemoryException and counts as a crash, like any exception.
# Exit status 1 when crashes or hangs were found; replay one with
#   dotnet fuzz/Fapiao.Fuzz/bin/Release/net10.0/Fapiao.Fuzz.dll TARGET FILE   (the plain, uninstrumented build)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz-afl.sh TARGET [SECONDS]}"
seconds="${2:-600}"
[ -d "fuzz/corpus/$target" ] || { echo "no seed corpus fuzz/corpus/$target" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export PATH="$PATH:$HOME/.dotnet/tools"

if ! command -v afl-fuzz >/dev/null; then
  apt-get install -y afl++ >/dev/null
fi
if ! command -v sharpfuzz >/dev/null; then
  dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

work="${TMPDIR:-/tmp}/fapiao-afl"
bin="$work/bin"
findings="${FAPIAO_FUZZ_FINDINGS:-$work/$target}"
# A fresh build each run: instrumenting twice is refused, and the test build must never see these dlls.
plain=fuzz/Fapiao.Fuzz/bin/Release/net10.0
dotnet build fuzz/Fapiao.Fuzz -c Release -nologo -v quiet >/dev/null
rm -rf "$bin"
cp -r "$plain" "$bin"
sharpfuzz "$bin/Fapiao.Core.dll"
sharpfuzz "$bin/Fapiao.Formats.dll"

rm -rf "$findings"
mkdir -p "$findings"
echo "afl-fuzz: target $target for $seconds s, seeds fuzz/corpus/$target, findings $findings"
# dotnet itself is not instrumented (SKIP_BIN_CHECK); the CPU governor and core_pattern are the
# machine's (SKIP_CPUFREQ, I_DONT_CARE_ABOUT_MISSING_CRASHES); NO_UI for a plain log.
AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
DOTNET_GCHeapHardLimit=0x20000000 DOTNET_TieredCompilation=0 \
  afl-fuzz -i "fuzz/corpus/$target" -o "$findings" -t 10000 -m none -V "$seconds" \
    -- dotnet "$bin/Fapiao.Fuzz.dll" "$target" >"$findings/afl.log" 2>&1 || { tail -n 30 "$findings/afl.log"; exit 3; }

stats="$findings/default/fuzzer_stats"
field() { awk -F': *' -v k="$1" '$1 ~ "^"k" *$" {print $2}' "$stats"; }
crashes=$(find "$findings/default/crashes" -type f -name 'id:*' | wc -l)
hangs=$(find "$findings/default/hangs" -type f -name 'id:*' | wc -l)
echo "afl-fuzz $target: $(field execs_done) execs in $(field run_time) s ($(field execs_per_sec) execs/s)," \
  "corpus $(field corpus_count) inputs ($(field corpus_found) found), edges $(field edges_found), bitmap $(field bitmap_cvg)," \
  "$crashes crashes, $hangs hangs"
for crash in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
  [ -f "$crash" ] || continue
  echo "--- $crash"
  timeout 30 dotnet "$plain/Fapiao.Fuzz.dll" "$target" "$crash" 2>&1 | head -n 15 || true
done
[ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ]
