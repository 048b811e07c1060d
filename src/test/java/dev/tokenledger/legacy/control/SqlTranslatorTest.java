package dev.tokenledger.legacy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tokenledger.legacy.entity.SqlParameter;
import dev.tokenledger.legacy.entity.TranslatedQuery;
import dev.tokenledger.platform.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every case of the shared sql_queries.md list, and the edges around them. */
class SqlTranslatorTest {

    private static final String ALL_COLUMNS =
            "request_logs.id as id, request_logs.end_user as user_id,"
                + " (request_logs.additional_details ->> 'session_id') as session_id,"
                + " request_logs.model as model_name, (request_logs.additional_details ->>"
                + " 'input_tokens')::bigint as input_tokens, (request_logs.additional_details ->>"
                + " 'output_tokens')::bigint as output_tokens, (request_logs.additional_details ->>"
                + " 'total_tokens')::bigint as total_tokens, request_logs.total_cost as cost,"
                + " request_logs.created_at as created_at, (request_logs.additional_details ->>"
                + " 'auth_method') as auth_method";

    private static TranslatedQuery translate(String sql) {
        return SqlTranslator.translate(sql);
    }

    private static void assertRefused(String sql, String reason) {
        assertThatThrownBy(() -> translate(sql))
                .as(sql)
                .isInstanceOfSatisfying(
                        SqlRefusal.class,
                        refusal -> {
                            assertThat(refusal.status()).isEqualTo(422);
                            assertThat(refusal.getMessage()).contains(reason);
                        });
    }

    @Test
    void case1SelectStarExpandsToTheOldColumnsAndBindsTheLiteral() {
        TranslatedQuery query = translate("SELECT * FROM usage_logs WHERE user_id = 'user-123';");

        assertThat(query.sql())
                .isEqualTo(
                        "select "
                                + ALL_COLUMNS
                                + " from request_logs where request_logs.end_user = $1");
        assertThat(query.jdbcSql()).endsWith("where request_logs.end_user = ?");
        assertThat(query.parameters()).containsExactly(new SqlParameter("user-123", "unknown"));
        assertThat(query.columns())
                .containsExactly(
                        "id",
                        "user_id",
                        "session_id",
                        "model_name",
                        "input_tokens",
                        "output_tokens",
                        "total_tokens",
                        "cost",
                        "created_at",
                        "auth_method");
    }

    @Test
    void case2AggregatesGroupByTheMappedColumnAndOrderByTheirAlias() {
        TranslatedQuery query =
                translate(
                        "SELECT model_name, SUM(total_tokens) AS tokens, SUM(cost) AS spend FROM"
                                + " usage_logs WHERE user_id = 'user-123' AND created_at >="
                                + " '2025-05-01' GROUP BY model_name ORDER BY spend DESC;");

        assertThat(query.sql())
                .isEqualTo(
                        "select request_logs.model as model_name,"
                            + " sum((request_logs.additional_details ->> 'total_tokens')::bigint)"
                            + " as tokens, sum(request_logs.total_cost) as spend from request_logs"
                            + " where request_logs.end_user = $1 and request_logs.created_at >= $2"
                            + " group by request_logs.model order by spend desc");
        assertThat(query.columns()).containsExactly("model_name", "tokens", "spend");
    }

    @Test
    void case3CountGroupsByADetailsKey() {
        TranslatedQuery query =
                translate(
                        "SELECT session_id, COUNT(*) FROM usage_logs"
                                + " WHERE user_id = 'user-123' GROUP BY session_id;");

        assertThat(query.sql())
                .isEqualTo(
                        "select (request_logs.additional_details ->> 'session_id') as session_id,"
                            + " count(*) from request_logs where request_logs.end_user = $1 group"
                            + " by (request_logs.additional_details ->> 'session_id')");
        assertThat(query.columns()).containsExactly("session_id", "count");
    }

    @Test
    void case4PositionsStayPositionsWhileLiteralsBecomeParameters() {
        TranslatedQuery query =
                translate(
                        "SELECT date_trunc('day', created_at) AS day, SUM(input_tokens),"
                                + " SUM(output_tokens) FROM usage_logs WHERE created_at BETWEEN"
                                + " '2025-05-01' AND '2025-05-31' GROUP BY 1 ORDER BY 1;");

        assertThat(query.sql())
                .isEqualTo(
                        "select date_trunc($1, request_logs.created_at) as day,"
                            + " sum((request_logs.additional_details ->> 'input_tokens')::bigint),"
                            + " sum((request_logs.additional_details ->> 'output_tokens')::bigint)"
                            + " from request_logs where request_logs.created_at between $2 and $3"
                            + " group by 1 order by 1");
        assertThat(query.parameters())
                .extracting(SqlParameter::value)
                .containsExactly("day", "2025-05-01", "2025-05-31");
        assertThat(query.columns()).containsExactly("day", "sum", "sum");
    }

    @Test
    void case5LowerCaseSqlWithIntegersAndALimit() {
        TranslatedQuery query =
                translate(
                        "select * from usage_logs where auth_method = 'api_key' and total_tokens >"
                                + " 1000 order by created_at desc limit 20");

        assertThat(query.sql())
                .endsWith(
                        " from request_logs where (request_logs.additional_details ->>"
                            + " 'auth_method') = $1 and (request_logs.additional_details ->>"
                            + " 'total_tokens')::bigint > $2 order by created_at desc limit $3");
        assertThat(query.parameters())
                .containsExactly(
                        new SqlParameter("api_key", "unknown"),
                        new SqlParameter(1000, "integer"),
                        new SqlParameter(20, "integer"));
    }

    @Test
    void case6AnAliasIsKeptAndQualifiesTheMappedColumns() {
        TranslatedQuery query =
                translate(
                        "SELECT ul.user_id, ul.cost FROM usage_logs ul WHERE ul.cost IS NOT NULL"
                                + " AND ul.model_name IN ('gpt-4o', 'gpt-4o-mini')");

        assertThat(query.sql())
                .isEqualTo(
                        "select ul.end_user as user_id, ul.total_cost as cost from request_logs ul"
                                + " where ul.total_cost is not null and ul.model in ($1, $2)");
        assertThat(query.columns()).containsExactly("user_id", "cost");
    }

    @Test
    void case7CastsAreWrittenOutAndKeepTheirAlias() {
        TranslatedQuery query =
                translate(
                        "SELECT AVG(output_tokens)::int AS avg_out, MAX(cost)"
                                + " FROM usage_logs WHERE user_id = 'user-456'");

        assertThat(query.sql())
                .isEqualTo(
                        "select cast(avg((request_logs.additional_details ->>"
                                + " 'output_tokens')::bigint) as int) as avg_out,"
                                + " max(request_logs.total_cost) from request_logs where"
                                + " request_logs.end_user = $1");
        assertThat(query.columns()).containsExactly("avg_out", "max");
    }

    @Test
    void cases8To13AreRefusedWithTheReason() {
        assertRefused(
                "DELETE FROM usage_logs WHERE user_id = 'user-123'",
                "Only SELECT statements are translated; this is a DELETE statement");
        assertRefused(
                "SELECT * FROM usage_logs; DROP TABLE request_logs;",
                "exactly one SELECT statement; this text holds 2");
        assertRefused("SELECT * FROM request_logs", "Only usage_logs can be queried");
        assertRefused(
                "SELECT pg_sleep(10) FROM usage_logs", "The function pg_sleep is not allowed");
        assertRefused(
                "SELECT * FROM usage_logs WHERE user_id = 'x' UNION SELECT * FROM"
                        + " pg_catalog.pg_authid",
                "UNION, INTERSECT and EXCEPT are not supported");
        assertRefused(
                "SELECT * FROM usage_logs WHERE no_such_column = 1",
                "usage_logs has no column no_such_column");
    }

    @Test
    void everythingThatCouldReachBeyondUsageLogsIsRefused() {
        assertRefused(
                "SELECT * FROM usage_logs WHERE user_id IN (SELECT rolname FROM pg_roles)",
                "subqueries are not supported");
        assertRefused("SELECT (SELECT 1) FROM usage_logs", "Subqueries are not supported");
        assertRefused("SELECT pg_catalog.count(*) FROM usage_logs", "is not allowed");
        assertRefused("SELECT current_setting('role') FROM usage_logs", "is not allowed");
        assertRefused("SELECT * FROM usage_logs u JOIN request_logs r ON true", "Joins");
        assertRefused("WITH x AS (SELECT 1) SELECT * FROM usage_logs", "WITH");
        assertRefused("SELECT * FROM other.usage_logs", "Only usage_logs can be queried");
        assertRefused("SELECT x.cost FROM usage_logs u", "does not belong to usage_logs");
        assertRefused("SELECT cost::regclass FROM usage_logs", "Casting to regclass");
        assertRefused("SELECT * FROM usage_logs WHERE user_id = ?", "is not supported");
        assertRefused("SELECT * INTO copy FROM usage_logs", "INTO");
        assertRefused("SELECT * FROM usage_logs FOR UPDATE", "clause the translator");
        assertRefused("SELECT cost FROM usage_logs ORDER BY 3", "position 3");
        assertRefused("SELECT E'\\x41' FROM usage_logs", "prefix");
        assertRefused("SELECT * FROM usage_logs TABLESAMPLE SYSTEM (10)", "TABLESAMPLE");
        assertRefused(
                "SELECT * FROM usage_logs u TABLESAMPLE BERNOULLI (5) REPEATABLE (1)",
                "TABLESAMPLE");
        assertRefused("SELECT a FROM usage_logs u (user_id, id)", "Column aliases");
        assertRefused("SELECT * FROM usage_logs WITH (NOLOCK)", "is not supported");
        assertRefused("SELECT * FROM usage_logs USE INDEX (x)", "is not supported");
        assertRefused("SELEC * FROM usage_logs", "could not be parsed");
        assertRefused("  ", "sql is required");
        assertRefused(
                "SELECT 1 FROM usage_logs WHERE " + "cost > 1 AND ".repeat(3000) + "true",
                "longer than");
    }

    @Test
    void nestingBeyondTheLimitIsRefusedAtAnyDepthAndQuickly() {
        for (int depth : new int[] {49, 700, 1000, 4900}) {
            String sql =
                    "SELECT count(*) FROM usage_logs WHERE "
                            + "(".repeat(depth)
                            + "cost > 1"
                            + ")".repeat(depth);

            assertTimeoutPreemptively(
                    Duration.ofSeconds(2), () -> assertRefused(sql, "nests deeper than 48 levels"));
        }
    }

    @Test
    void parenthesesInTextNamesAndCommentsDoNotCountAsNesting() {
        String many = "(".repeat(60);

        TranslatedQuery query =
                translate(
                        "SELECT count(*) AS \"a"
                                + many
                                + "\" FROM usage_logs -- "
                                + many
                                + "\nWHERE /* "
                                + many
                                + " */ model_name = 'it''s "
                                + many
                                + "'");

        assertThat(query.parameters()).containsExactly(new SqlParameter("it's " + many, "unknown"));
    }

    @Test
    void numbersTooLongToWriteOutAreRefusedNamingTheLiteral() throws Exception {
        for (String literal :
                new String[] {
                    "1e999999",
                    "1e131072",
                    "1e1000",
                    "1.5e-999999",
                    "1e99999999999",
                    "9".repeat(1001)
                }) {
            assertRefused(
                    "SELECT count(*) FROM usage_logs WHERE cost > " + literal,
                    "The number " + literal.substring(0, Math.min(literal.length(), 40)));
        }

        TranslatedQuery longest =
                translate("SELECT count(*) FROM usage_logs WHERE cost > 1e999 OR cost < 1e-999");

        assertThat(Json.mapper().writeValueAsString(longest.parameters())).hasSizeGreaterThan(2000);
    }

    @Test
    void aPositionBeyondAnyNumberTheSelectListCouldHaveIsRefused() {
        assertRefused("SELECT cost FROM usage_logs ORDER BY 99999999999999999999", "position 999");
        assertRefused("SELECT cost FROM usage_logs GROUP BY 0", "not in the select list");
    }

    @Test
    void onlyIsTheTableItselfAsRequestLogsHasNoChildrenToLeaveOut() {
        assertThat(translate("SELECT cost FROM ONLY usage_logs AS u").sql())
                .isEqualTo("select u.total_cost as cost from request_logs u");
    }

    @Test
    void precedenceIsKeptWithoutUnneededParentheses() {
        TranslatedQuery query =
                translate(
                        "SELECT (cost + 1) * 2, -cost, cost - (1 - 2) FROM usage_logs WHERE NOT"
                                + " (user_id = 'a' OR user_id = 'b') AND cost > 0.5");

        assertThat(query.sql())
                .isEqualTo(
                        "select (request_logs.total_cost + $1) * $2, -request_logs.total_cost,"
                                + " request_logs.total_cost - ($3 - $4) from request_logs where not"
                                + " (request_logs.end_user = $5 or request_logs.end_user = $6) and"
                                + " request_logs.total_cost > $7");
        assertThat(query.parameters().get(6))
                .isEqualTo(new SqlParameter(new BigDecimal("0.5"), "numeric"));
    }

    @Test
    void stringsUnescapeAndSelectListLiteralsAreText() {
        TranslatedQuery query =
                translate(
                        "SELECT 'it''s' AS note, count(*) FROM usage_logs WHERE model_name LIKE"
                                + " 'gpt%' AND created_at > now() - INTERVAL '7 days'");

        assertThat(query.sql())
                .isEqualTo(
                        "select $1::text as note, count(*) from request_logs where"
                            + " request_logs.model like $2 and request_logs.created_at > now() -"
                            + " cast($3 as interval)");
        assertThat(query.parameters())
                .extracting(SqlParameter::value)
                .containsExactly("it's", "gpt%", "7 days");
    }

    @Test
    void caseDistinctExtractAndOffsetTranslate() {
        TranslatedQuery query =
                translate(
                        "SELECT DISTINCT CASE WHEN cost IS NULL THEN 'unpriced' ELSE 'priced' END"
                            + " AS kind, extract(month from created_at) FROM usage_logs ORDER BY"
                            + " kind LIMIT 5 OFFSET 10");

        assertThat(query.sql())
                .isEqualTo(
                        "select distinct case when request_logs.total_cost is null then $1 else $2"
                                + " end as kind, extract(month from request_logs.created_at) from"
                                + " request_logs order by kind limit $3 offset $4");
    }

    @Test
    void quotedAndUpperCaseNamesReadAsPostgresqlReadsThem() {
        assertThat(translate("SELECT USER_ID, \"cost\" AS \"Spend\" FROM USAGE_LOGS").sql())
                .isEqualTo(
                        "select request_logs.end_user as user_id, request_logs.total_cost"
                                + " as \"Spend\" from request_logs");
        assertRefused("SELECT \"Cost\" FROM usage_logs", "no column Cost");
    }
}
