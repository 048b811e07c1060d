package dev.tokenledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The shared LiteLLM payload files (src/test/resources/litellm, copied from the project's cases),
 * and fresh payloads shaped like them for tests that need their own ids.
 */
public final class LiteLlmCases {

    public static final String ARRAY = "json_array_success.json";
    public static final String FAILURE = "failure.json";
    public static final String NDJSON = "ndjson_mixed.ndjson";

    private LiteLlmCases() {}

    public static String text(String file) {
        try (InputStream in = LiteLlmCases.class.getResourceAsStream("/litellm/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no case file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static JsonNode json(String file) {
        try {
            return Api.JSON.readTree(text(file));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * A successful call like the shared array's first payload, with a fresh call id for the given
     * end user and model; tokens 100 in, 20 out; cost as given (null for none).
     */
    public static ObjectNode payload(String endUser, String model, String cost) {
        ObjectNode payload = ((ObjectNode) ((ArrayNode) json(ARRAY)).get(0)).deepCopy();
        String callId = "call-" + UUID.randomUUID();
        payload.put("litellm_call_id", callId);
        payload.put("id", "chatcmpl-" + callId);
        payload.put("end_user", endUser);
        payload.put("model", model);
        payload.put("prompt_tokens", 100);
        payload.put("completion_tokens", 20);
        payload.put("total_tokens", 120);
        if (cost == null) {
            payload.putNull("response_cost");
        } else {
            payload.put("response_cost", new BigDecimal(cost));
        }
        ((ObjectNode) payload.get("metadata")).put("user_api_key_end_user_id", endUser);
        return payload;
    }

    public static ArrayNode batch(ObjectNode... payloads) {
        ArrayNode batch = Api.JSON.createArrayNode();
        for (ObjectNode payload : payloads) {
            batch.add(payload);
        }
        return batch;
    }
}
