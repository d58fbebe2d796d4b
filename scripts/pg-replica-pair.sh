#!/usr/bin/env bash
# A throwaway primary and synchronous streaming standby on loopback, for the failover test.
#   pg-replica-pair.sh start DIR     initdb -k the primary, pg_basebackup the standby, wait until it
#                                    is the synchronous standby; prints "primary CONN" and "standby CONN"
#   pg-replica-pair.sh kill-primary DIR   stops the primary at once (-m immediate: no shutdown checkpoint)
#   pg-replica-pair.sh promote DIR   promotes the standby to primary (with no synchronous standby of its own)
#   pg-replica-pair.sh stop DIR      stops both and removes DIR
# Exit 3 when the PostgreSQL binaries are missing. The primary runs synchronous_commit=remote_apply:
# a commit returns once the standby has replayed it, so a read on the standby sees every
# acknowledged write.
set -uo pipefail
source "$(dirname "$0")/pg-throwaway.sh"
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|kill-primary|promote|stop DIR" >&2; exit 2; }

as_owner() { pg_throwaway_as_owner "$@"; }

case "$cmd" in
  start)
    bin=$(pg_throwaway_bindir) || { echo "PostgreSQL binaries not found" >&2; exit 3; }
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres || exit 1
    fi
    mkdir -p "$dir/socket" || exit 1
    [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
    chmod 700 "$dir"
    p1=$(pg_throwaway_free_port) && p2=$(pg_throwaway_free_port) || exit 1
    while [ "$p2" = "$p1" ]; do p2=$(pg_throwaway_free_port); done
    echo "$bin $p1 $p2" > "$dir/pair"
    as_owner "$bin/initdb" -k -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D "$dir/primary" >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    cat >>"$dir/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/socket'
wal_level = replica
max_wal_senders = 4
fsync = on
synchronous_commit = remote_apply
synchronous_standby_names = 'standby1'
CONF
    as_owner "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t 60 -o "-p $p1" start >/dev/null || { cat "$dir/primary.log" >&2; exit 1; }
    as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$p1" -U postgres -D "$dir/standby" -X stream -R -c fast >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; exit 1; }
    echo "primary_conninfo = 'host=127.0.0.1 port=$p1 user=postgres application_name=standby1'" >>"$dir/standby/postgresql.auto.conf"
    as_owner "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -t 60 -o "-p $p2" start >/dev/null || { cat "$dir/standby.log" >&2; exit 1; }
    for _ in $(seq 1 480); do
      state=$("$bin/psql" -Atq -h "$dir/socket" -p "$p1" -U postgres -d postgres -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'" 2>/dev/null)
      [ "$state" = "sync" ] && break
      sleep 0.25
    done
    [ "$state" = "sync" ] || { echo "the standby did not become synchronous (state: '$state')" >&2; exit 1; }
    echo "primary Host=127.0.0.1;Port=$p1;Username=postgres;Database=postgres"
    echo "standby Host=127.0.0.1;Port=$p2;Username=postgres;Database=postgres"
    ;;
  kill-primary)
    read -r bin p1 p2 < "$dir/pair"
    as_owner "$bin/pg_ctl" -D "$dir/primary" -m immediate -w stop >/dev/null
    ;;
  promote)
    read -r bin p1 p2 < "$dir/pair"
    as_owner "$bin/pg_ctl" -D "$dir/standby" -w -t 60 promote >/dev/null || exit 1
    # The new primary has no standby of its own yet: without this its commits would wait for one
    # forever (it inherited synchronous_standby_names from the old primary's configuration).
    "$bin/psql" -Atq -h "$dir/socket" -p "$p2" -U postgres -d postgres \
      -c "ALTER SYSTEM SET synchronous_standby_names = ''" -c "SELECT pg_reload_conf()" >/dev/null
    ;;
  stop)
    if [ -f "$dir/pair" ]; then
      read -r bin p1 p2 < "$dir/pair"
      for d in primary standby; do
        [ -f "$dir/$d/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/$d" -m immediate -w stop >/dev/null 2>&1
      done
    fi
    rm -rf "$dir"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
