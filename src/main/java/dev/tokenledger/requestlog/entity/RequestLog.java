package dev.tokenledger.requestlog.entity;

import io.hypersistence.utils.hibernate.type.json.JsonType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Type;

/**
 * One LLM request as the ledger stores it. Rows are written set-wise by {@code RequestLogWriter};
 * JPA reads them. Column constraints live in the Flyway migrations.
 */
@Entity
@Table(name = "request_logs")
public class RequestLog {

    @Id private UUID id;

    @Column(name = "request_id")
    private String requestId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "end_user")
    private String endUser;

    private String model;

    @Column(name = "total_cost")
    private BigDecimal totalCost;

    private String status;

    @Type(JsonType.class)
    @Column(name = "additional_details", columnDefinition = "jsonb", nullable = false)
    private AdditionalDetails additionalDetails;

    protected RequestLog() {}

    public UUID getId() {
        return id;
    }

    public String getRequestId() {
        return requestId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getEndUser() {
        return endUser;
    }

    public String getModel() {
        return model;
    }

    public BigDecimal getTotalCost() {
        return totalCost;
    }

    public String getStatus() {
        return status;
    }

    public AdditionalDetails getAdditionalDetails() {
        return additionalDetails;
    }
}
