package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.MigrationTarget;
import dev.tokenledger.legacy.entity.MigrationTarget.Column;
import dev.tokenledger.legacy.entity.MigrationTarget.Constraint;
import dev.tokenledger.legacy.entity.UsageLogsSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The legacy table and request_logs as the catalog describes them, for unit tests. */
final class LegacyShapes {

    private LegacyShapes() {}

    /** The columns of the shared legacy file's table. */
    static Map<String, String> sharedFileColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", "uuid");
        columns.put("user_id", "text");
        columns.put("session_id", "text");
        columns.put("model_name", "text");
        columns.put("input_tokens", "integer");
        columns.put("output_tokens", "integer");
        columns.put("total_tokens", "integer");
        columns.put("cost", "double precision");
        columns.put("created_at", "timestamp without time zone");
        columns.put("auth_method", "text");
        return columns;
    }

    static UsageLogsSource source(Map<String, String> columns) {
        return new UsageLogsSource("legacy", "usage_logs", columns, true, true, true, true);
    }

    /** request_logs, plus a NOT NULL column with a default that the migration leaves alone. */
    static MigrationTarget target() {
        return new MigrationTarget(
                "\"public\".\"request_logs\"",
                List.of(
                        new Column("id", "uuid", true, Optional.empty()),
                        new Column("request_id", "text", false, Optional.empty()),
                        new Column(
                                "created_at",
                                "timestamp with time zone",
                                true,
                                Optional.of("now()")),
                        new Column("end_user", "text", false, Optional.empty()),
                        new Column("model", "text", false, Optional.empty()),
                        new Column("total_cost", "numeric", false, Optional.empty()),
                        new Column("status", "text", false, Optional.empty()),
                        new Column("additional_details", "jsonb", true, Optional.of("'{}'::jsonb")),
                        new Column("content_hash", "bytea", false, Optional.empty()),
                        new Column(
                                "recorded_at",
                                "timestamp with time zone",
                                true,
                                Optional.of("now()"))),
                List.of(
                        new Constraint(
                                "request_logs_total_cost_valid",
                                "((total_cost >= (0)::numeric) AND (total_cost <"
                                        + " 'Infinity'::numeric))",
                                List.of("total_cost"),
                                Optional.of("total_cost must not be negative.")),
                        new Constraint(
                                "request_logs_status_length",
                                "(char_length(status) <= 32)",
                                List.of("status"),
                                Optional.empty())));
    }
}
