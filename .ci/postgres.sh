# A throwaway PostgreSQL server for the tests, sourced (never run) by .ci/run.
#
# On a developer machine, from the repository root:
#
#   source .ci/postgres.sh    # installs PostgreSQL if missing (root only), starts a private cluster
#   dotnet test IcpScoring.sln
#   icp_postgres_stop         # or just leave the shell: the cluster is stopped and removed on exit
#
# The cluster lives in a fresh temporary folder, listens on 127.0.0.1 only (the first free port
# from 55432 up, its unix socket inside that folder), and has one superuser role icp/icp. It
# exports what the tests read:
#
#   ICP_TEST_POSTGRES          an Npgsql admin connection string (database postgres); each test
#                              creates and drops its own database through it
#   ICP_TEST_POSTGRES_RESTART  a shell command restarting the cluster, for the reconnect tests
#
# Any failure prints one line starting "postgres.sh:" and returns non-zero: CI must fail rather
# than skip the PostgreSQL tests.

if ! (return 0 2>/dev/null); then
  echo "postgres.sh: source it (source .ci/postgres.sh), do not run it" >&2
  exit 2
fi

_icp_postgres_fail() {
  echo "postgres.sh: $*" >&2
  if [ -n "${_ICP_PG_LOG:-}" ] && [ -f "$_ICP_PG_LOG" ]; then
    tail -n 20 "$_ICP_PG_LOG" >&2
  fi
  icp_postgres_stop
  return 1
}

# Runs a PostgreSQL binary as the cluster's owner: postgres when we are root (initdb refuses root).
_icp_postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Stops the cluster and removes its folder; safe to call twice, or when nothing was started.
icp_postgres_stop() {
  if [ -n "${_ICP_PG_DIR:-}" ] && [ -d "$_ICP_PG_DIR" ]; then
    if [ -f "$_ICP_PG_DIR/data/postmaster.pid" ]; then
      _icp_postgres_as_owner "$_ICP_PG_BIN/pg_ctl" -D "$_ICP_PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1
    fi
    rm -rf "$_ICP_PG_DIR"
  fi
  unset _ICP_PG_DIR _ICP_PG_LOG ICP_TEST_POSTGRES ICP_TEST_POSTGRES_RESTART
}

_icp_postgres_start() {
  local bin dir port restart previous_trap

  if [ -n "${_ICP_PG_DIR:-}" ] && [ -d "$_ICP_PG_DIR" ]; then
    echo "postgres.sh: already running in $_ICP_PG_DIR ($ICP_TEST_POSTGRES)" >&2
    return 0
  fi

  if [ -n "${ICP_PG_BIN:-}" ] && [ ! -x "$ICP_PG_BIN/initdb" ]; then
    _icp_postgres_fail "ICP_PG_BIN=$ICP_PG_BIN has no initdb"
    return 1
  fi
  bin=${ICP_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      _icp_postgres_fail "no PostgreSQL under /usr/lib/postgresql: apt-get install postgresql (as root), or set ICP_PG_BIN"
      return 1
    fi
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
      _icp_postgres_fail "apt-get install postgresql failed"
      return 1
    fi
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
      _icp_postgres_fail "postgresql is installed but no initdb under /usr/lib/postgresql/*/bin"
      return 1
    fi
  fi
  _ICP_PG_BIN=$bin

  # Registered before anything is created, chained after whatever EXIT trap the caller has (.ci/run's).
  previous_trap=$(_icp_postgres_exit_trap)
  # shellcheck disable=SC2064 # the previous trap's text is meant to be expanded now
  trap "icp_postgres_stop${previous_trap:+; $previous_trap}" EXIT

  if ! dir=$(mktemp -d "${TMPDIR:-/tmp}/icp-postgres.XXXXXX"); then
    _icp_postgres_fail "cannot create a temporary folder"
    return 1
  fi
  _ICP_PG_DIR=$dir
  _ICP_PG_LOG=$dir/server.log
  if [ "$(id -u)" -eq 0 ] && ! chown postgres: "$dir"; then
    _icp_postgres_fail "cannot give $dir to the postgres user"
    return 1
  fi

  if ! _icp_postgres_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
    tail -n 20 "$dir/initdb.log" >&2
    _icp_postgres_fail "initdb failed in $dir/data"
    return 1
  fi

  port=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
    if [ "$port" -gt 55532 ]; then
      _icp_postgres_fail "no free port between 55432 and 55532 on 127.0.0.1"
      return 1
    fi
  done

  # Throwaway data: durability is traded for speed. Enough connections for several serve
  # processes (each with its Hangfire pool and the pipeline's) plus the tests.
  if ! cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  then
    _icp_postgres_fail "cannot write $dir/data/postgresql.conf"
    return 1
  fi

  if ! _icp_postgres_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$_ICP_PG_LOG" -w -t 60 start >/dev/null; then
    _icp_postgres_fail "pg_ctl start failed on port $port"
    return 1
  fi
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 30; then
    _icp_postgres_fail "the server on 127.0.0.1:$port is not ready after 30 s"
    return 1
  fi

  if ! _icp_postgres_as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres \
      -c "CREATE ROLE icp LOGIN SUPERUSER CREATEDB PASSWORD 'icp'" >/dev/null; then
    _icp_postgres_fail "cannot create the role icp"
    return 1
  fi
  # What the tests will do: a password login over TCP.
  if ! PGPASSWORD=icp "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U icp -d postgres -c "SELECT 1" >/dev/null; then
    _icp_postgres_fail "icp cannot log in on 127.0.0.1:$port"
    return 1
  fi

  restart=$(printf '%q ' "$bin/pg_ctl" -D "$dir/data" -l "$_ICP_PG_LOG" -w -t 60 -m fast restart)
  if [ "$(id -u)" -eq 0 ]; then
    restart="runuser -u postgres -- $restart"
  fi
  export ICP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=icp;Password=icp;Database=postgres"
  export ICP_TEST_POSTGRES_RESTART="$restart"
  echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir" >&2
}

# The command of the current EXIT trap, empty when there is none. $(trap -p) alone in a command
# substitution reports the calling shell's traps.
_icp_postgres_exit_trap() {
  local current
  current=$(trap -p EXIT)
  if [ -n "$current" ]; then
    eval "set -- $current"
    printf '%s' "$3"
  fi
}

_icp_postgres_start
