package dev.tokenledger.ingest.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A price as an admin sends it, for the OpenAPI document; {@code ModelPriceParser} reads it. */
@Schema(
        name = "ModelPriceInput",
        requiredProperties = {"model_pattern", "input_price", "output_price", "valid_from"})
public record ModelPriceInput(
        @Schema(
                        description =
                                "A model name (gpt-4o-mini), or a pattern where * stands for any"
                                        + " characters (gpt-4o*). An exact name beats a pattern, a"
                                        + " longer pattern a shorter one.",
                        maxLength = 255)
                String modelPattern,
        @Schema(
                        description =
                                "USD per input token: a JSON number or a numeric string, not"
                                        + " negative, at most 18 decimals.",
                        minimum = "0")
                BigDecimal inputPrice,
        @Schema(description = "USD per output token.", minimum = "0") BigDecimal outputPrice,
        @Schema(
                        nullable = true,
                        description =
                                "USD per cached input token; absent or null"
                                        + " means the input price.",
                        minimum = "0")
                BigDecimal cachedInputPrice,
        @Schema(description = "The first UTC day the price applies to, e.g. 2025-01-01.")
                LocalDate validFrom) {}
