#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: source this file, then `pg_throwaway_start` and
# `pg_throwaway_stop`. The server runs as the postgres user (initdb refuses root), with its data
# and its socket in a fresh temporary folder, data checksums on (initdb -k), fsync and
# synchronous_commit on, listening on a free port of 127.0.0.1 only. Start exports FAPIAO_TEST_PG.
# Without the binaries it tries `apt-get install postgresql` once; if they are still missing it
# returns 1 and the PostgreSQL tests skip (locally) or fail (CI=true).
# PG_THROWAWAY_SETTINGS (optional) adds server settings, e.g. "-c max_wal_size=4GB" for a benchmark.

pg_throwaway_bindir() {
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

pg_throwaway_free_port() {
  local port tries=0
  while [ $tries -lt 200 ]; do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  return 1
}

pg_throwaway_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_throwaway_start() {
  local bin
  if ! bin=$(pg_throwaway_bindir); then
    echo "PostgreSQL binaries not found: installing postgresql"
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql; } >/dev/null 2>&1 || true
    bin=$(pg_throwaway_bindir) || { echo "PostgreSQL binaries still missing: the PostgreSQL tests cannot run here"; return 1; }
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres || return 1
  fi
  PG_THROWAWAY_DIR=$(mktemp -d /tmp/fapiao-pg.XXXXXX) || return 1
  mkdir -p "$PG_THROWAWAY_DIR/socket"
  [ "$(id -u)" = 0 ] && chown -R postgres "$PG_THROWAWAY_DIR"
  chmod 700 "$PG_THROWAWAY_DIR"
  local port
  port=$(pg_throwaway_free_port) || { echo "no free port"; return 1; }
  pg_throwaway_as_owner "$bin/initdb" -k -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D "$PG_THROWAWAY_DIR/data" >"$PG_THROWAWAY_DIR/initdb.log" 2>&1 \
    || { cat "$PG_THROWAWAY_DIR/initdb.log"; return 1; }
  pg_throwaway_as_owner "$bin/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -l "$PG_THROWAWAY_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_THROWAWAY_DIR/socket -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=300 -c shared_buffers=128MB ${PG_THROWAWAY_SETTINGS:-}" start >/dev/null \
    || { cat "$PG_THROWAWAY_DIR/server.log"; return 1; }
  PG_THROWAWAY_BIN=$bin
  PG_THROWAWAY_PORT=$port
  "$bin/createdb" -h "$PG_THROWAWAY_DIR/socket" -p "$port" -U postgres fapiao_test || return 1
  "$bin/psql" -q -h "$PG_THROWAWAY_DIR/socket" -p "$port" -U postgres -d fapiao_test -c "CREATE EXTENSION IF NOT EXISTS amcheck;" >/dev/null 2>&1 || true
  export FAPIAO_TEST_PG="Host=$PG_THROWAWAY_DIR/socket;Port=$port;Username=postgres;Database=fapiao_test"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port (data checksums on) for the tests"
}

pg_throwaway_stop() {
  [ -n "${PG_THROWAWAY_DIR:-}" ] || return 0
  if [ -n "${PG_THROWAWAY_BIN:-}" ] && [ -f "$PG_THROWAWAY_DIR/data/postmaster.pid" ]; then
    pg_throwaway_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m fast -w stop >/dev/null 2>&1 \
      || pg_throwaway_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$PG_THROWAWAY_DIR"
  PG_THROWAWAY_DIR=
}

# The server's CPU time so far (user+sys, seconds): the postmaster and its children, with the
# children that have exited (once reaped). For benchmarks: call before and after, take the difference.
pg_throwaway_cpu() {
  local pm; pm=$(head -1 "$PG_THROWAWAY_DIR/data/postmaster.pid")
  { cat "/proc/$pm/stat"; for c in $(pgrep -P "$pm"); do cat "/proc/$c/stat" 2>/dev/null; done; } | awk '{ s += $14 + $15 + $16 + $17 } END { print s / 100 }'
}
