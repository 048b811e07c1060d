package dev.tokenledger.legacy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenledger.legacy.entity.Condition;
import dev.tokenledger.legacy.entity.Condition.Comparison;
import dev.tokenledger.legacy.entity.Condition.Group;
import dev.tokenledger.legacy.entity.Operator;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    @Test
    void aColumnFilterKeepsEverythingAfterTheOperatorAsItsValue() {
        Comparison filter =
                (Comparison) FilterParser.parseOne("created_at", "gte.2025-05-01T00:00:00+00:00");

        assertThat(filter.column()).isEqualTo(UsageLogColumn.CREATED_AT);
        assertThat(filter.operator()).isEqualTo(Operator.GTE);
        assertThat(filter.value()).isEqualTo("2025-05-01T00:00:00+00:00");
        assertThat(filter.negated()).isFalse();
    }

    @Test
    void notNegatesTheOperator() {
        Comparison filter = (Comparison) FilterParser.parseOne("auth_method", "not.eq.anon");

        assertThat(filter.negated()).isTrue();
        assertThat(filter.operator()).isEqualTo(Operator.EQ);
        assertThat(filter.value()).isEqualTo("anon");
    }

    @Test
    void inListsUnquoteValuesCarryingReservedCharacters() {
        Comparison filter =
                (Comparison)
                        FilterParser.parseOne(
                                "model_name", "in.(gpt-4o,\"a,b\",\"say \\\"hi\\\"\")");

        assertThat(filter.values()).containsExactly("gpt-4o", "a,b", "say \"hi\"");
    }

    @Test
    void anEmptyInListIsAllowed() {
        assertThat(((Comparison) FilterParser.parseOne("user_id", "in.()")).values()).isEmpty();
    }

    @Test
    void logicTreesNestAndNegate() {
        Group tree =
                (Group)
                        FilterParser.parseOne(
                                "or",
                                "(model_name.eq.gpt-4o,not.and(total_tokens.gt.5000,cost.lt.0.01),"
                                        + "session_id.in.(a,b))");

        assertThat(tree.any()).isTrue();
        assertThat(tree.children()).hasSize(3);
        Group inner = (Group) tree.children().get(1);
        assertThat(inner.any()).isFalse();
        assertThat(inner.negated()).isTrue();
        assertThat(((Comparison) inner.children().get(1)).value()).isEqualTo("0.01");
        assertThat(((Comparison) tree.children().get(2)).values()).containsExactly("a", "b");
    }

    @Test
    void aNegatedTopLevelGroupIsNegated() {
        Group tree = (Group) FilterParser.parseOne("not.and", "(cost.gt.1,cost.lt.2)");

        assertThat(tree.negated()).isTrue();
        assertThat(tree.any()).isFalse();
    }

    @Test
    void reservedParametersAreNotFilters() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("select", List.of("*"));
        query.put("order", List.of("cost.desc"));
        query.put("limit", List.of("5"));
        query.put("offset", List.of("1"));
        query.put("columns", List.of("\"cost\""));
        query.put("created_at", List.of("gte.2025-05-01", "lt.2025-06-01"));

        List<Condition> filters = FilterParser.parse(query);

        assertThat(filters).hasSize(2);
    }

    @Test
    void anUnknownColumnIs42703WithAHint() {
        assertThatThrownBy(() -> FilterParser.parseOne("userid", "eq.x"))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> {
                            assertThat(error.code()).isEqualTo("42703");
                            assertThat(error.status()).isEqualTo(400);
                            assertThat(error.getMessage())
                                    .isEqualTo("column usage_logs.userid does not exist");
                            assertThat(error.hint()).contains("usage_logs.user_id");
                        });
    }

    @Test
    void anUnknownOperatorIsAParseError() {
        assertThatThrownBy(() -> FilterParser.parseOne("user_id", "regex.x"))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> {
                            assertThat(error.code()).isEqualTo("PGRST100");
                            assertThat(error.getMessage())
                                    .isEqualTo("failed to parse filter (regex.x)");
                        });
    }

    @Test
    void anOperatorPostgrestHasButUsageLogsDoesNotSaysSo() {
        assertThatThrownBy(() -> FilterParser.parseOne("user_id", "fts.x"))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> assertThat(error.details()).contains("not supported"));
    }

    @Test
    void brokenTreesAndValuesAreParseErrors() {
        for (String[] bad :
                new String[][] {
                    {"or", "(model_name.eq.a"}, {"or", "model_name.eq.a"}, {"user_id", "eq"},
                    {"user_id", "is.maybe"}, {"and", "(cost.gt.1))"}, {"user_id", "in.(a,b"}
                }) {
            assertThatThrownBy(() -> FilterParser.parseOne(bad[0], bad[1]))
                    .as(bad[0] + "=" + bad[1])
                    .isInstanceOfSatisfying(
                            PostgrestError.class,
                            error -> assertThat(error.code()).isEqualTo("PGRST100"));
        }
    }

    @Test
    void treesDeeperThanAnyReportAreRefusedBeforeTheyCostStack() {
        String deep =
                "("
                        + "or(".repeat(FilterParser.MAX_DEPTH)
                        + "cost.gt.1"
                        + ")".repeat(FilterParser.MAX_DEPTH)
                        + ")";
        String fine =
                "("
                        + "or(".repeat(FilterParser.MAX_DEPTH - 2)
                        + "cost.gt.1"
                        + ")".repeat(FilterParser.MAX_DEPTH - 2)
                        + ")";

        assertThat(FilterParser.parseOne("or", fine)).isInstanceOf(Group.class);
        assertThatThrownBy(() -> FilterParser.parseOne("or", deep))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> assertThat(error.details()).contains("nest at most"));
    }
}
