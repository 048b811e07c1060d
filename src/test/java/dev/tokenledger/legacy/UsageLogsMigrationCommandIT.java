package dev.tokenledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.legacy.MigrationCommand.Result;
import dev.tokenledger.legacy.MigrationCommand.Running;
import dev.tokenledger.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The migration as an operator runs it without a server: the command in a JVM of its own against
 * the real test database.
 */
class UsageLogsMigrationCommandIT {

    @Test
    void theSharedFileMigratesExactlyEveryColumnOfEveryRow() {
        String schema = LegacyTables.withSharedFile();

        Result run = MigrationCommand.run("run", "--schema", schema);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = run.report();
        assertThat(report.get("inserted").asLong()).isEqualTo(10);
        assertThat(report.get("rejected").asLong()).isZero();
        assertThat(report.get("totals_filled").asLong()).as("row 8's total").isEqualTo(1);
        assertThat(report.at("/verification/passed").asBoolean()).isTrue();
        assertThat(report.at("/verification/comparison/filled_total_rows").toString())
                .isEqualTo("[\"00000000-0000-0000-0000-000000000008\"]");
        SharedFileRows.assertMigratedExactly();
    }

    @Test
    void aSecondRunChangesNothing() {
        String schema = LegacyTables.withSharedFile();
        assertThat(MigrationCommand.run("run", "--schema", schema).exitCode()).isZero();
        List<String> versions = SharedFileRows.versions();

        Result second = MigrationCommand.run("run", "--schema", schema);

        assertThat(second.exitCode()).as(second.toString()).isZero();
        JsonNode report = second.report();
        assertThat(report.get("pass").asInt()).isEqualTo(2);
        assertThat(report.get("inserted").asLong()).isZero();
        assertThat(report.get("already_present").asLong()).isEqualTo(10);
        assertThat(report.get("totals_filled").asLong()).isZero();
        assertThat(SharedFileRows.versions()).as("no row written again").isEqualTo(versions);
        SharedFileRows.assertMigratedExactly();
    }

    @Test
    void aTerminatedRunEndsAfterItsBatchPrintsItsReportAndSaysInterrupted() throws Exception {
        String schema = LegacyTables.generated(20_000);
        Running first =
                MigrationCommand.start(
                        "run", "--schema", schema, "--batch-size", "500", "--pause-ms", "150");
        awaitRowsDone(schema, 1_000);

        first.terminate();
        Result stopped = first.await();

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(4);
        JsonNode report = stopped.report();
        assertThat(report.get("completed").asBoolean()).isFalse();
        long done = rowsDone(schema);
        assertThat(done % 500).as("whole batches only").isZero();
        assertThat(migrated(schema)).isEqualTo(done);
        Result resumed = MigrationCommand.run("run", "--schema", schema);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(migrated(schema)).isEqualTo(20_000);
    }

    @Test
    void aRunKilledMidwayResumesAfterItsLastCommittedBatchAndLosesNothing() throws Exception {
        String schema = LegacyTables.generated(20_000);
        Running first =
                MigrationCommand.start(
                        "run", "--schema", schema, "--batch-size", "500", "--pause-ms", "150");
        awaitRowsDone(schema, 2_000);

        first.kill();

        long done = rowsDone(schema);
        assertThat(done).isBetween(2_000L, 19_500L);
        assertThat(done % 500).as("whole batches only").isZero();
        assertThat(migrated(schema)).as("request_logs agrees with the checkpoint").isEqualTo(done);

        Result resumed = MigrationCommand.run("run", "--schema", schema);

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        JsonNode report = resumed.report();
        assertThat(report.get("pass").asInt()).as("the same pass").isEqualTo(1);
        assertThat(report.get("resumed_after").asLong()).isEqualTo(done);
        assertThat(report.get("inserted").asLong()).isEqualTo(20_000);
        assertThat(report.at("/verification/passed").asBoolean()).isTrue();
        assertThat(migrated(schema)).isEqualTo(20_000);
        assertThat(GeneratedRows.mismatches(schema)).isZero();
        assertThat(resumed.err()).contains("resuming pass 1 after " + done + " of 20000 rows");
    }

    @Test
    void rowsRequestLogsWouldRefuseAreListedWithReasonsAndBlockTheRename() {
        String schema = LegacyTables.withSharedFile();
        Map<UUID, String> bad = insertUnmigratableRows(schema);

        Result dryRun = MigrationCommand.run("dry-run", "--schema", schema);

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(1);
        JsonNode comparison = dryRun.report().get("comparison");
        assertThat(comparison.get("pending").asLong()).isEqualTo(10);
        assertThat(comparison.get("rejected").asLong()).isEqualTo(bad.size());
        assertThat(rejectionRules(comparison)).isEqualTo(sorted(bad));

        Result run = MigrationCommand.run("run", "--schema", schema);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.report().get("inserted").asLong()).isEqualTo(10);
        assertThat(run.report().get("rejected").asLong()).isEqualTo(bad.size());
        assertThat(run.report().at("/verification/passed").asBoolean()).isFalse();

        Result finish = MigrationCommand.run("finish", "--schema", schema);
        assertThat(finish.exitCode()).as(finish.toString()).isEqualTo(3);
        assertThat(finish.err()).contains("Verification failed").contains(bad.size() + " rejected");
        assertThat(legacyTableExists(schema)).isTrue();

        LegacyTables.asOwner(schema, "delete from usage_logs where id::text like 'bad%'");
        Result fixed = MigrationCommand.run("finish", "--schema", schema);
        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(legacyTableExists(schema)).isFalse();
    }

    @Test
    void aDryRunWritesNothing() {
        String schema = LegacyTables.withSharedFile();
        long before = TestDatabase.rows();

        Result dryRun = MigrationCommand.run("dry-run", "--schema", schema);

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        JsonNode report = dryRun.report();
        assertThat(report.get("ready_to_run").asBoolean()).isTrue();
        assertThat(report.get("columns").get("cost").asText()).isEqualTo("double precision");
        assertThat(report.at("/comparison/pending").asLong()).isEqualTo(10);
        assertThat(report.at("/comparison/totals_filled").asLong()).isEqualTo(1);
        assertThat(TestDatabase.rows()).isEqualTo(before);
        assertThat(
                        TestDatabase.count(
                                "select count(*) from usage_logs_migration"
                                        + " where source_schema = ?",
                                schema))
                .isZero();
    }

    @Test
    void timesWithoutZoneAreReadInTheZoneTheOperatorNames() {
        String schema = LegacyTables.withSharedFile();

        Result run =
                MigrationCommand.run("run", "--schema", schema, "--time-zone", "Europe/Berlin");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(createdAt("00000000-0000-0000-0000-000000000001"))
                .as("09:15 in Berlin summer time")
                .isEqualTo("2025-05-01 07:15:00+00");
        assertThat(createdAt("00000000-0000-0000-0000-000000000010"))
                .isEqualTo("2025-05-06 22:00:00+00");

        Result otherZone = MigrationCommand.run("run", "--schema", schema, "--time-zone", "UTC");
        assertThat(otherZone.exitCode()).as(otherZone.toString()).isEqualTo(3);
        assertThat(otherZone.err()).contains("Europe/Berlin");
        Result verify = MigrationCommand.run("verify", "--schema", schema);
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.report().get("time_zone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void finishRenamesTheTableAndOnlyAnExplicitDropDropsIt() {
        String schema = LegacyTables.withSharedFile();
        assertThat(MigrationCommand.run("run", "--schema", schema).exitCode()).isZero();

        Result finish = MigrationCommand.run("finish", "--schema", schema);

        assertThat(finish.exitCode()).as(finish.toString()).isZero();
        String retired = finish.report().get("table").asText();
        assertThat(retired).startsWith(schema + ".usage_logs_retired_");
        assertThat(legacyTableExists(schema)).isFalse();
        assertThat(TestDatabase.count("select count(*) from " + retired)).isEqualTo(10);

        Result unconfirmed = MigrationCommand.run("drop", "--schema", schema);
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("--confirm");
        Result misnamed =
                MigrationCommand.run(
                        "drop", "--schema", schema, "--confirm", schema + ".usage_logs");
        assertThat(misnamed.exitCode()).isEqualTo(2);
        assertThat(TestDatabase.count("select count(*) from " + retired)).isEqualTo(10);

        Result drop = MigrationCommand.run("drop", "--schema", schema, "--confirm", retired);
        assertThat(drop.exitCode()).as(drop.toString()).isZero();
        assertThat(
                        TestDatabase.count(
                                "select count(*) from pg_tables where schemaname = ?", schema))
                .isZero();
        assertThat(
                        MigrationCommand.run("status", "--schema", schema)
                                .report()
                                .get("phase")
                                .asText())
                .isEqualTo("dropped");
        SharedFileRows.assertMigratedExactly();
    }

    @Test
    void aTableTheMappingCannotReadIsRefusedBeforeAnythingIsWritten() {
        String schema = LegacyTables.withSharedFile();
        LegacyTables.asOwner(
                schema,
                "alter table usage_logs drop column auth_method;"
                        + " alter table usage_logs add column region text");

        Result dryRun = MigrationCommand.run("dry-run", "--schema", schema);
        Result run = MigrationCommand.run("run", "--schema", schema);

        assertThat(dryRun.exitCode()).isEqualTo(1);
        assertThat(dryRun.report().get("ready_to_run").asBoolean()).isFalse();
        assertThat(dryRun.report().get("problems").toString())
                .contains("no column auth_method")
                .contains("Column region has no place");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(migrated(schema)).isZero();
    }

    /** One row per rule, ids starting "bad", each mapped to the rules it must be refused by. */
    private static Map<UUID, String> insertUnmigratableRows(String schema) {
        Map<UUID, String> bad = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        String[][] rows = {
            {"'u', 's', 'm', -5, 1, null, 0.1, '2025-01-01'", "request_logs_details_valid"},
            {"'u', 's', 'm', 5, 1, 3, 0.1, '2025-01-01'", "request_logs_details_valid"},
            {"'', 's', 'm', 5, 1, 6, 0.1, '2025-01-01'", "request_logs_end_user_length"},
            {
                "repeat('x', 256), 's', 'm', 5, 1, 6, 0.1, '2025-01-01'",
                "request_logs_end_user_length"
            },
            {"'u', 's', '', 5, 1, 6, 0.1, '2025-01-01'", "request_logs_model_length"},
            {"'u', 's', 'm', 5, 1, 6, 'NaN', '2025-01-01'", "request_logs_total_cost_valid"},
            {"'u', 's', 'm', 5, 1, 6, 'Infinity', '2025-01-01'", "request_logs_total_cost_valid"},
            {"'u', 's', 'm', 5, 1, 6, -0.01, '2025-01-01'", "request_logs_total_cost_valid"},
            {"'u', '  ', 'm', 5, 1, 6, 0.1, '2025-01-01'", "ledger session_id text"},
            {"'u', 's', 'm', 5, 1, 6, 0.1, 'infinity'", "ledger created_at finite"},
            {"'u', 's', 'm', 5, 1, 6, 0.1, '1500-06-01'", "ledger created_at range"},
            {"'u', 's', 'm', 5, 1, 6, 0.1, '2999-01-01'", "ledger created_at range"},
            {"'u', 's', 'm', 5, 1, 6, 3.4028235e38, '2025-01-01'", "ledger total_cost digits"},
            {"'u', 's', 'm', 5, 1, 6, 1.1754944e-45, '2025-01-01'", "ledger total_cost digits"},
        };
        for (int i = 0; i < rows.length; i++) {
            UUID id = UUID.fromString(String.format("bad00000-0000-4000-8000-%012d", i));
            bad.put(id, rows[i][1]);
            values.add("('" + id + "', " + rows[i][0] + ", 'jwt')");
        }
        LegacyTables.asOwner(
                schema,
                "insert into usage_logs (id, user_id, session_id, model_name, input_tokens,"
                        + " output_tokens, total_tokens, cost, created_at, auth_method) values "
                        + String.join(", ", values));
        return bad;
    }

    private static Map<String, String> sorted(Map<UUID, String> bad) {
        Map<String, String> byId = new java.util.TreeMap<>();
        bad.forEach((id, rule) -> byId.put(id.toString(), rule));
        return byId;
    }

    private static Map<String, String> rejectionRules(JsonNode comparison) {
        Map<String, String> rules = new java.util.TreeMap<>();
        for (JsonNode row : comparison.get("rejected_rows")) {
            List<String> names = new ArrayList<>();
            row.get("reasons").forEach(reason -> names.add(reason.get("rule").asText()));
            rules.put(row.get("id").asText(), String.join(", ", names));
        }
        return rules;
    }

    private static void awaitRowsDone(String schema, long rows) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (rowsDone(schema) < rows) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the run did not reach " + rows + " rows in 60 s");
            }
            Thread.sleep(20);
        }
    }

    private static long rowsDone(String schema) {
        return TestDatabase.count(
                "select coalesce(max(rows_done), 0) from usage_logs_migration"
                        + " where source_schema = ?",
                schema);
    }

    static long migrated(String schema) {
        return TestDatabase.count(
                "select count(*) from request_logs where id in (select id from "
                        + schema
                        + ".usage_logs)");
    }

    private static boolean legacyTableExists(String schema) {
        return TestDatabase.count(
                        "select count(*) from pg_tables where schemaname = ?"
                                + " and tablename = 'usage_logs'",
                        schema)
                == 1;
    }

    private static String createdAt(String id) {
        try (var connection = TestDatabase.admin();
                var statement = connection.createStatement()) {
            statement.execute("set timezone = 'UTC'");
            try (var row =
                    statement.executeQuery(
                            "select created_at::text from request_logs"
                                    + " where id = '"
                                    + id
                                    + "'")) {
                row.next();
                return row.getString(1);
            }
        } catch (java.sql.SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
