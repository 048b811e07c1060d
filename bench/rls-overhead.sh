#!/usr/bin/env bash
# What row-level security costs a user's query, on a 1M-row request_logs (issue 3).
#
# Creates a scratch database with the application's own migrations, loads 1,000,000 rows for
# 1,000 users over a year, then compares a user's newest-50 and monthly-sum queries run
#   (a) as the runtime role acting as the user: row-level security adds the policy filter;
#   (b) as a superuser, which bypasses row-level security, with the same explicit WHERE.
# Prints the EXPLAIN plans (the policy must still use the (end_user, created_at) index) and
# pgbench latencies for both. Needs psql and pgbench; PostgreSQL as in the README.
#
#   bench/rls-overhead.sh [rows] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
SECONDS_PER_RUN=${2:-10}
DB=tokenledger_bench_rls
HOST=${PGHOST:-127.0.0.1}
ADMIN=${PGADMIN:-postgres}
export PGOPTIONS="-c client_min_messages=warning"
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$HOST" -U "$ADMIN" "$@"; }

psql_admin -d postgres -f config/db/roles.sql
psql_admin -d postgres -v db_name=$DB -v recreate=true -f config/db/database.sql
for migration in src/main/resources/db/migration/V1__*.sql src/main/resources/db/migration/V2__*.sql; do
    sed -e 's/\${runtime_role}/tokenledger_app/g' -e 's/\${flyway:user}/tokenledger_owner/g' \
        "$migration" | PGPASSWORD=tokenledger_owner psql -X -q -v ON_ERROR_STOP=1 -h "$HOST" \
        -U tokenledger_owner -d $DB
done

echo "loading $ROWS rows"
psql_admin -d $DB <<SQL
insert into request_logs (id, created_at, end_user, model, total_cost, status, additional_details)
select gen_random_uuid(),
       timestamptz '2025-01-01' + (random() * interval '365 days'),
       'user-' || (i % 1000),
       (array['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet'])[1 + i % 3],
       round((random() * 0.05)::numeric, 6),
       'success',
       jsonb_build_object('input_tokens', i % 5000, 'output_tokens', i % 700,
                          'total_tokens', i % 5000 + i % 700, 'session_id', 's-' || (i % 20000))
from generate_series(1, $ROWS) as i;
vacuum analyze request_logs;
SQL

newest_as_user="select * from request_logs order by created_at desc, id desc limit 50"
newest_direct="select * from request_logs where end_user = 'user-42' order by created_at desc, id desc limit 50"
month_as_user="select model, count(*), sum(total_cost), sum((additional_details->>'total_tokens')::bigint) from request_logs where created_at >= '2025-05-01' and created_at < '2025-06-01' group by model"
month_direct="select model, count(*), sum(total_cost), sum((additional_details->>'total_tokens')::bigint) from request_logs where end_user = 'user-42' and created_at >= '2025-05-01' and created_at < '2025-06-01' group by model"
as_user="begin; select set_config('role', 'tokenledger_authenticated', true), set_config('tokenledger.user_id', 'user-42', true);"

echo; echo "== plan: newest 50, runtime role acting as user-42 (no WHERE: the policy filters)"
PGPASSWORD=tokenledger_app psql -X -h "$HOST" -U tokenledger_app -d $DB \
    -c "$as_user explain (analyze, costs off, timing off) $newest_as_user; commit;" | grep -v '^BEGIN\|^COMMIT\|set_config\|^---\|^(1 row)\|^ *$\| | '
echo "== plan: newest 50, superuser (row-level security bypassed), explicit WHERE"
psql_admin -d $DB -c "explain (analyze, costs off, timing off) $newest_direct"

run() { # label, user, password, sql-file
    local out
    out=$(PGPASSWORD=$3 pgbench -h "$HOST" -U "$2" -n -c 4 -j 2 -T "$SECONDS_PER_RUN" -f "$4" $DB 2>&1) \
        || { echo "$1: pgbench failed: $out" >&2; return 1; }
    printf '%-44s %s tps, latency %s ms\n' "$1" \
        "$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out")" \
        "$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%s\n' "\\set u random(0, 999)" "begin;" \
    "select set_config('role', 'tokenledger_authenticated', true), set_config('tokenledger.user_id', 'user-' || :u, true);" \
    "$newest_as_user;" "commit;" > "$work/newest_rls.sql"
printf '%s\n' "\\set u random(0, 999)" "begin;" "${newest_direct/"'user-42'"/"'user-' || :u"};" "commit;" > "$work/newest_direct.sql"
printf '%s\n' "\\set u random(0, 999)" "begin;" \
    "select set_config('role', 'tokenledger_authenticated', true), set_config('tokenledger.user_id', 'user-' || :u, true);" \
    "$month_as_user;" "commit;" > "$work/month_rls.sql"
printf '%s\n' "\\set u random(0, 999)" "begin;" "${month_direct/"'user-42'"/"'user-' || :u"};" "commit;" > "$work/month_direct.sql"

echo; echo "== pgbench, 4 clients, ${SECONDS_PER_RUN}s each"
run "newest 50, with RLS (runtime role)" tokenledger_app tokenledger_app "$work/newest_rls.sql"
run "newest 50, without RLS (superuser)" "$ADMIN" "${PGPASSWORD:-}" "$work/newest_direct.sql"
run "month by model, with RLS (runtime role)" tokenledger_app tokenledger_app "$work/month_rls.sql"
run "month by model, without RLS (superuser)" "$ADMIN" "${PGPASSWORD:-}" "$work/month_direct.sql"

psql_admin -d postgres -c "drop database $DB with (force)"
