package dev.tokenledger.ingest.boundary;

import dev.tokenledger.ingest.entity.DeadLetter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of dead letters, newest first; pass next_cursor back as cursor for the next. */
@Schema(name = "DeadLetterPage")
public record DeadLetterPage(
        List<DeadLetter> items,
        @Schema(nullable = true, description = "Absent on the last page.") String nextCursor) {}
