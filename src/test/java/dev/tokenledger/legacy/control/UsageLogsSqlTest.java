package dev.tokenledger.legacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenledger.legacy.entity.MigrationRule;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.legacy.entity.UsageLogColumn.Source;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageLogsSqlTest {

    private final UsageLogsSql sql = sql(LegacyShapes.sharedFileColumns(), "UTC");

    @Test
    void aDoubleCostIsReadThroughItsShortestExactText() {
        Map<String, String> numericCost = LegacyShapes.sharedFileColumns();
        numericCost.put("cost", "numeric");

        assertThat(sql.converted(UsageLogColumn.COST)).isEqualTo("u.\"cost\"::text::numeric");
        assertThat(sql(numericCost, "UTC").converted(UsageLogColumn.COST))
                .isEqualTo("u.\"cost\"::numeric");
    }

    @Test
    void timesWithoutZoneAreReadInTheNamedZoneAndTimesWithZoneAsTheyAre() {
        Map<String, String> zoned = LegacyShapes.sharedFileColumns();
        zoned.put("created_at", "timestamp with time zone");

        assertThat(
                        sql(LegacyShapes.sharedFileColumns(), "Europe/Berlin")
                                .converted(UsageLogColumn.CREATED_AT))
                .isEqualTo("(u.\"created_at\" at time zone 'Europe/Berlin')");
        assertThat(sql(zoned, "Europe/Berlin").converted(UsageLogColumn.CREATED_AT))
                .isEqualTo("u.\"created_at\"");
    }

    @Test
    void everyLegacyColumnLandsWhereTheMappingSays() {
        String mapped = sql.mapped();

        for (UsageLogColumn column : UsageLogColumn.values()) {
            if (column.source() == Source.COLUMN) {
                assertThat(mapped)
                        .contains(sql.converted(column) + " as \"" + column.target() + "\"");
            } else if (column != UsageLogColumn.TOTAL_TOKENS) {
                assertThat(mapped).contains("'" + column.target() + "', " + sql.converted(column));
            }
        }
        assertThat(mapped)
                .contains("null::text as \"request_id\"")
                .contains("null::bytea as \"content_hash\"")
                .contains("from \"legacy\".\"usage_logs\" u");
    }

    @Test
    void nullsAreLeftOutOfTheDetailsAndAMissingTotalIsFilledOnlyFromBothCounts() {
        String mapped = sql.mapped();

        assertThat(mapped)
                .contains("jsonb_strip_nulls(jsonb_build_object(")
                .contains(
                        "'total_tokens', coalesce(u.\"total_tokens\"::bigint,"
                                + " u.\"input_tokens\"::bigint + u.\"output_tokens\"::bigint)")
                .contains(
                        "(u.\"total_tokens\" is null and u.\"input_tokens\" is not null and"
                                + " u.\"output_tokens\" is not null) as legacy_total_filled");
    }

    @Test
    void aBatchWritesOnlyMappedColumnsAfterTheCheckpointAndSkipsIdsAlreadyPresent() {
        String next = sql.batch(false);

        assertThat(next)
                .contains(
                        "insert into \"public\".\"request_logs\" (\"id\","
                                + " \"end_user\", \"model\", \"total_cost\", \"created_at\","
                                + " \"additional_details\")")
                .contains("where cardinality(legacy_broken) = 0")
                .contains("on conflict (id) do nothing")
                .contains("where u.\"id\" > ?\norder by u.\"id\" limit ?");
        assertThat(sql.batch(true)).doesNotContain("> ?").contains("order by u.\"id\" limit ?");
    }

    @Test
    void rowsAreCheckedAgainstNotNullColumnsConstraintsAndTheApisRules() {
        assertThat(sql.rules())
                .extracting(MigrationRule::name)
                .containsExactly(
                        "id not null",
                        "created_at not null",
                        "additional_details not null",
                        "request_logs_total_cost_valid",
                        "request_logs_status_length",
                        "ledger session_id text",
                        "ledger total_cost digits",
                        "ledger created_at finite",
                        "ledger created_at range",
                        "ledger auth_method text");
        MigrationRule cost = sql.rules().get(3);
        assertThat(cost.legacyColumns()).containsExactly("cost");
        assertThat(cost.description()).isEqualTo("total_cost must not be negative.");
        assertThat(sql.rules().get(4).legacyColumns())
                .as("no legacy column becomes status")
                .isEmpty();
        assertThat(sql.rules().get(4).description())
                .isEqualTo("breaks request_logs_status_length.");
        assertThat(sql.rules().get(5).check())
                .contains("char_length((" + "additional_details ->> 'session_id')) <= 255");
        assertThat(sql.rules().get(7).check())
                .isEqualTo("created_at is null or isfinite(created_at)");
        assertThat(sql.checked("select 1"))
                .contains("case when (" + cost.check() + ") is false then 3 end");
    }

    @Test
    void theViewReadsEveryLegacyColumnUnderItsOldNameAsTheCaller() {
        String view = UsageLogsSql.view("legacy", LegacyShapes.target());

        assertThat(view)
                .startsWith(
                        "create view \"legacy\".\"usage_logs\""
                                + " with (security_invoker = true) as");
        for (UsageLogColumn column : UsageLogColumn.values()) {
            assertThat(view)
                    .contains(column.readExpression("r") + " as \"" + column.legacyName() + "\"");
        }
    }

    @Test
    void namesAndTextAreQuotedForSql() {
        assertThat(UsageLogsSql.quote("odd\"name")).isEqualTo("\"odd\"\"name\"");
        assertThat(UsageLogsSql.literal("it's")).isEqualTo("'it''s'");
    }

    private static UsageLogsSql sql(Map<String, String> columns, String zone) {
        return new UsageLogsSql(
                LegacyShapes.source(columns), LegacyShapes.target(), ZoneId.of(zone));
    }
}
