#!/usr/bin/env bash
# Measures the usage_logs migration on a generated legacy table, through the real command line,
# in a database of its own (never the development or test database). Prints a table of timings
# and checks every migrated row with the tests' oracle. See docs/MIGRATING-USAGE-LOGS.md.
#
#   config/dev/usage-logs-benchmark.sh [ROWS] [BATCH_SIZE]     # defaults: 1000000 5000
#
# PostgreSQL is reached as PGUSER (default postgres) on PGHOST:PGPORT (127.0.0.1:5432) with
# PGPASSWORD if set; the database is BENCH_DB (default tokenledger_bench_migration), recreated.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
batch=${2:-5000}
host=${PGHOST:-127.0.0.1}
port=${PGPORT:-5432}
user=${PGUSER:-postgres}
db=${BENCH_DB:-tokenledger_bench_migration}

psql -X -q -h "$host" -p "$port" -U "$user" -d postgres -f config/db/roles.sql
psql -X -q -h "$host" -p "$port" -U "$user" -d postgres -v db_name="$db" -v recreate=true \
    -f config/db/database.sql

mvn -B -ntp -q -Dstyle.color=never test-compile
mvn -B -ntp -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/benchmark.classpath
java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
    dev.tokenledger.legacy.UsageLogsMigrationBenchmark \
    "jdbc:postgresql://$host:$port/$db" "$rows" "$batch"
