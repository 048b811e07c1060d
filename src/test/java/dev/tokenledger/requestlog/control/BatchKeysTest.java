package dev.tokenledger.requestlog.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.requestlog.entity.AdditionalDetails;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchKeysTest {

    @Test
    void aRepeatWithTheSameContentIsLeftToTheWriterAsADuplicate() {
        List<RequestLogRow> rows = List.of(row("a", "1"), row("b", "1"), row("a", "1.00"));

        assertThatCode(() -> BatchKeys.refuseRepeatsWithOtherContent(rows, false))
                .doesNotThrowAnyException();
    }

    @Test
    void theLedgersApiRefusesTheWholeBatchWhenAnIdRepeatsWithOtherContent() {
        List<RequestLogRow> rows = List.of(row("a", "1"), row("b", "1"), row("a", "2"));

        assertThatThrownBy(() -> BatchKeys.refuseRepeatsWithOtherContent(rows, false))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> {
                            assertThat(problem.status()).isEqualTo(422);
                            assertThat(problem.getMessage()).startsWith("/2/request_id: repeats");
                        });
    }

    @Test
    void rowsWithoutRequestIdsNeverClash() {
        List<RequestLogRow> rows = List.of(row(null, "1"), row(null, "2"));

        assertThatCode(() -> BatchKeys.refuseRepeatsWithOtherContent(rows, false))
                .doesNotThrowAnyException();
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
        byte[] fingerprint = requestId == null ? null : ContentFingerprint.of(draft);
        return new RequestLogRow(
                UUID.randomUUID(), draft, fingerprint, requestId == null ? null : "service");
    }
}
