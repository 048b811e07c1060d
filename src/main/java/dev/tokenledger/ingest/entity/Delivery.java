package dev.tokenledger.ingest.entity;

import java.util.List;

/**
 * A gateway's POST split into payloads.
 *
 * @param single whether the body was one object (LiteLLM's {@code single} format), which decides
 *     how errors point into it
 */
public record Delivery(List<DeliveredPayload> payloads, boolean single) {}
