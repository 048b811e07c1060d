package dev.tokenledger.ingest.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a recomputation changed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Repricing")
public record Repricing(
        @Schema(nullable = true, description = "The one model recomputed; absent for all.")
                String model,
        @Schema(description = "Rows that got a cost from the catalog.") long priced,
        @Schema(description = "Catalog-priced rows whose price is gone; unpriced again.")
                long unpricedAgain,
        @Schema(description = "Rows still without a price (or without token counts).")
                long stillUnpriced) {}
