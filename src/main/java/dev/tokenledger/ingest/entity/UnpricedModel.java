package dev.tokenledger.ingest.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A model with gateway rows that no price covered yet. */
@Schema(name = "UnpricedModel")
public record UnpricedModel(
        String model,
        @Schema(description = "Rows of this model whose cost is still unknown.") long requests,
        @Schema(description = "UTC, ISO-8601: the earliest such row's created_at.")
                Instant firstSeen,
        @Schema(description = "UTC, ISO-8601: the latest such row's created_at.")
                Instant lastSeen) {}
