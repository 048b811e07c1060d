package dev.tokenledger.ingest.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tokenledger.ingest.entity.ModelPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalog entry as the API shows it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ModelPrice")
public record ModelPriceView(
        UUID id,
        @Schema(description = "A model name, or a pattern where * stands for any characters.")
                String modelPattern,
        @Schema(description = "USD per input token, exact.") BigDecimal inputPrice,
        @Schema(description = "USD per output token, exact.") BigDecimal outputPrice,
        @Schema(
                        nullable = true,
                        description =
                                "USD per cached input token; null means the" + " input price.")
                BigDecimal cachedInputPrice,
        @Schema(description = "The first UTC day the price applies to.") LocalDate validFrom,
        Instant createdAt,
        Instant updatedAt) {

    static ModelPriceView of(ModelPrice price) {
        return new ModelPriceView(
                price.getId(),
                price.getModelPattern(),
                price.getInputPrice(),
                price.getOutputPrice(),
                price.getCachedInputPrice(),
                price.getValidFrom(),
                price.getCreatedAt(),
                price.getUpdatedAt());
    }
}
