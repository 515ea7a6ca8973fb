#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on 127.0.0.1 (Debian's postgresql package must be installed),
# its administrative connection string in BOT_LOAD_POSTGRES; the cluster is stopped and deleted afterwards.
#   tests/Bot.Storage.Load/with-postgres.sh sh -c 'dotnet tests/Bot.Storage.Load/bin/Release/net10.0/Bot.Storage.Load.dll load --provider postgres --connection "$BOT_LOAD_POSTGRES"'
# Unlike the CI cluster, fsync stays on: the figures are for a durable server.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "${bin:-}/initdb" ] || { echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)" >&2; exit 1; }
as=()
[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
data=$(mktemp -d "${TMPDIR:-/tmp}/bot-load-postgres.XXXXXX")
pwfile="$data.pw"
echo bot > "$pwfile"
[ "$(id -u)" -eq 0 ] && chown postgres "$data" "$pwfile"
"${as[@]}" "$bin/initdb" -D "$data" -U bot --pwfile="$pwfile" -A scram-sha-256 -E UTF8 >/dev/null
rm -f "$pwfile"
stop() { "${as[@]}" "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$data"; }
trap stop EXIT
port=$(( 55329 + $$ % 500 ))
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if "${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$data -c max_connections=300" start >/dev/null; then
    break
  fi
  port=$(( port + 1 ))
done
export BOT_LOAD_POSTGRES="Host=127.0.0.1;Port=$port;Username=bot;Password=bot;Database=postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (fsync on)" >&2
"$@"
