package dev.tokenledger.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once check must probe the unique index by scope and request id together, whatever the
 * statistics say. When statistics called a writer's scope small, the planner used to read the whole
 * scope and filter it by id, and a gateway's scope holds most of the ledger: each delivery then
 * read all of it (docs/BENCHMARKS.md, migration V42). auto_explain hands the plan of the statement
 * inside the function back to this connection as a notice.
 */
class DuplicateCheckPlanIT {

    @Test
    void theCheckProbesTheIndexByScopeAndIdEvenWhenStatisticsCallTheScopeSmall()
            throws SQLException {
        TestSchema.migrate();
        String prefix = "plan-" + UUID.randomUUID() + "-";
        try (Connection admin = TestDatabase.admin();
                Statement sql = admin.createStatement()) {
            // The test database's gateway scope is small when analysed, as a new ledger's is.
            sql.execute("analyze request_logs");
            sql.execute("load 'auto_explain'");
            sql.execute("set auto_explain.log_min_duration = 0");
            sql.execute("set auto_explain.log_nested_statements = on");
            sql.execute("set auto_explain.log_level = notice");
            sql.execute("set client_min_messages = notice");
            admin.setAutoCommit(false);
            // Rows the statistics have not seen, as when a gateway's scope grew since the last
            // analyze; rolled back at the end.
            try (PreparedStatement insert =
                    admin.prepareStatement(
                            """
                            insert into request_logs
                                (id, request_id, request_scope, end_user, model, additional_details)
                            select gen_random_uuid(), ? || g, 'ingest', 'plan-user', 'gpt-4o',
                                   '{"auth_method": "ingest"}'
                            from generate_series(1, 5000) g
                            """)) {
                insert.setString(1, prefix);
                insert.executeUpdate();
            }
            sql.execute("set local role tokenledger_ingest");
            sql.clearWarnings();

            try (PreparedStatement check =
                    admin.prepareStatement(
                            "select count(*) from request_log_duplicates(?::text[], null, null)")) {
                check.setArray(
                        1,
                        admin.createArrayOf(
                                "text", new String[] {prefix + 1, prefix + 2, "absent"}));
                check.executeQuery().close();
                String plans = notices(check.getWarnings()) + notices(sql.getWarnings());
                admin.rollback();

                assertThat(plans).contains("request_logs_request_scope_request_id");
                assertThat(plans)
                        .as(plans)
                        .containsPattern("Index Cond: \\(\\(request_scope = .*request_id = ");
            }
        }
    }

    private static String notices(SQLWarning warning) {
        StringBuilder text = new StringBuilder();
        for (SQLWarning next = warning; next != null; next = next.getNextWarning()) {
            text.append(next.getMessage()).append('\n');
        }
        return text.toString();
    }
}
