package dev.tokenledger.legacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenledger.legacy.entity.UsageLogsSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageLogsShapeTest {

    @Test
    void theSharedFilesTableCanBeMigratedAsItIs() {
        UsageLogsSource source = LegacyShapes.source(LegacyShapes.sharedFileColumns());

        assertThat(UsageLogsShape.problems(source, "owner")).isEmpty();
        assertThat(UsageLogsShape.warnings(source, "owner")).isEmpty();
    }

    @Test
    void widerTypesThatConvertExactlyAreAccepted() {
        Map<String, String> columns = LegacyShapes.sharedFileColumns();
        columns.put("user_id", "character varying");
        columns.put("input_tokens", "bigint");
        columns.put("cost", "numeric");
        columns.put("created_at", "timestamp with time zone");

        assertThat(UsageLogsShape.problems(LegacyShapes.source(columns), "owner")).isEmpty();
    }

    @Test
    void aMissingColumnALossyTypeAndAnUnmappedColumnAreProblems() {
        Map<String, String> columns = LegacyShapes.sharedFileColumns();
        columns.remove("auth_method");
        columns.put("input_tokens", "numeric");
        columns.put("region", "text");

        assertThat(UsageLogsShape.problems(LegacyShapes.source(columns), "owner"))
                .containsExactly(
                        "Column input_tokens is numeric; it can only be read as bigint from"
                                + " bigint, integer, smallint.",
                        "legacy.usage_logs has no column auth_method, which the mapping reads.",
                        "Column region has no place in request_logs, so its values would be"
                                + " lost; drop or rename it only once you have kept them.");
    }

    @Test
    void idsWithoutAUniqueIndexAndAnUnreadableTableAreProblemsThatSayWhatToRun() {
        UsageLogsSource source =
                new UsageLogsSource(
                        "legacy",
                        "usage_logs",
                        LegacyShapes.sharedFileColumns(),
                        false,
                        false,
                        false,
                        true);

        assertThat(UsageLogsShape.problems(source, "tokenledger_owner"))
                .containsExactly(
                        "legacy.usage_logs.id has no primary key or unique index; add one (ALTER"
                                + " TABLE legacy.usage_logs ADD PRIMARY KEY (id)).",
                        "The role tokenledger_owner cannot use the schema legacy; GRANT USAGE ON"
                                + " SCHEMA legacy TO tokenledger_owner.",
                        "The role tokenledger_owner cannot read legacy.usage_logs; GRANT SELECT ON"
                                + " legacy.usage_logs TO tokenledger_owner.");
    }

    @Test
    void aTableTheRoleDoesNotOwnWarnsThatFinishingWillNeedOwnership() {
        UsageLogsSource source =
                new UsageLogsSource(
                        "legacy",
                        "usage_logs",
                        LegacyShapes.sharedFileColumns(),
                        true,
                        true,
                        true,
                        false);

        assertThat(UsageLogsShape.problems(source, "tokenledger_owner")).isEmpty();
        assertThat(UsageLogsShape.warnings(source, "tokenledger_owner"))
                .singleElement()
                .asString()
                .contains("ALTER TABLE legacy.usage_logs OWNER TO tokenledger_owner");
    }
}
