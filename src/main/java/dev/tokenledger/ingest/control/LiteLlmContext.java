package dev.tokenledger.ingest.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * The context of a LiteLLM payload worth keeping beside its request log: provider, routing, timing,
 * cache, tags, the key and team that paid, and for failures the error. Context never refuses a
 * payload: a value of the wrong type is left out, a long text is shortened, a URL loses what may
 * carry a credential. Nothing else is copied: not the key hash, not the caller's IP address, not
 * parameters or tracebacks.
 */
final class LiteLlmContext {

    static final String SOURCE = "litellm";
    static final int MAX_TEXT = 255;
    static final int MAX_ERROR_MESSAGE = 2000;
    static final int MAX_TAGS = 64;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LiteLlmContext() {}

    static ObjectNode of(JsonNode payload) {
        ObjectNode details = NODES.objectNode();
        details.put("source", SOURCE);
        text(details, "provider", payload.get("custom_llm_provider"), MAX_TEXT);
        text(details, "model_group", payload.get("model_group"), MAX_TEXT);
        text(details, "model_id", payload.get("model_id"), MAX_TEXT);
        apiBase(details, payload.get("api_base"));
        text(details, "call_type", payload.get("call_type"), MAX_TEXT);
        text(details, "trace_id", payload.get("trace_id"), MAX_TEXT);
        flag(details, "stream", payload.get("stream"));
        flag(details, "cache_hit", payload.get("cache_hit"));
        tags(details, payload.get("request_tags"));
        JsonNode metadata = payload.path("metadata");
        text(details, "key_alias", metadata.get("user_api_key_alias"), MAX_TEXT);
        text(details, "key_user_id", metadata.get("user_api_key_user_id"), MAX_TEXT);
        text(details, "team_id", metadata.get("user_api_key_team_id"), MAX_TEXT);
        text(details, "team_alias", metadata.get("user_api_key_team_alias"), MAX_TEXT);
        timings(details, payload);
        error(details, payload);
        return details;
    }

    private static void timings(ObjectNode details, JsonNode payload) {
        BigDecimal start = EpochSeconds.of(payload.get("startTime"));
        Long duration = EpochSeconds.millisBetween(start, EpochSeconds.of(payload.get("endTime")));
        if (duration != null) {
            details.put("duration_ms", duration);
        }
        // For calls that are not streamed LiteLLM reports the end as the first token.
        if (payload.path("stream").asBoolean(false)) {
            Long firstToken =
                    EpochSeconds.millisBetween(
                            start, EpochSeconds.of(payload.get("completionStartTime")));
            if (firstToken != null) {
                details.put("time_to_first_token_ms", firstToken);
            }
        }
    }

    private static void error(ObjectNode details, JsonNode payload) {
        JsonNode information = payload.path("error_information");
        text(details, "error_class", information.get("error_class"), MAX_TEXT);
        text(details, "error_code", information.get("error_code"), MAX_TEXT);
        text(details, "error_message", information.get("error_message"), MAX_ERROR_MESSAGE);
        if (!details.has("error_message")) {
            text(details, "error_message", payload.get("error_str"), MAX_ERROR_MESSAGE);
        }
    }

    /** Scheme, host, port and path only: a query or user part may carry a credential. */
    private static void apiBase(ObjectNode details, JsonNode value) {
        String base = clip(value, MAX_TEXT * 4);
        if (base != null) {
            text(details, "api_base", NODES.textNode(Redaction.url(base)), MAX_TEXT);
        }
    }

    private static void tags(ObjectNode details, JsonNode value) {
        if (value == null || !value.isArray() || value.isEmpty()) {
            return;
        }
        ArrayNode tags = details.putArray("request_tags");
        for (JsonNode tag : value) {
            String text = clip(tag, MAX_TEXT);
            if (text != null && tags.size() < MAX_TAGS) {
                tags.add(text);
            }
        }
    }

    private static void flag(ObjectNode details, String key, JsonNode value) {
        if (value != null && value.isBoolean()) {
            details.put(key, value.booleanValue());
        }
    }

    static void text(ObjectNode details, String key, JsonNode value, int maxLength) {
        String text = clip(value, maxLength);
        if (text != null) {
            details.put(key, text);
        }
    }

    /**
     * A string (or a number, as error codes sometimes are) without NUL, at most maxLength, any URL
     * in it reduced to scheme, host, port and path (error messages quote URLs).
     */
    static String clip(JsonNode value, int maxLength) {
        if (value == null || !(value.isTextual() || value.isNumber())) {
            return null;
        }
        String text = Redaction.text(StorableJson.text(value.asText())).strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() <= maxLength) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end);
    }
}
