package dev.tokenledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Api.Reply;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The migration operated over real HTTP by the service role, against the deployed server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsageLogsMigrationApiIT {

    static final String MIGRATION = "/api/v1/legacy/migration";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    @Test
    void aDryRunARunAndAVerificationCarryTheSharedFileOverExactly() {
        String schema = LegacyTables.withSharedFile();

        Reply dryRun = post("/dry-run?schema=" + schema);
        Reply run = post("/run?wait_seconds=60&schema=" + schema);
        Reply verify = post("/verify?schema=" + schema);

        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.header("Deprecation")).as("the way out is not deprecated").isNull();
        assertThat(dryRun.json().get("ready_to_run").asBoolean()).isTrue();
        assertThat(dryRun.json().at("/comparison/pending").asLong()).isEqualTo(10);
        assertThat(dryRun.json().at("/comparison/totals_filled").asLong()).isEqualTo(1);
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("completed").asBoolean()).isTrue();
        assertThat(run.json().get("inserted").asLong()).isEqualTo(10);
        assertThat(run.json().get("totals_filled").asLong()).isEqualTo(1);
        assertThat(verify.status()).as(verify.toString()).isEqualTo(200);
        assertThat(verify.json().get("passed").asBoolean()).isTrue();
        assertThat(verify.json().at("/comparison/migrated").asLong()).isEqualTo(10);
        SharedFileRows.assertMigratedExactly();

        JsonNode onTheWire =
                service()
                        .get("/api/v1/request-logs/" + "00000000-0000-0000-0000-000000000001")
                        .json();
        assertThat(onTheWire.get("total_cost").decimalValue().toPlainString()).isEqualTo("0.0105");
        assertThat(onTheWire.get("created_at").asText()).isEqualTo("2025-05-01T09:15:00Z");
        JsonNode status = service().get(MIGRATION + "?schema=" + schema).json();
        assertThat(status.get("phase").asText()).isEqualTo("copied");
        assertThat(status.get("verification_passed").asBoolean()).isTrue();
        assertThat(status.get("step_running").asBoolean()).isFalse();
    }

    @Test
    void aLongRunAnswers202WithProgressAndFinishesInTheBackground() throws Exception {
        String schema = LegacyTables.generated(3_000);

        Reply started = post("/run?batch_size=100&pause_ms=100&schema=" + schema);

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).endsWith(MIGRATION + "?schema=" + schema);
        assertThat(started.json().get("phase").asText()).isEqualTo("copying");
        assertThat(started.json().get("step_running").asBoolean()).isTrue();
        Reply second = post("/run?schema=" + schema);
        assertThat(second.status()).as("one run at a time").isEqualTo(409);
        JsonNode midway = awaitStatus(schema, s -> s.at("/progress/rows_done").asLong() >= 500);
        assertThat(midway.at("/progress/rows_total").asLong()).isEqualTo(3_000);
        assertThat(midway.at("/progress/rows_per_second").asLong()).isPositive();
        assertThat(midway.at("/progress/seconds_left").isNumber()).isTrue();

        JsonNode done = awaitStatus(schema, s -> !s.get("step_running").asBoolean());
        assertThat(done.get("phase").asText()).isEqualTo("copied");
        assertThat(done.get("inserted").asLong()).isEqualTo(3_000);
        assertThat(done.get("verification_passed").asBoolean()).isTrue();
        assertThat(GeneratedRows.mismatches(schema)).isZero();
    }

    @Test
    void stopEndsARunAfterItsBatchAndTheNextRunResumesAfterIt() throws Exception {
        String schema = slowRunUnderWay();

        Reply stop = post("/stop");

        assertThat(stop.status()).as(stop.toString()).isEqualTo(200);
        JsonNode stopped = awaitStatus(schema, s -> !s.get("step_running").asBoolean());
        long done = stopped.at("/progress/rows_done").asLong();
        assertThat(stopped.get("phase").asText()).isEqualTo("copying");
        assertThat(done).isLessThan(3_000);
        assertThat(UsageLogsMigrationCommandIT.migrated(schema)).isEqualTo(done);

        Reply resumed = post("/run?wait_seconds=60&schema=" + schema);
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().get("resumed_after").asLong()).isEqualTo(done);
        assertThat(resumed.json().at("/verification/passed").asBoolean()).isTrue();
        assertThat(GeneratedRows.mismatches(schema)).isZero();
        assertThat(post("/stop").status()).as("nothing left to stop").isEqualTo(409);
    }

    @Test
    void aRunWhoseSessionIsEndedFromTheCommandLineResumesThroughTheApi() throws Exception {
        String schema = slowRunUnderWay();

        MigrationCommand.Result stop = MigrationCommand.run("stop");

        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        JsonNode ended =
                awaitStatus(schema, s -> !s.get("step_running").asBoolean() && s.has("last_error"));
        long done = ended.at("/progress/rows_done").asLong();
        assertThat(done).isLessThan(3_000);
        assertThat(UsageLogsMigrationCommandIT.migrated(schema)).isEqualTo(done);

        Reply resumed = post("/run?wait_seconds=60&schema=" + schema);
        assertThat(resumed.status())
                .as("the ended session is not reused: " + resumed)
                .isEqualTo(200);
        assertThat(resumed.json().get("resumed_after").asLong()).isEqualTo(done);
        assertThat(resumed.json().at("/verification/passed").asBoolean()).isTrue();
        assertThat(service().get("/api/v1/health").status()).isEqualTo(200);
    }

    @Test
    void aBatchThatFailsInsideTheDatabaseLeavesNoPartOfItBehind() {
        String schema = LegacyTables.generated(1_000);
        String trigger = schema + "_fail";
        String failingId = firstId(schema, 249);
        LegacyTables.admin(
                "create function "
                        + trigger
                        + "() returns trigger language plpgsql as"
                        + " $$ begin raise exception 'simulated failure at %', new.id; end $$;"
                        + " create trigger "
                        + trigger
                        + " before insert on request_logs for each row"
                        + " when (new.id = '"
                        + failingId
                        + "') execute function "
                        + trigger
                        + "()");
        Reply failed;
        try {
            failed = post("/run?batch_size=100&wait_seconds=60&schema=" + schema);
        } finally {
            LegacyTables.admin(
                    "drop trigger "
                            + trigger
                            + " on request_logs;"
                            + " drop function "
                            + trigger
                            + "()");
        }

        assertThat(failed.status()).as(failed.toString()).isEqualTo(409);
        assertThat(failed.json().get("detail").asText())
                .contains("simulated failure")
                .contains("resumes");
        JsonNode status = service().get(MIGRATION + "?schema=" + schema).json();
        assertThat(status.at("/progress/rows_done").asLong()).isEqualTo(200);
        assertThat(UsageLogsMigrationCommandIT.migrated(schema))
                .as("the third batch rolled back")
                .isEqualTo(200);

        Reply resumed = post("/run?batch_size=100&wait_seconds=60&schema=" + schema);
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().at("/verification/passed").asBoolean()).isTrue();
        assertThat(GeneratedRows.mismatches(schema)).isZero();
    }

    @Test
    void rejectedOrConflictingRowsBlockTheRenameUntilTheyAreFixed() {
        String schema = LegacyTables.withSharedFile();
        String bad = "bad00000-0000-4000-8000-00000000a001";
        LegacyTables.asOwner(
                schema,
                "insert into usage_logs values ('"
                        + bad
                        + "', 'u', 's',"
                        + " 'm', -5, 1, null, 0.1, '2025-01-01', 'jwt')");
        Reply run = post("/run?wait_seconds=60&schema=" + schema);
        assertThat(run.json().get("rejected").asLong()).as(run.toString()).isEqualTo(1);
        assertThat(run.json().at("/verification/passed").asBoolean()).isFalse();

        Reply refused = post("/finish?schema=" + schema);
        LegacyTables.admin(
                "update request_logs set model = 'other'"
                        + " where id = '00000000-0000-0000-0000-000000000001'");
        JsonNode verify = post("/verify?schema=" + schema).json();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("1 rejected");
        assertThat(verify.get("passed").asBoolean()).isFalse();
        JsonNode rejected = verify.at("/comparison/rejected_rows/0");
        assertThat(rejected.get("id").asText()).isEqualTo(bad);
        assertThat(rejected.at("/reasons/0/rule").asText()).isEqualTo("request_logs_details_valid");
        assertThat(rejected.at("/reasons/0/columns").toString()).contains("input_tokens");
        assertThat(verify.at("/comparison/conflicting_rows").toString())
                .isEqualTo(
                        "[{\"id\":\"00000000-0000-0000-0000-000000000001\","
                                + "\"columns\":[\"model_name\"]}]");

        LegacyTables.asOwner(schema, "delete from usage_logs where id = '" + bad + "'");
        LegacyTables.admin(
                "update request_logs set model = 'gpt-4o'"
                        + " where id = '00000000-0000-0000-0000-000000000001'");
        Reply finished = post("/finish?schema=" + schema);
        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
        String retired = finished.json().get("table").asText();
        assertThat(retired).startsWith(schema + ".usage_logs_retired_");

        Reply unconfirmed = post("/drop?schema=" + schema);
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.json().at("/errors/0/parameter").asText()).isEqualTo("confirm");
        Reply dropped = post("/drop?schema=" + schema + "&confirm=" + retired);
        assertThat(dropped.status()).as(dropped.toString()).isEqualTo(200);
        assertThat(dropped.json().get("action").asText()).isEqualTo("dropped");
        SharedFileRows.assertMigratedExactly();
    }

    @Test
    void theReadOnlyViewLetsEachCallerSeeOnlyWhatRowLevelSecurityAllows() throws Exception {
        String schema = LegacyTables.withSharedFile();
        assertThat(post("/view?schema=" + schema).status())
                .as("the legacy table has the name")
                .isEqualTo(409);
        assertThat(post("/run?wait_seconds=60&schema=" + schema).status()).isEqualTo(200);
        assertThat(post("/finish?schema=" + schema).status()).isEqualTo(200);

        Reply created = post("/view?schema=" + schema);
        Reply again = post("/view?schema=" + schema);

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().get("created").asBoolean()).isTrue();
        assertThat(again.json().get("created").asBoolean()).isFalse();
        LegacyView view = new LegacyView(schema);
        assertThat(view.idsVisibleTo("tokenledger_authenticated", "user-123"))
                .containsExactly(
                        "00000000-0000-0000-0000-000000000001",
                                "00000000-0000-0000-0000-000000000002",
                        "00000000-0000-0000-0000-000000000003",
                                "00000000-0000-0000-0000-000000000010");
        assertThat(view.idsVisibleTo("tokenledger_service", "")).hasSize(10);
        assertThat(view.firstRowAs("tokenledger_authenticated", "user-123"))
                .isEqualTo(
                        "00000000-0000-0000-0000-000000000001|user-123|sess-a|gpt-4o|1200|300"
                                + "|1500|0.0105|2025-05-01 09:15:00+00|jwt");
        assertThat(view.refusalFor("tokenledger_anon", "select count(*) from %s.usage_logs"))
                .isEqualTo("42501");
        assertThat(
                        view.refusalFor(
                                "tokenledger_authenticated",
                                "insert into %s.usage_logs (id) values (gen_random_uuid())"))
                .isEqualTo("42501");
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        String schema = LegacyTables.freshSchema();
        List<List<String>> cases =
                List.of(
                        List.of("/run?batch_size=0", "batch_size"),
                        List.of("/run?batch_size=many", "batch_size"),
                        List.of("/run?pause_ms=-1", "pause_ms"),
                        List.of("/run?wait_seconds=301", "wait_seconds"),
                        List.of("/run?time_zone=Mars/Olympus", "time_zone"),
                        List.of("/dry-run?schema=public;drop", "schema"),
                        List.of("/verify?list_limit=0", "list_limit"),
                        List.of("/drop?confirm=&schema=" + schema, "confirm"));

        for (List<String> refused : cases) {
            Reply reply = post(refused.get(0));
            assertThat(reply.status()).as(refused.get(0) + " " + reply).isEqualTo(422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().at("/errors/0/parameter").asText()).isEqualTo(refused.get(1));
        }
    }

    @Test
    void aSchemaWithoutALegacyTableHasNothingToMigrate() {
        String schema = LegacyTables.freshSchema();

        assertThat(post("/dry-run?schema=" + schema).status()).isEqualTo(404);
        assertThat(post("/run?schema=" + schema).status()).isEqualTo(404);
        assertThat(post("/verify?schema=" + schema).status()).isEqualTo(404);
        assertThat(post("/finish?schema=" + schema).status()).isEqualTo(404);
        JsonNode status = service().get(MIGRATION + "?schema=" + schema).json();
        assertThat(status.get("legacy_table").asText()).isEqualTo("absent");
        assertThat(status.has("phase")).isFalse();
    }

    private Api service() {
        return Api.at(base).as(tokens.service());
    }

    private Reply post(String action) {
        return service().send("POST", MIGRATION + action, BodyPublishers.noBody(), null);
    }

    /** A run of 3,000 rows in batches of 100 with pauses, at least 300 rows in. */
    private String slowRunUnderWay() throws InterruptedException {
        String schema = LegacyTables.generated(3_000);
        assertThat(post("/run?batch_size=100&pause_ms=200&schema=" + schema).status())
                .isEqualTo(202);
        awaitStatus(schema, s -> s.at("/progress/rows_done").asLong() >= 300);
        return schema;
    }

    private JsonNode awaitStatus(String schema, java.util.function.Predicate<JsonNode> condition)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonNode status = service().get(MIGRATION + "?schema=" + schema).json();
            if (condition.test(status)) {
                return status;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("status never matched: " + status);
            }
            Thread.sleep(50);
        }
    }

    private static String firstId(String schema, int offset) {
        try (var connection = TestDatabase.admin();
                var query =
                        connection.prepareStatement(
                                "select id::text from "
                                        + schema
                                        + ".usage_logs order by id offset ? limit 1")) {
            query.setInt(1, offset);
            try (var row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (java.sql.SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
