#!/usr/bin/env bash
# Token Ledger benchmark: each workload through the running server and its raw PostgreSQL
# baseline, in the same run, on the same data. See docs/BENCHMARKS.md.
#
#   bench/run.sh                 # 1,000,000 rows, 20 s per workload
#   bench/run.sh 10000000 30     # 10,000,000 rows, 30 s per workload
#   bench/run.sh --smoke         # a few seconds, to keep the script working (CI)
#   BENCH_ONLY="gateway reads" bench/run.sh   # some of: batch gateway single reads
#
# Needs: a built project (mvn package -DskipTests), PostgreSQL as in the README, psql, pgbench,
# wrk and python3. Uses the database tokenledger_bench (recreated) and port offset 500.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${1:-1000000}
DURATION=${2:-20}
if [[ "${1:-}" == "--smoke" ]]; then ROWS=20000; DURATION=2; fi
OFFSET=${BENCH_PORT_OFFSET:-500}
PORT=$((8080 + OFFSET))
BASE=http://127.0.0.1:$PORT
DB=tokenledger_bench
HOST=${PGHOST:-127.0.0.1}
ADMIN=${PGADMIN:-postgres}
SECRET=benchmark-secret-of-at-least-32-bytes-long
OUT=target/bench
mkdir -p "$OUT"
export PGOPTIONS="-c client_min_messages=warning"
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$HOST" -U "$ADMIN" "$@"; }
for tool in psql pgbench wrk python3; do
    command -v $tool >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done
[[ -f target/token-ledger.war && -d target/server ]] \
    || { echo "bench: build first: mvn package -DskipTests" >&2; exit 2; }

echo "== database $DB and server on port $PORT"
psql_admin -d postgres -f config/db/roles.sql
psql_admin -d postgres -v db_name=$DB -v recreate=true -f config/db/database.sql
rm -rf target/bench/server && cp -r target/server target/bench/server
cp target/token-ledger.war target/bench/server/standalone/deployments/
# The server runs with its default JVM options (bin/standalone.conf), so the RSS recorded is the
# one an operator gets; JBOSS_JAVA_SIZING in the environment changes heap and collector.
TOKENLEDGER_DB_URL=jdbc:postgresql://$HOST:5432/$DB TOKENLEDGER_JWT_SECRET=$SECRET \
    target/bench/server/bin/standalone.sh -Djboss.socket.binding.port-offset=$OFFSET \
    > "$OUT/server.log" 2>&1 &
trap 'kill $(ss -ltnpH "sport = :$PORT" | sed -n "s/.*pid=\([0-9]*\).*/\1/p" | head -1) 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "$BASE/api/v1/health" >/dev/null && break
    sleep 1
done
curl -sf "$BASE/api/v1/health" >/dev/null || { echo "bench: server did not start" >&2; exit 1; }
SERVER_PID=$(ss -ltnpH "sport = :$PORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
( peak=0; while kill -0 "$SERVER_PID" 2>/dev/null; do
      rss=$(ps -o rss= -p "$SERVER_PID" 2>/dev/null | tr -d ' ')
      [[ -n "$rss" && "$rss" -gt "$peak" ]] && peak=$rss && echo "$peak" > "$OUT/rss-peak-kb"
      sleep 1
  done ) &
python3 bench/tokens.py "$SECRET" 1000 > "$OUT/tokens.lua"
export BENCH_TOKENS=$PWD/$OUT/tokens.lua

echo "== loading $ROWS rows with COPY (the COPY baseline)"
python3 bench/generate.py "$ROWS" > "$OUT/rows.csv"
started=$(date +%s.%N)
psql_admin -d $DB -c "\\copy request_logs (id, created_at, end_user, model, total_cost, status, additional_details) from '$OUT/rows.csv' with (format csv)"
copy_seconds=$(echo "$(date +%s.%N) - $started" | bc)
psql_admin -d $DB -c "vacuum analyze request_logs"
python3 bench/report.py copy "$ROWS" "$copy_seconds" > "$OUT/results.tsv"

wrk_run() { # name, connections, lua script, path; env BENCH_PATH / BENCH_AS as needed
    local threads=$(( $2 < 2 ? $2 : 2 ))
    # A 60 s timeout, so slow reports are measured rather than dropped as timeouts.
    wrk -t"$threads" -c"$2" -d"${DURATION}s" --timeout 60s --latency -s "bench/lua/$3" "$BASE$4" \
        > "$OUT/$1.wrk" 2>&1
}
flush_server_pools() { # the baselines need the connections the server keeps idle
    for ds in TokenLedgerDS TokenLedgerWriteDS TokenLedgerOwnerDS; do
        target/bench/server/bin/jboss-cli.sh --connect --controller=127.0.0.1:$((9990 + OFFSET)) \
            --command="/subsystem=datasources/data-source=$ds:flush-idle-connection-in-pool" \
            > /dev/null 2>&1 || true
    done
}
pgbench_run() { # name, clients, sql file
    flush_server_pools
    rm -f "$OUT"/pgbench_log.*
    (cd "$OUT" && pgbench -h "$HOST" -U "$ADMIN" -n -c "$2" -j $(( $2 < 2 ? $2 : 2 )) \
        -T "$DURATION" -l \
        -f "$PWD/../../bench/sql/$3" $DB > "$1.pgbench" 2>&1)
    cat "$OUT"/pgbench_log.* > "$OUT/$1.latencies" 2>/dev/null || true
}

wanted() { [[ -z "${BENCH_ONLY:-}" || " $BENCH_ONLY " == *" $1 "* ]]; }

if wanted batch; then
    echo "== 1. batch ingest: 1,000-row batches over HTTP, 4 clients"
    wrk_run batch 4 batch-post.lua /api/v1/request-logs
    python3 bench/report.py wrk "batch ingest (rows/s)" "$OUT/batch.wrk" 1000 >> "$OUT/results.tsv"
fi

if wanted gateway; then
    echo "== 2. gateway ingest: 512-payload LiteLLM deliveries, 4 clients"
    wrk_run gateway 4 gateway-post.lua /api/v1/ingest/litellm
    python3 bench/report.py wrk "gateway ingest (rows/s)" "$OUT/gateway.wrk" 512 \
        >> "$OUT/results.tsv"
fi

if wanted single; then
    echo "== 3. single-row POST, 64 clients, vs single-row INSERT transactions"
    wrk_run single 64 single-post.lua /api/v1/request-logs
    pgbench_run single-sql 64 single-insert.sql
    python3 bench/report.py pair "single-row POST (requests/s)" "$OUT/single.wrk" \
        "$OUT/single-sql.pgbench" "$OUT/single-sql.latencies" >> "$OUT/results.tsv"
    # The server's floor on this machine: HTTP, JAX-RS and one database ping, no token, no body.
    BENCH_PATH=/api/v1/health wrk_run health 64 read.lua /api/v1/health
    python3 bench/report.py alone "floor: GET /api/v1/health (requests/s)" "$OUT/health.wrk" \
        >> "$OUT/results.tsv"
fi

wanted reads && echo "== 4. reads"
read_pair() { # name, label, path, as, sql: latency alone (1 client), then throughput (16)
    wanted reads || return 0
    for clients in 1 16; do
        BENCH_PATH="$3" BENCH_AS="$4" wrk_run "$1-$clients" $clients read.lua "$3"
        pgbench_run "$1-$clients-sql" $clients "$5"
        python3 bench/report.py pair "$2, $clients client(s)" "$OUT/$1-$clients.wrk" \
            "$OUT/$1-$clients-sql.pgbench" "$OUT/$1-$clients-sql.latencies" >> "$OUT/results.tsv"
    done
}
read_pair newest "a user's newest 50 rows" "/api/v1/request-logs?limit=50" user newest-50.sql
read_pair by-model "a user's month by model" \
    "/api/v1/usage/summary?group_by=model&from=2025-05-01&to=2025-06-01" user month-by-model.sql
read_pair by-day "a user's daily totals for a month" \
    "/api/v1/usage/summary?group_by=day&from=2025-05-01&to=2025-06-01" user month-by-day.sql
read_pair top-users "the service role's top 10 users for a month" \
    "/api/v1/usage/summary?group_by=end_user&order=total_cost&limit=10&from=2025-05-01&to=2025-06-01" \
    service top-users.sql

python3 bench/report.py table "$OUT/results.tsv" "$ROWS" "$(cat "$OUT/rss-peak-kb" 2>/dev/null || echo 0)" \
    | tee "$OUT/results.md"
psql_admin -d postgres -c "drop database $DB with (force)" || true
