package dev.tokenledger.legacy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.requestlog.control.RequestLogParser.Parsed;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageLogBodiesTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void aLegacyRowBecomesARequestLogDraftThroughTheMapping() throws Exception {
        Parsed parsed =
                UsageLogBodies.drafts(
                        json(
                                "{\"user_id\":\"user-123\",\"session_id\":"
                                    + "\"s1\",\"model_name\":\"gpt-4o\",\"input_tokens\":10,\"output_tokens\":5,"
                                    + "\"total_tokens\":15,\"cost\":0.0001,\"auth_method\":\"api_key\"}"),
                        Optional.empty());

        RequestLogDraft draft = parsed.drafts().get(0);
        assertThat(parsed.single()).isTrue();
        assertThat(draft.endUser()).isEqualTo("user-123");
        assertThat(draft.model()).isEqualTo("gpt-4o");
        assertThat(draft.totalCost()).isEqualTo(new BigDecimal("0.0001"));
        assertThat(draft.additionalDetails().count("total_tokens")).contains(15L);
        assertThat(draft.additionalDetails().text("session_id")).contains("s1");
    }

    @Test
    void theColumnsParameterLimitsWhichKeysAreRead() throws Exception {
        Parsed parsed =
                UsageLogBodies.drafts(
                        json("[{\"model_name\":\"a\",\"cost\":1}," + "{\"model_name\":\"b\"}]"),
                        Optional.of(List.of(UsageLogColumn.MODEL_NAME)));

        assertThat(parsed.single()).isFalse();
        assertThat(parsed.drafts())
                .extracting(RequestLogDraft::totalCost)
                .containsExactly(null, null);
    }

    @Test
    void refusalsNameTheLegacyColumns() {
        assertThatThrownBy(
                        () ->
                                UsageLogBodies.drafts(
                                        json(
                                                "[{\"model_name\":\"a\"},"
                                                    + "{\"model_name\":\"b\",\"input_tokens\":-5}]"),
                                        Optional.empty()))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> {
                            assertThat(error.status()).isEqualTo(400);
                            assertThat(error.getMessage())
                                    .isEqualTo("/1/input_tokens: must not be" + " negative.");
                        });
        assertThatThrownBy(() -> UsageLogBodies.drafts(json("{\"cost\":1}"), Optional.empty()))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> {
                            assertThat(error.code()).isEqualTo("23502");
                            assertThat(error.getMessage()).isEqualTo("/model_name: is required.");
                        });
    }

    @Test
    void unknownKeysAndServerOwnedIdsAreRefused() {
        assertThatThrownBy(
                        () ->
                                UsageLogBodies.drafts(
                                        json("{\"model_name\":\"a\",\"price\":1}"),
                                        Optional.empty()))
                .isInstanceOfSatisfying(
                        PostgrestError.class,
                        error -> assertThat(error.code()).isEqualTo("PGRST204"));
        assertThatThrownBy(
                        () ->
                                UsageLogBodies.drafts(
                                        json(
                                                "{\"model_name\":\"a\",\"id\":"
                                                    + "\"00000000-0000-0000-0000-000000000001\"}"),
                                        Optional.empty()))
                .isInstanceOfSatisfying(
                        PostgrestError.class, error -> assertThat(error.code()).isEqualTo("428C9"));
    }

    @Test
    void patchBodiesBecomeAssignmentsAndDetailMerges() throws Exception {
        UsageLogChanges changes =
                UsageLogChanges.of(
                        json("{\"cost\":0.5,\"session_id\":null," + "\"input_tokens\":\"12\"}"));

        assertThat(changes.assignments())
                .isEqualTo(
                        "total_cost = ?, additional_details ="
                                + " (additional_details || ?::jsonb) - ?::text[]");
        assertThat(changes.values().get(1)).isEqualTo("{\"input_tokens\":12}");
        assertThat((String[]) changes.values().get(2)).containsExactly("session_id");
        assertThatThrownBy(() -> UsageLogChanges.of(json("{\"model_name\":null}")))
                .isInstanceOfSatisfying(
                        PostgrestError.class, error -> assertThat(error.code()).isEqualTo("23502"));
    }
}
