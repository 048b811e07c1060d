package dev.tokenledger.legacy.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.control.RequestLogParser;
import dev.tokenledger.requestlog.control.RequestLogParser.Parsed;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a POST body in usage_logs shape (one row or an array) into request-log drafts: each key is
 * moved to its request_logs place through {@link UsageLogColumn}, then the ledger's own parser
 * validates the result, so a legacy row obeys exactly the rules of a native one. Errors name the
 * legacy columns.
 */
public final class UsageLogBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private UsageLogBodies() {}

    /**
     * @param columns the {@code columns} parameter: only these keys are read, when present
     */
    public static Parsed drafts(JsonNode body, Optional<List<UsageLogColumn>> columns) {
        JsonNode translated;
        if (body.isArray()) {
            ArrayNode rows = NODES.arrayNode();
            body.forEach(row -> rows.add(translate(row, columns)));
            translated = rows;
        } else {
            translated = translate(body, columns);
        }
        try {
            return RequestLogParser.parse(translated);
        } catch (ProblemException refused) {
            throw legacy(refused);
        }
    }

    private static JsonNode translate(JsonNode row, Optional<List<UsageLogColumn>> columns) {
        if (!row.isObject()) {
            throw new PostgrestError(
                    400, "PGRST102", "Each usage_logs row must be a JSON object.", null, null);
        }
        ObjectNode translated = NODES.objectNode();
        ObjectNode details = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            UsageLogColumn column =
                    UsageLogColumn.byLegacyName(field.getKey())
                            .orElseThrow(() -> PostgrestError.missingColumn(field.getKey()));
            if (columns.isPresent() && !columns.get().contains(column)) {
                continue;
            }
            if (column == UsageLogColumn.ID) {
                throw new PostgrestError(
                        400,
                        "428C9",
                        "cannot insert a non-DEFAULT value into" + " column \"id\"",
                        "The server assigns every row's id.",
                        "Leave id out of the row.");
            }
            ObjectNode target =
                    column.source() == UsageLogColumn.Source.COLUMN ? translated : details;
            target.set(column.target(), field.getValue());
        }
        if (!details.isEmpty()) {
            translated.set("additional_details", details);
        }
        return translated;
    }

    /** The parser's refusal, with its pointers and wording in usage_logs terms. */
    private static PostgrestError legacy(ProblemException refusal) {
        List<Violation> violations = refusal.violations();
        if (violations.isEmpty()) {
            return new PostgrestError(
                    refusal.status() == 413 ? 413 : 400,
                    "PGRST102",
                    refusal.getMessage(),
                    null,
                    null);
        }
        List<String> sentences =
                violations.stream()
                        .map(v -> legacyPointer(v.location()) + ": " + v.detail())
                        .toList();
        boolean missing = violations.get(0).detail().equals("is required.");
        String code = missing ? "23502" : "23514";
        String details =
                sentences.size() > 1 ? sentences.stream().collect(Collectors.joining("; ")) : null;
        return new PostgrestError(400, code, sentences.get(0), details, null);
    }

    /** {@code /0/additional_details/input_tokens} becomes {@code /0/input_tokens}. */
    static String legacyPointer(String pointer) {
        String result = pointer.replace("/additional_details/", "/");
        for (UsageLogColumn column : UsageLogColumn.values()) {
            if (column.source() == UsageLogColumn.Source.COLUMN) {
                result = result.replaceAll("/" + column.target() + "$", "/" + column.legacyName());
            }
        }
        return result;
    }
}
