package dev.tokenledger.legacy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenledger.legacy.entity.Condition;
import dev.tokenledger.legacy.entity.UsageLogQuery;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageLogSqlTest {

    private static SqlStatement select(String... filters) {
        List<Condition> conditions = new java.util.ArrayList<>();
        for (int i = 0; i < filters.length; i += 2) {
            conditions.add(FilterParser.parseOne(filters[i], filters[i + 1]));
        }
        return UsageLogSql.select(new UsageLogQuery(conditions, List.of(), 0, 10, false));
    }

    @Test
    void tokenComparisonsAreNumericOnTheTypedDetailsKey() {
        SqlStatement sql = select("total_tokens", "gte.10");

        assertThat(sql.sql())
                .contains("where ((r.additional_details ->> 'total_tokens')::bigint >= ?)");
        assertThat(sql.parameters()).containsExactly(10L, 10, 0L);
    }

    @Test
    void costIsComparedAsAnExactDecimalAndTimesAsTimes() {
        SqlStatement sql = select("cost", "lt.0.01", "created_at", "lt.2025-05-02");

        assertThat(sql.sql()).contains("(r.total_cost < ?) and (r.created_at < ?)");
        assertThat(sql.parameters().get(0)).isEqualTo(new BigDecimal("0.01"));
        assertThat(sql.parameters().get(1)).isEqualTo(OffsetDateTime.parse("2025-05-02T00:00:00Z"));
    }

    @Test
    void everyValueIsABoundParameterEvenAHostileOne() {
        SqlStatement sql = select("user_id", "eq.x' or '1'='1");

        assertThat(sql.sql()).doesNotContain("'1'").contains("r.end_user = ?");
        assertThat(sql.parameters().get(0)).isEqualTo("x' or '1'='1");
    }

    @Test
    void treesNegationInAndIsBecomeSql() {
        SqlStatement sql =
                select(
                        "or",
                        "(model_name.eq.gpt-4o,total_tokens.gt.5000)",
                        "session_id",
                        "is.null",
                        "model_name",
                        "not.in.(a,b)",
                        "user_id",
                        "in.()");

        assertThat(sql.sql())
                .contains(
                        "((r.model = ?) or "
                                + "((r.additional_details ->> 'total_tokens')::bigint > ?))"
                                + " and ((r.additional_details ->> 'session_id') is null)"
                                + " and not (r.model in (?, ?)) and (false)");
    }

    @Test
    void likeTurnsStarsIntoPercentAndIsOnlyForText() {
        SqlStatement sql = select("model_name", "ilike.gpt*");

        assertThat(sql.sql()).contains("r.model ilike ?");
        assertThat(sql.parameters().get(0)).isEqualTo("gpt%");
        assertThatThrownBy(() -> select("cost", "like.1*"))
                .isInstanceOfSatisfying(
                        PostgrestError.class, error -> assertThat(error.code()).isEqualTo("42883"));
    }

    @Test
    void valuesThatDoNotReadAsTheColumnsTypeAreThePostgresqlErrors() {
        assertThatThrownBy(() -> select("total_tokens", "gte.abc"))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> {
                            assertThat(error.code()).isEqualTo("22P02");
                            assertThat(error.getMessage())
                                    .isEqualTo("invalid input syntax for type bigint: \"abc\"");
                        });
        assertThatThrownBy(() -> select("total_tokens", "gt.99999999999999999999"))
                .isInstanceOfSatisfying(
                        PostgrestError.class, error -> assertThat(error.code()).isEqualTo("22003"));
        assertThatThrownBy(() -> select("created_at", "gt.yesterday"))
                .isInstanceOfSatisfying(
                        PostgrestError.class, error -> assertThat(error.code()).isEqualTo("22007"));
        assertThatThrownBy(() -> select("id", "eq.42"))
                .isInstanceOfSatisfying(
                        PostgrestError.class, error -> assertThat(error.code()).isEqualTo("22P02"));
        assertThatThrownBy(() -> select("cost", "is.true"))
                .isInstanceOfSatisfying(
                        PostgrestError.class, error -> assertThat(error.code()).isEqualTo("42804"));
    }

    @Test
    void numbersBeyondTheColumnsRangeAreOutOfRangeInEveryOperatorAndGroup() {
        String[][] filters = {
            {"cost", "gt.1e131072"},
            {"cost", "lt.1e999999"},
            {"cost", "eq.-1e131072"},
            {"cost", "gt.1e-16384"},
            {"cost", "gt.1e99999999999"},
            {"cost", "in.(1,1e131072)"},
            {"or", "(model_name.eq.x,cost.gt.1e131072)"},
            {"not.and", "(cost.gte.0,cost.lte.1e999999)"},
            {"total_tokens", "gt.9223372036854775808"},
            {"input_tokens", "in.(1,-9223372036854775809)"},
            {"or", "(output_tokens.lt.99999999999999999999,model_name.eq.x)"}
        };

        for (String[] filter : filters) {
            assertThatThrownBy(() -> select(filter[0], filter[1]))
                    .as(filter[0] + "=" + filter[1])
                    .isInstanceOfSatisfying(
                            PostgrestError.class,
                            error -> {
                                assertThat(error.code()).isEqualTo("22003");
                                assertThat(error.status()).isEqualTo(400);
                            });
        }
    }

    @Test
    void numbersAtTheEdgeOfTheNumericRangeAreBoundExactly() {
        SqlStatement sql = select("cost", "lt.9.9e131071", "cost", "gt.1e-16383");

        assertThat(sql.parameters().subList(0, 2))
                .containsExactly(new BigDecimal("9.9e131071"), new BigDecimal("1e-16383"));
    }

    @Test
    void onlyAsciiDigitsReadAsNumbersAsInPostgresql() {
        for (String[] filter :
                new String[][] {
                    {"total_tokens", "eq.\u0661\u0662"}, {"cost", "eq.\u0661.5"}, {"cost", "eq.NaN"}
                }) {
            assertThatThrownBy(() -> select(filter[0], filter[1]))
                    .as(filter[1])
                    .isInstanceOfSatisfying(
                            PostgrestError.class,
                            error -> assertThat(error.code()).isEqualTo("22P02"));
        }
    }

    @Test
    void ordersEndWithTheIdSoPagesAreStable() {
        SqlStatement ordered =
                UsageLogSql.select(
                        new UsageLogQuery(
                                List.of(), SelectParser.order("cost.desc.nullslast"), 5, 2, false));
        SqlStatement unordered = select();

        assertThat(ordered.sql())
                .endsWith("order by r.total_cost desc nulls last, r.id limit ? offset ?");
        assertThat(ordered.parameters()).containsExactly(2, 5L);
        assertThat(unordered.sql()).endsWith("order by r.created_at, r.id limit ? offset ?");
    }

    @Test
    void idsAreReadBackAsAnArrayParameter() {
        UUID id = UUID.randomUUID();

        SqlStatement sql = UsageLogSql.byIds(List.of(id));

        assertThat(sql.sql()).endsWith("where r.id = any(?::uuid[])");
        assertThat((String[]) sql.parameters().get(0)).containsExactly(id.toString());
    }

    @Test
    void aCountedPageCountsInTheSameStatement() {
        SqlStatement sql = UsageLogSql.select(new UsageLogQuery(List.of(), List.of(), 0, 5, true));

        assertThat(sql.sql()).contains(", count(*) over () as total from request_logs r");
    }
}
