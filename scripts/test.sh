#!/usr/bin/env bash
# Runs every test of the solution and ends with one line: "N passed, N failed[, N skipped]".
# Installs what the machine lacks (Debian packages) first; needs no network beyond the package registries.
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# SkiaSharp's native library (QR images) links against fontconfig and FreeType.
ldconfig -p | grep -q 'libfontconfig\.so\.1 ' || need+=(libfontconfig1)
ldconfig -p | grep -q 'libfreetype\.so\.6 ' || need+=(libfreetype6)
# The metrics test checks /metrics with promtool (Debian's prometheus package).
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
# The PDF tests embed a CJK TrueType font in the invoices they build.
[ -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ] || need+=(fonts-arphic-gbsn00lp)
# The web UI's browser tests drive Debian's Chromium (never a downloaded one) and show Chinese text.
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq "${need[@]}" >/dev/null || echo "warning: could not install ${need[*]}"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The PostgreSQL tests run on a throwaway server started here and stopped on exit. Where it cannot
# start they are reported as skipped, or, with CI=true, as failed (test/Fapiao.PostgreSql.Tests).
source scripts/pg-throwaway.sh
trap pg_throwaway_stop EXIT
pg_throwaway_start || echo "warning: no PostgreSQL server for the tests"
log=$(mktemp)
dotnet build Fapiao.slnx -c Release -nologo -v quiet 2>&1 | tail -n 30
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Fapiao.slnx -c Release --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
assemblies=$(grep -Ec '(Passed|Failed|Skipped)! +-' "$log")
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The runner failed without reporting a failed test (a crash, a missing assembly): count it as a failure.
  failed=1
fi
if [ "$assemblies" -lt 6 ]; then
  echo "expected the six test assemblies to report, saw $assemblies"
  failed=$((failed + 1))
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
