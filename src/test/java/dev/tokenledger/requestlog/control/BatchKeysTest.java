package dev.tokenledger.requestlog.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.requestlog.entity.AdditionalDetails;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.requestlog.entity.WriteOutcome.Result;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchKeysTest {

    @Test
    void aRepeatWithTheSameContentIsADuplicateOfTheFirst() {
        RequestLogRow first = row("a", "1");
        List<RequestLogRow> rows = List.of(first, row("b", "1"), row("a", "1"));

        BatchKeys keys = BatchKeys.of(rows, false);
        List<WriteOutcome> outcomes = keys.expand(created(keys.distinctRows()));

        assertThat(keys.distinctRows()).hasSize(2);
        assertThat(outcomes)
                .extracting(WriteOutcome::result)
                .containsExactly(Result.CREATED, Result.CREATED, Result.DUPLICATE);
        assertThat(outcomes.get(2).id()).isEqualTo(first.id());
    }

    @Test
    void theLedgersApiRefusesTheWholeBatchWhenAnIdRepeatsWithOtherContent() {
        List<RequestLogRow> rows = List.of(row("a", "1"), row("a", "2"));

        assertThatThrownBy(() -> BatchKeys.of(rows, false))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> {
                            assertThat(problem.status()).isEqualTo(422);
                            assertThat(problem.getMessage()).startsWith("/1/request_id: repeats");
                        });
    }

    @Test
    void gatewaysGetTheRepeatWithOtherContentAsAConflictWithTheFirst() {
        RequestLogRow first = row("a", "1");
        List<RequestLogRow> rows = List.of(first, row("a", "2"), row("a", "1"));

        BatchKeys keys = BatchKeys.tolerant(rows);
        List<WriteOutcome> outcomes = keys.expand(created(keys.distinctRows()));

        assertThat(keys.distinctRows()).containsExactly(first);
        assertThat(outcomes)
                .extracting(WriteOutcome::result)
                .containsExactly(Result.CREATED, Result.CONFLICT, Result.DUPLICATE);
        assertThat(outcomes.get(1).id()).isEqualTo(first.id());
    }

    @Test
    void rowsWithoutRequestIdsAreNeverFolded() {
        BatchKeys keys = BatchKeys.tolerant(List.of(row(null, "1"), row(null, "1")));

        assertThat(keys.distinctRows()).hasSize(2);
    }

    private static List<WriteOutcome> created(List<RequestLogRow> rows) {
        return rows.stream()
                .map(row -> new WriteOutcome(row.id(), row.content().requestId(), Result.CREATED))
                .toList();
    }

    private static RequestLogRow row(String requestId, String cost) {
        RequestLogDraft draft =
                new RequestLogDraft(
                        requestId,
                        null,
                        "u",
                        "m",
                        new BigDecimal(cost),
                        null,
                        AdditionalDetails.empty());
        return new RequestLogRow(UUID.randomUUID(), draft, ContentFingerprint.of(draft), "service");
    }
}
