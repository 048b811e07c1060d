package dev.tokenledger.legacy.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.legacy.entity.UsageLogRow;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.control.DetailsValidator;
import dev.tokenledger.requestlog.control.JsonValues;
import dev.tokenledger.requestlog.control.RequestLogParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The SET clause of a PATCH in usage_logs shape: request_logs columns are assigned, details keys
 * merged into additional_details (a JSON null removes the key). Values are checked with the rules
 * POST applies to them; the rows as changed are checked with POST's rule tying the token counts
 * together ({@link #requireConsistent}), in the update's transaction, so a refusal changes nothing.
 *
 * @param assignments SQL for the SET clause, empty when the body changes nothing
 * @param values the parameters of {@code assignments}, in order
 */
public record UsageLogChanges(String assignments, List<Object> values) {

    public boolean isEmpty() {
        return assignments.isEmpty();
    }

    public static UsageLogChanges of(JsonNode body) {
        if (!body.isObject()) {
            throw new PostgrestError(
                    400, "PGRST102", "A PATCH body must be one JSON object.", null, null);
        }
        List<String> assignments = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        List<String> removed = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            UsageLogColumn column =
                    UsageLogColumn.byLegacyName(field.getKey())
                            .orElseThrow(() -> PostgrestError.missingColumn(field.getKey()));
            Object value = value(column, field.getValue(), violations);
            if (column.source() == UsageLogColumn.Source.COLUMN) {
                assignments.add(column.target() + " = ?");
                values.add(value);
            } else if (value == null) {
                removed.add(column.target());
            } else {
                merged.set(column.target(), Json.mapper().valueToTree(value));
            }
        }
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw new PostgrestError(
                    400,
                    "23514",
                    first.location().substring(1) + ": " + first.detail(),
                    null,
                    null);
        }
        if (!merged.isEmpty() || !removed.isEmpty()) {
            assignments.add("additional_details = (additional_details || ?::jsonb) - ?::text[]");
            values.add(merged.toString());
            values.add(removed.toArray(String[]::new));
        }
        return new UsageLogChanges(String.join(", ", assignments), values);
    }

    private static Object value(UsageLogColumn column, JsonNode json, List<Violation> violations) {
        String pointer = "/" + column.legacyName();
        boolean isNull = json == null || json.isNull();
        return switch (column) {
            case ID ->
                    throw new PostgrestError(
                            400,
                            "428C9",
                            "column \"id\" can only be updated to DEFAULT",
                            "The server assigns ids.",
                            null);
            case MODEL_NAME, CREATED_AT -> {
                if (isNull) {
                    throw new PostgrestError(
                            400,
                            "23502",
                            "null value in column \""
                                    + column.legacyName()
                                    + "\" of relation \"usage_logs\" violates"
                                    + " not-null constraint",
                            null,
                            null);
                }
                yield column == UsageLogColumn.CREATED_AT
                        ? time(RequestLogParser.createdAt(json, pointer, violations))
                        : JsonValues.text(json, pointer, RequestLogParser.MAX_TEXT, violations);
            }
            case COST -> JsonValues.money(json, pointer, violations);
            case INPUT_TOKENS, OUTPUT_TOKENS, TOTAL_TOKENS ->
                    JsonValues.tokenCount(json, pointer, violations);
            case USER_ID, SESSION_ID, AUTH_METHOD ->
                    JsonValues.text(
                            json != null && json.isIntegralNumber()
                                    ? JsonNodeFactory.instance.textNode(json.asText())
                                    : json,
                            pointer,
                            RequestLogParser.MAX_TEXT,
                            violations);
        };
    }

    /**
     * Refuses the update when a changed row breaks the token total rule, as POST would have refused
     * the row; the caller's transaction is rolled back by the error.
     */
    public static void requireConsistent(List<UsageLogRow> changed) {
        for (UsageLogRow row : changed) {
            String problem =
                    DetailsValidator.tokenTotalProblem(
                            (Long) row.get(UsageLogColumn.INPUT_TOKENS),
                            (Long) row.get(UsageLogColumn.OUTPUT_TOKENS),
                            (Long) row.get(UsageLogColumn.TOTAL_TOKENS));
            if (problem != null) {
                throw new PostgrestError(
                        400,
                        "23514",
                        "total_tokens: " + problem,
                        "Failing row id: " + row.get(UsageLogColumn.ID) + ".",
                        "Send total_tokens with the counts it must cover.");
            }
        }
    }

    private static Object time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
