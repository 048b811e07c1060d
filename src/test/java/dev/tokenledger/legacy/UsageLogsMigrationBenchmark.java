package dev.tokenledger.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.legacy.MigrationCommand.Result;
import dev.tokenledger.testing.TestSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the migration on a generated legacy table through the real command line, in a database
 * of its own: config/dev/usage-logs-benchmark.sh creates it and runs this. Not a test: timings
 * depend on the machine, so they are printed, never asserted. Exactness is checked though, by the
 * same oracle as the tests.
 *
 * <p>Arguments: JDBC URL of a fresh database, row count, batch size.
 */
public final class UsageLogsMigrationBenchmark {

    private final List<String> lines = new ArrayList<>();
    private final long rows;

    private UsageLogsMigrationBenchmark(long rows) {
        this.rows = rows;
    }

    public static void main(String[] args) {
        System.setProperty("test.db.url", args[0]);
        System.setProperty("test.db.admin-user", env("PGUSER", "postgres"));
        System.setProperty("test.db.admin-password", env("PGPASSWORD", ""));
        int rows = Integer.parseInt(args[1]);
        String batch = args.length > 2 ? args[2] : "5000";
        new UsageLogsMigrationBenchmark(rows).measure(batch);
    }

    private void measure(String batch) {
        TestSchema.migrate();
        long began = System.nanoTime();
        String schema = LegacyTables.generated((int) rows);
        record("generate the legacy table", seconds(began), null);

        JsonNode dryRun = timed("dry-run", "dry-run", "--schema", schema);
        require(dryRun.at("/comparison/pending").asLong() == rows, "dry run counts every row");
        JsonNode run =
                timed("run (copy + verify)", "run", "--schema", schema, "--batch-size", batch);
        record("  of which copying", run.get("copy_seconds").asDouble(), rows);
        record("  of which verifying", run.at("/verification/seconds").asDouble(), rows);
        require(run.at("/verification/passed").asBoolean(), "the run verifies");
        timed("verify", "verify", "--schema", schema);

        began = System.nanoTime();
        long mismatches = GeneratedRows.mismatches(schema);
        record("independent oracle (" + mismatches + " mismatches)", seconds(began), rows);
        require(mismatches == 0, "every row exact");
        timed("finish (lock, verify, rename)", "finish", "--schema", schema);

        System.out.println(
                "Rows: "
                        + rows
                        + ", batch size "
                        + batch
                        + ", filled totals "
                        + run.get("totals_filled").asLong());
        System.out.println("| step | seconds | rows/s |");
        System.out.println("|---|---:|---:|");
        lines.forEach(System.out::println);
    }

    private JsonNode timed(String label, String... args) {
        long began = System.nanoTime();
        Result result = MigrationCommand.run(args);
        double seconds = seconds(began);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(label + " failed: " + result);
        }
        record(label, seconds, rows);
        return result.report();
    }

    private void record(String label, double seconds, Long perRows) {
        String rate =
                perRows == null || seconds == 0
                        ? ""
                        : String.format(Locale.ROOT, "%,d", Math.round(perRows / seconds));
        lines.add(String.format(Locale.ROOT, "| %s | %.1f | %s |", label, seconds, rate));
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark check failed: " + what);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
