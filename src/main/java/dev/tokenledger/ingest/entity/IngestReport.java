package dev.tokenledger.ingest.entity;

import dev.tokenledger.ingest.entity.IngestItem.Result;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a delivery: counts per fate and one item per payload, in order. */
@Schema(name = "IngestReport")
public record IngestReport(
        @Schema(description = "Names this POST in the server log and on its dead letters.")
                UUID deliveryId,
        int received,
        int created,
        int duplicates,
        @Schema(
                        description =
                                "Request ids already stored with different content; each kept"
                                        + " as a dead letter.")
                int conflicts,
        @Schema(description = "Payloads that broke a rule; each kept as a dead letter.")
                int rejected,
        List<IngestItem> items) {

    public static IngestReport of(UUID deliveryId, List<IngestItem> items) {
        return new IngestReport(
                deliveryId,
                items.size(),
                count(items, Result.CREATED),
                count(items, Result.DUPLICATE),
                count(items, Result.CONFLICT),
                count(items, Result.REJECTED),
                items);
    }

    private static int count(List<IngestItem> items, Result result) {
        return (int) items.stream().filter(item -> item.result() == result).count();
    }
}
