#!/usr/bin/env bash
# Throughput of icp serve with 1, 2 and 3 worker processes on one PostgreSQL database, measured in
# one run on the same generated inbox, beside one icp run on SQLite. Not a test: run it by hand
# on a quiet machine, from the repository root.
#
#   bash tests/scale-out/throughput.sh [ACCOUNTS] [MONTHS] [ROWS] [WORKERS...]   (default 50 4 2000 1 2 3)
#
# Uses the server named by ICP_TEST_POSTGRES, or starts a throwaway one (.ci/postgres.sh).
# Each worker is an `icp serve --worker` process with Jobs:WorkerCount 1, so N workers run N files
# at once; each round gets an empty database and an empty output folder. The clock runs from the
# moment the workers are started until the ledger shows every file done and no job (file, drift
# and portfolio refresh) is left in Hangfire's queue; "busy" is the part from the first claim to
# the last file done, without the start-up of the processes.
set -euo pipefail
cd "$(dirname "$0")/../.."
accounts=${1:-50}; months=${2:-4}; rows=${3:-2000}
shift $(( $# < 3 ? $# : 3 )) || true
workers=("$@"); [ ${#workers[@]} -eq 0 ] && workers=(1 2 3)

if [ -z "${ICP_TEST_POSTGRES:-}" ]; then
  source .ci/postgres.sh
fi
# The Npgsql connection string's parts, for psql.
part() { tr ';' '\n' <<<"$ICP_TEST_POSTGRES" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
export PGHOST=$(part Host) PGPORT=$(part Port) PGUSER=$(part Username) PGPASSWORD=$(part Password)
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

work=$(mktemp -d "${TMPDIR:-/tmp}/icp-throughput.XXXXXX")
cleanup() { pkill -f -- "--config $work/" 2>/dev/null || true; rm -rf "$work"; }
trap 'cleanup; if declare -F icp_postgres_stop >/dev/null; then icp_postgres_stop; fi' EXIT

dotnet build -c Release -v q -nologo pipeline/IcpScoring.Cli >/dev/null
icp="$PWD/pipeline/IcpScoring.Cli/bin/Release/net10.0/icp.dll"

echo "generating $accounts accounts x $months months x $rows rows in $work/inbox" >&2
for a in $(seq -w 1 "$accounts"); do
  for m in $(seq 1 "$months"); do
    mkdir -p "$work/inbox/account-$a"
    echo "connections $rows $work/inbox/account-$a/2026-$(printf %02d "$m").csv --seed $((10#$a * 100 + m)) --format native"
  done
done | xargs -P 2 -L 1 python3 ../shared/bench/gen_export.py >/dev/null
files=$(find "$work/inbox" -name '*.csv' | wc -l)
total_rows=$((files * rows))

config() { # config FILE DATADIR LOGFILE
  cat >"$1" <<JSON
{
  "Paths": { "DataDir": "$2" },
  "Ingestion": { "CompanyDirectory": "$PWD/data-samples/companies.csv" },
  "Jobs": { "WorkerCount": 1, "QueuePollSeconds": 1, "InboxScanCron": "0 0 1 1 *" },
  "Logging": { "ConsoleLevel": "Warning", "File": "$3" }
}
JSON
}

now() { date +%s.%N; }
results=()

# Reference: one process on SQLite.
config "$work/run.json" "$work/run-data" "$work/run-logs/icp-.log"
t0=$(now)
dotnet "$icp" --config "$work/run.json" --models-dir "$PWD/models" --db "$work/run-data/icp.db" run --inbox "$work/inbox" --out "$work/run-out" >/dev/null 2>"$work/run.err"
t1=$(now)
results+=("icp run, SQLite, 1 process|$(echo "$t1 - $t0" | bc)||")

for n in "${workers[@]}"; do
  db="icp_throughput_$n"
  psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  cs="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$db"
  t0=$(now)
  for w in $(seq 1 "$n"); do
    config "$work/w$w.json" "$work/w$w-data" "$work/w$w-logs/icp-.log"
    dotnet "$icp" --config "$work/w$w.json" --models-dir "$PWD/models" --db "$cs" serve --worker \
      --inbox "$work/inbox" --out "$work/out-$n" --urls "http://127.0.0.1:0" >"$work/w$w-$n.out" 2>&1 &
  done
  while true; do
    done_files=$(psql -d "$db" -tAc "SELECT COUNT(*) FROM ledger WHERE status = 'done'" 2>/dev/null || echo 0)
    if [ "${done_files:-0}" -ge "$files" ]; then
      left=$(psql -d "$db" -tAc "SELECT COUNT(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing', 'Scheduled', 'Awaiting')" 2>/dev/null || echo 1)
      [ "${left:-1}" -eq 0 ] && break
    fi
    sleep 0.2
  done
  t1=$(now)
  busy=$(psql -d "$db" -tAc "SELECT EXTRACT(EPOCH FROM MAX(updated_at::timestamptz) - MIN(first_seen_at::timestamptz)) FROM ledger")
  by_worker=$(psql -d "$db" -tAc "SELECT string_agg(c::text, '/' ORDER BY c DESC) FROM (SELECT COUNT(*) c FROM ledger GROUP BY claimed_by) x")
  pkill -f -- "--config $work/w" || true
  wait 2>/dev/null || true
  results+=("icp serve --worker x $n, PostgreSQL|$(echo "$t1 - $t0" | bc)|$busy|$by_worker")
done

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $files exports ($accounts accounts x $months months), $rows rows each ($total_rows rows)"
printf '| %-36s | %9s | %9s | %9s | %10s | %s |\n' "setup" "seconds" "busy s" "files/min" "rows/s" "files per worker"
printf '|%s|%s|%s|%s|%s|%s|\n' "--------------------------------------" "-----------" "-----------" "-----------" "------------" "---"
for r in "${results[@]}"; do
  IFS='|' read -r name secs busy per <<<"$r"
  printf '| %-36s | %9.1f | %9s | %9.0f | %10.0f | %s |\n' "$name" "$secs" "${busy:+$(printf %.1f "$busy")}" "$(echo "$files * 60 / $secs" | bc -l)" "$(echo "$total_rows / $secs" | bc -l)" "${per:-}"
done
