package dev.tokenledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenledger.legacy.entity.UsageLogColumn;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UsageLogColumnTest {

    @Test
    void everyLegacyColumnMapsAsTheBriefFixesIt() {
        assertThat(
                        Arrays.stream(UsageLogColumn.values())
                                .map(c -> c.legacyName() + "->" + c.source() + ":" + c.target()))
                .containsExactly(
                        "id->COLUMN:id",
                        "user_id->COLUMN:end_user",
                        "session_id->DETAILS:session_id",
                        "model_name->COLUMN:model",
                        "input_tokens->DETAILS:input_tokens",
                        "output_tokens->DETAILS:output_tokens",
                        "total_tokens->DETAILS:total_tokens",
                        "cost->COLUMN:total_cost",
                        "created_at->COLUMN:created_at",
                        "auth_method->DETAILS:auth_method");
    }

    @Test
    void detailsKeysReadAsTypedExpressions() {
        assertThat(UsageLogColumn.INPUT_TOKENS.readExpression("r"))
                .isEqualTo("(r.additional_details ->> 'input_tokens')::bigint");
        assertThat(UsageLogColumn.SESSION_ID.readExpression(""))
                .isEqualTo("(additional_details ->> 'session_id')");
        assertThat(UsageLogColumn.COST.readExpression("r")).isEqualTo("r.total_cost");
    }
}
