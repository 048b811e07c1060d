package dev.tokenledger.requestlog.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a listing; pass next_cursor back as cursor for the next. */
@Schema(name = "RequestLogPage")
public record RequestLogPage(
        List<RequestLogView> items,
        @Schema(nullable = true, description = "Absent on the last page.") String nextCursor) {}
