package dev.tokenledger.ingest.boundary;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fields of LiteLLM's StandardLoggingPayload the ledger reads, for the OpenAPI document. Bodies
 * are read by {@code LiteLlmBody} and {@code LiteLlmMapper}; the README's mapping table says where
 * each field goes. Other fields are accepted and ignored.
 */
@Schema(
        name = "LiteLlmPayload",
        requiredProperties = {"model", "startTime"})
public record LiteLlmPayloadInput(
        @Schema(description = "LiteLLM's call id: the key that makes a redelivery count once.")
                String litellmCallId,
        @Schema(
                        description =
                                "The provider's response id; the key when litellm_call_id is"
                                        + " absent.")
                String id,
        String model,
        @Schema(description = "success or failure.") String status,
        @Schema(
                        nullable = true,
                        description =
                                "USD. Null, absent, or 0 for tokens used means"
                                        + " the gateway knew no price: the catalog prices the row.")
                BigDecimal responseCost,
        @Schema(description = "Whole numbers; \"300\" and 40.0 are accepted.") Long promptTokens,
        Long completionTokens,
        Long totalTokens,
        @JsonProperty("startTime") @Schema(description = "Epoch seconds; becomes created_at.")
                BigDecimal startTime,
        @JsonProperty("endTime") BigDecimal endTime,
        @Schema(
                        nullable = true,
                        description = "Falls back to" + " metadata.user_api_key_end_user_id.")
                String endUser,
        String customLlmProvider,
        String modelGroup,
        String apiBase,
        Boolean cacheHit,
        Boolean stream,
        List<String> requestTags,
        ObjectNode metadata,
        ObjectNode errorInformation,
        @Schema(
                        description =
                                "Stored only when the operator sets"
                                        + " TOKENLEDGER_INGEST_STORE_PROMPTS=true.")
                Object messages,
        @Schema(description = "Stored only when the operator stores prompts.") Object response) {}
