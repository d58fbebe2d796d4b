#!/usr/bin/env bash
# A long random-mutation pass over the XML and OFD readers (the short pass runs in the test suite).
#   FAPIAO_FUZZ_ITERATIONS  mutants to try (default 100000)
#   FAPIAO_FUZZ_SEED        the random seed (default: a new one each run, printed)
#   FAPIAO_FUZZ_OUT         where a crashing input is saved (default: $TMPDIR/fapiao-fuzz)
# A crash names its saved input: turn it into a regression test under test/Fapiao.Tests/Formats/Fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export FAPIAO_FUZZ_ITERATIONS="${FAPIAO_FUZZ_ITERATIONS:-100000}"
export FAPIAO_FUZZ_SEED="${FAPIAO_FUZZ_SEED:-$((RANDOM * 32768 + RANDOM))}"
echo "fuzzing: $FAPIAO_FUZZ_ITERATIONS mutants, seed $FAPIAO_FUZZ_SEED"
log=$(mktemp)
status=0
dotnet test test/Fapiao.Tests -c Release -nologo \
  --filter "FullyQualifiedName~Fapiao.Tests.Formats.Fuzz.ParserFuzzTests" \
  --logger "console;verbosity=normal" >"$log" 2>&1 || status=$?
grep -E "fuzz:|threw|saved|took too long|without an error|Passed!|Failed!|error" "$log" || tail -n 40 "$log"
rm -f "$log"
exit "$status"
