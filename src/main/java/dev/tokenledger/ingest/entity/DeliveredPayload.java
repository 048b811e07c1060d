package dev.tokenledger.ingest.entity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One payload of a gateway delivery as it arrived, before any rule is applied.
 *
 * @param position its place among the delivery's payloads, from 0
 * @param line the line it started on, for newline-delimited deliveries; else null
 * @param json the parsed payload, or null when its line was not JSON
 * @param text the raw line when it was not JSON; else null
 * @param parseError why the line was not JSON; else null
 */
public record DeliveredPayload(
        int position, Integer line, JsonNode json, String text, String parseError) {

    public static DeliveredPayload parsed(int position, Integer line, JsonNode json) {
        return new DeliveredPayload(position, line, json, null, null);
    }

    public static DeliveredPayload unparseable(int position, int line, String text, String error) {
        return new DeliveredPayload(position, line, null, text, error);
    }
}
