#!/usr/bin/env bash
# A long random-mutation pass over every parser target (the short pass runs in the test suite);
# for coverage-guided fuzzing of one target use scripts/fuzz-afl.sh (docs/fuzzing.md).
#   FAPIAO_FUZZ_ITERATIONS  mutants to try per target (default 20000)
#   FAPIAO_FUZZ_SEED        the random seed (default: a new one each run, printed)
#   FAPIAO_FUZZ_OUT         where a breaking input is saved (default: $TMPDIR/fapiao-fuzz)
# A crash names its saved input: turn it into a regression test beside the reader's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export FAPIAO_FUZZ_ITERATIONS="${FAPIAO_FUZZ_ITERATIONS:-20000}"
export FAPIAO_FUZZ_SEED="${FAPIAO_FUZZ_SEED:-$((RANDOM * 32768 + RANDOM))}"
echo "fuzzing: $FAPIAO_FUZZ_ITERATIONS mutants per target, seed $FAPIAO_FUZZ_SEED"
status=0
for project in Fapiao.Tests Fapiao.Formats.Tests; do
  log=$(mktemp)
  dotnet test "test/$project" -c Release -nologo \
    --filter "FullyQualifiedName~FuzzTests" \
    --logger "console;verbosity=normal" >"$log" 2>&1 || status=$?
  grep -E "fuzz |broke|saved|took too long|allocated too much|Passed!|Failed!|error" "$log" || tail -n 40 "$log"
  rm -f "$log"
done
exit "$status"
