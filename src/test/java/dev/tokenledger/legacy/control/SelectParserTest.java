package dev.tokenledger.legacy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenledger.legacy.entity.OrderKey;
import dev.tokenledger.legacy.entity.SelectedColumn;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectParserTest {

    @Test
    void starAndNothingMeanEveryColumnInTableOrder() {
        assertThat(SelectParser.select("*")).hasSize(UsageLogColumn.values().length);
        assertThat(SelectParser.select(null))
                .extracting(SelectedColumn::label)
                .startsWith("id", "user_id", "session_id");
    }

    @Test
    void columnsMayBeRenamedAndQuoted() {
        List<SelectedColumn> selected = SelectParser.select("model_name, spend:cost,\"id\"");

        assertThat(selected)
                .extracting(SelectedColumn::label)
                .containsExactly("model_name", "spend", "id");
        assertThat(selected.get(1).column()).isEqualTo(UsageLogColumn.COST);
    }

    @Test
    void embeddingCastsAndJsonPathsAreRefused() {
        for (String select : List.of("cost::text", "users(name)", "id,details->x", "a:b:c")) {
            assertThatThrownBy(() -> SelectParser.select(select))
                    .as(select)
                    .isInstanceOfSatisfying(
                            PostgrestError.class,
                            error -> assertThat(error.code()).isEqualTo("PGRST100"));
        }
    }

    @Test
    void orderReadsDirectionsAndNullPlacement() {
        List<OrderKey> keys = SelectParser.order("created_at.desc,cost.nullslast,id.asc");

        assertThat(keys)
                .containsExactly(
                        new OrderKey(UsageLogColumn.CREATED_AT, true, null),
                        new OrderKey(UsageLogColumn.COST, false, false),
                        new OrderKey(UsageLogColumn.ID, false, null));
    }

    @Test
    void aBadOrderModifierIsAParseErrorAndAnUnknownColumn42703() {
        assertThatThrownBy(() -> SelectParser.order("cost.sideways"))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> assertThat(error.code()).isEqualTo("PGRST100"));
        assertThatThrownBy(() -> SelectParser.order("price.desc"))
                .isInstanceOfSatisfying(
                        PostgrestError.class, error -> assertThat(error.code()).isEqualTo("42703"));
    }

    @Test
    void insertColumnsAreQuotedNamesAndUnknownOnesArePgrst204() {
        assertThat(SelectParser.columns("\"user_id\",\"cost\""))
                .containsExactly(UsageLogColumn.USER_ID, UsageLogColumn.COST);
        assertThatThrownBy(() -> SelectParser.columns("\"price\""))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> assertThat(error.code()).isEqualTo("PGRST204"));
    }
}
