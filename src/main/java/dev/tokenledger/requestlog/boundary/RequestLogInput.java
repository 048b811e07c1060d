package dev.tokenledger.requestlog.boundary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a request log as callers send it, for the OpenAPI document. Bodies are read and
 * validated by {@code RequestLogParser}, whose rules the descriptions state.
 */
@Schema(name = "RequestLogInput", requiredProperties = "model")
public record RequestLogInput(
        @Schema(
                        description =
                                "Your id for the request (1-255 characters). Sending the same id"
                                        + " again stores nothing and returns the stored row's id.",
                        nullable = true)
                String requestId,
        @Schema(
                        description =
                                "When the request happened, ISO-8601; without an offset it is read"
                                    + " as UTC. Defaults to the time of receipt. At most a day in"
                                    + " the future.",
                        nullable = true)
                OffsetDateTime createdAt,
        @Schema(
                        description =
                                "The user the request was made for. Authenticated users may omit it"
                                        + " or must send their own id; anonymous callers' rows are"
                                        + " marked auth_method=anon.",
                        nullable = true,
                        maxLength = 255)
                String endUser,
        @Schema(description = "The model that served the request.", maxLength = 255) String model,
        @Schema(
                        description =
                                "Cost in USD, exact: a JSON number or a numeric string, not"
                                        + " negative, at most 12 integer and 18 fractional digits.",
                        nullable = true,
                        minimum = "0")
                BigDecimal totalCost,
        @Schema(description = "For example success or failure.", nullable = true, maxLength = 32)
                String status,
        @Schema(
                        description =
                                "A JSON object. Well-known keys: session_id (string), input_tokens,"
                                    + " output_tokens, total_tokens (whole numbers >= 0; strings"
                                    + " such as \"120\" and whole floats such as 40.0 are accepted;"
                                    + " total_tokens defaults to input + output and may not be"
                                    + " less), auth_method (set by the server for users and"
                                    + " anonymous callers). Other keys are kept as sent.",
                        nullable = true)
                ObjectNode additionalDetails) {}
