package dev.tokenledger.ingest.control;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.ingest.entity.DeliveredPayload;
import dev.tokenledger.ingest.entity.MappedPayload;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.control.DetailsValidator;
import dev.tokenledger.requestlog.control.JsonValues;
import dev.tokenledger.requestlog.control.RequestLogParser;
import dev.tokenledger.requestlog.entity.AdditionalDetails;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps one LiteLLM StandardLoggingPayload onto a request log, as the README's mapping table says,
 * or tells why it cannot: each broken rule is a violation pointing into the payload. The ledger's
 * own rules apply (token counts whole and not negative, costs exact, finite and not negative, texts
 * bounded), through the same {@link JsonValues} and {@link DetailsValidator} the ledger's API uses.
 */
public final class LiteLlmMapper {

    public static final String CACHED_INPUT_TOKENS = "cached_input_tokens";
    public static final String COST_SOURCE = "cost_source";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();

    private final boolean storePrompts;

    /**
     * @param storePrompts whether messages and responses are kept (the operator's choice)
     */
    public LiteLlmMapper(boolean storePrompts) {
        this.storePrompts = storePrompts;
    }

    public MappedPayload map(DeliveredPayload delivered) {
        JsonNode payload = delivered.json();
        if (payload == null) {
            return rejected(
                    delivered, null, List.of(Violation.atPointer("", delivered.parseError())));
        }
        if (!payload.isObject()) {
            return rejected(
                    delivered,
                    null,
                    List.of(Violation.atPointer("", "must be a LiteLLM logging payload object.")));
        }
        List<Violation> violations = new ArrayList<>();
        String requestId = requestId(payload, violations);
        RequestLogDraft draft = draft(payload, requestId, violations);

        if (!violations.isEmpty()) {
            return rejected(delivered, readableId(payload), violations);
        }
        return new MappedPayload(
                delivered,
                requestId,
                draft,
                draft.totalCost() == null,
                prompts(payload),
                List.of(),
                null);
    }

    private RequestLogDraft draft(JsonNode payload, String requestId, List<Violation> violations) {
        String model = text(payload, "/model", RequestLogParser.MAX_TEXT, violations);
        if (model == null && blank(payload.get("model"))) {
            violations.add(Violation.atPointer("/model", "is required."));
        }
        String endUser = text(payload, "/end_user", RequestLogParser.MAX_TEXT, violations);
        if (endUser == null) {
            endUser =
                    text(
                            payload,
                            "/metadata/user_api_key_end_user_id",
                            RequestLogParser.MAX_TEXT,
                            violations);
        }
        String status = text(payload, "/status", RequestLogParser.MAX_STATUS, violations);
        Instant createdAt = startTime(payload.get("startTime"), violations);
        ObjectNode details = LiteLlmContext.of(payload);
        String responseId = LiteLlmContext.clip(payload.get("id"), RequestLogParser.MAX_TEXT);
        if (responseId != null && !responseId.equals(requestId)) {
            details.put("response_id", responseId);
        }
        BigDecimal cost = usage(payload, details, violations);

        AdditionalDetails checked = DetailsValidator.validate(details, "", violations);
        return violations.isEmpty()
                ? new RequestLogDraft(requestId, createdAt, endUser, model, cost, status, checked)
                : null;
    }

    /** Tokens, session and cost into the details; returns the gateway's cost, if usable. */
    private static BigDecimal usage(
            JsonNode payload, ObjectNode details, List<Violation> violations) {
        Long input =
                JsonValues.tokenCount(payload.get("prompt_tokens"), "/prompt_tokens", violations);
        Long output =
                JsonValues.tokenCount(
                        payload.get("completion_tokens"), "/completion_tokens", violations);
        Long total =
                JsonValues.tokenCount(payload.get("total_tokens"), "/total_tokens", violations);
        if (input != null && output != null && total != null && total < input + output) {
            violations.add(
                    Violation.atPointer(
                            "/total_tokens",
                            "must be at least prompt_tokens + completion_tokens ("
                                    + (input + output)
                                    + ")."));
        }
        put(details, AdditionalDetails.INPUT_TOKENS, input);
        put(details, AdditionalDetails.OUTPUT_TOKENS, output);
        put(details, AdditionalDetails.TOTAL_TOKENS, total);
        put(details, CACHED_INPUT_TOKENS, cachedTokens(payload, input));
        session(payload, details, violations);

        BigDecimal cost =
                JsonValues.money(payload.get("response_cost"), "/response_cost", violations);
        if (cost == null || gatewayHadNoPrice(payload, cost, input, output)) {
            return null;
        }
        details.put(COST_SOURCE, "gateway");
        return cost;
    }

    /**
     * LiteLLM reports 0, or says its cost calculation failed, when it knew no price; a zero for
     * tokens actually used is therefore not a cost but a gap for the catalog to fill.
     */
    private static boolean gatewayHadNoPrice(
            JsonNode payload, BigDecimal cost, Long input, Long output) {
        boolean tokensUsed = (input != null && input > 0) || (output != null && output > 0);
        return !JsonValues.absent(payload.get("response_cost_failure_debug_info"))
                || (cost.signum() == 0 && tokensUsed);
    }

    /** From the response's usage, where providers report it; unusable values are left out. */
    private static Long cachedTokens(JsonNode payload, Long input) {
        JsonNode usage = payload.path("response").path("usage");
        JsonNode reported = usage.path("prompt_tokens_details").path("cached_tokens");
        if (JsonValues.absent(reported)) {
            reported = usage.path("cache_read_input_tokens");
        }
        Long cached = JsonValues.tokenCount(reported, "", new ArrayList<>());
        return cached != null && input != null && cached <= input ? cached : null;
    }

    private static void session(JsonNode payload, ObjectNode details, List<Violation> violations) {
        String pointer = "/metadata/requester_metadata/session_id";
        JsonNode value = payload.at(compiled(pointer));
        if (value.isIntegralNumber()) {
            value = NODES.textNode(value.asText());
        }
        String session =
                JsonValues.text(
                        blank(value) ? null : value,
                        pointer,
                        RequestLogParser.MAX_TEXT,
                        violations);
        if (session != null) {
            details.put(AdditionalDetails.SESSION_ID, session);
        }
    }

    /** litellm_call_id is LiteLLM's own id and safer than a provider's; id is the fallback. */
    private static String requestId(JsonNode payload, List<Violation> violations) {
        String callId = text(payload, "/litellm_call_id", RequestLogParser.MAX_TEXT, violations);
        String responseId = text(payload, "/id", RequestLogParser.MAX_TEXT, violations);
        if (callId == null && responseId == null && violations.isEmpty()) {
            violations.add(
                    Violation.atPointer(
                            "/litellm_call_id",
                            "is required (or id): it is"
                                    + " the key that makes a payload delivered twice count once."));
        }
        return callId != null ? callId : responseId;
    }

    private static Instant startTime(JsonNode value, List<Violation> violations) {
        String pointer = "/startTime";
        if (blank(value)) {
            violations.add(
                    Violation.atPointer(
                            pointer, "is required: the request's start in epoch seconds."));
            return null;
        }
        BigDecimal seconds = EpochSeconds.of(value);
        Instant latest = Instant.now().plus(RequestLogParser.MAX_FUTURE);
        if (seconds == null) {
            violations.add(
                    Violation.atPointer(
                            pointer,
                            "must be a finite number of epoch"
                                    + " seconds, such as 1733305200.125."));
        } else if (seconds.signum() < 0) {
            violations.add(Violation.atPointer(pointer, "must not be before 1970."));
        } else if (seconds.compareTo(BigDecimal.valueOf(latest.getEpochSecond())) > 0) {
            violations.add(
                    Violation.atPointer(
                            pointer,
                            "is more than a day in the future; check the gateway's clock, and that"
                                    + " it sends seconds, not milliseconds."));
        } else {
            return EpochSeconds.instant(seconds);
        }
        return null;
    }

    private ObjectNode prompts(JsonNode payload) {
        if (!storePrompts) {
            return null;
        }
        ObjectNode prompts = NODES.objectNode();
        for (String field : StorableJson.PROMPT_FIELDS) {
            if (!JsonValues.absent(payload.get(field))) {
                prompts.set(field, StorableJson.sanitised(payload.get(field)));
            }
        }
        List<Violation> unstorable = new ArrayList<>();
        AdditionalDetails checked = DetailsValidator.validate(prompts, "", unstorable);
        if (!unstorable.isEmpty()) {
            return NODES.objectNode()
                    .put(
                            "prompts_dropped",
                            unstorable.get(0).location() + " " + unstorable.get(0).detail());
        }
        return prompts.isEmpty() ? null : checked.toJson();
    }

    private MappedPayload rejected(
            DeliveredPayload delivered, String requestId, List<Violation> violations) {
        JsonNode kept =
                delivered.json() == null ? null : Redaction.payload(delivered.json(), storePrompts);
        return new MappedPayload(
                delivered, requestId, null, false, null, List.copyOf(violations), kept);
    }

    /** The payload's id for a dead letter, as far as it is one. */
    private static String readableId(JsonNode payload) {
        String id = LiteLlmContext.clip(payload.get("litellm_call_id"), RequestLogParser.MAX_TEXT);
        return id != null ? id : LiteLlmContext.clip(payload.get("id"), RequestLogParser.MAX_TEXT);
    }

    /** A string at the pointer; absent, null and blank alike mean none. */
    private static String text(
            JsonNode payload, String pointer, int maxLength, List<Violation> violations) {
        JsonNode value = payload.at(compiled(pointer));
        return blank(value) ? null : JsonValues.text(value, pointer, maxLength, violations);
    }

    /** The mapping's pointers are constants: each is parsed once, not once per payload. */
    private static JsonPointer compiled(String pointer) {
        return POINTERS.computeIfAbsent(pointer, JsonPointer::compile);
    }

    static boolean blank(JsonNode value) {
        return JsonValues.absent(value) || (value.isTextual() && value.textValue().isBlank());
    }

    private static void put(ObjectNode details, String key, Long count) {
        if (count != null) {
            details.put(key, count);
        }
    }
}
