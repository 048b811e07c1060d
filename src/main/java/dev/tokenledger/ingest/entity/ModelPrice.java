package dev.tokenledger.ingest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of the price catalog: USD per token for the models a name or pattern matches, from a
 * UTC date on. The matching rules live with the table (migration V31), in the one SQL function that
 * computes costs.
 */
@Entity
@Table(name = "model_prices")
public class ModelPrice {

    @Id private UUID id;

    @Column(name = "model_pattern", nullable = false)
    private String modelPattern;

    @Column(name = "input_price", nullable = false)
    private BigDecimal inputPrice;

    @Column(name = "output_price", nullable = false)
    private BigDecimal outputPrice;

    @Column(name = "cached_input_price")
    private BigDecimal cachedInputPrice;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ModelPrice() {}

    public ModelPrice(UUID id, ModelPriceDraft draft, Instant now) {
        this.id = id;
        this.createdAt = now;
        apply(draft, now);
    }

    /** Replaces every priced field; the id and creation time stay. */
    public final void apply(ModelPriceDraft draft, Instant now) {
        modelPattern = draft.modelPattern();
        inputPrice = draft.inputPrice();
        outputPrice = draft.outputPrice();
        cachedInputPrice = draft.cachedInputPrice();
        validFrom = draft.validFrom();
        updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getModelPattern() {
        return modelPattern;
    }

    public BigDecimal getInputPrice() {
        return inputPrice;
    }

    public BigDecimal getOutputPrice() {
        return outputPrice;
    }

    public BigDecimal getCachedInputPrice() {
        return cachedInputPrice;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
