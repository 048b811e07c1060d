package dev.tokenledger.ingest.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A price as an admin sent it, validated: USD per token, exact.
 *
 * @param cachedInputPrice null when cached input tokens cost the same as other input tokens
 */
public record ModelPriceDraft(
        String modelPattern,
        BigDecimal inputPrice,
        BigDecimal outputPrice,
        BigDecimal cachedInputPrice,
        LocalDate validFrom) {}
