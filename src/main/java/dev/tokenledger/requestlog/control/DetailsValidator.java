package dev.tokenledger.requestlog.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.platform.text.StorableText;
import dev.tokenledger.requestlog.entity.AdditionalDetails;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates and normalises {@code additional_details}: well-known keys get their types (token
 * counts whole numbers, {@code total_tokens} at least input + output and filled in when absent),
 * JSON nulls of well-known keys are dropped, and the rest is kept as sent, provided PostgreSQL can
 * store it (no NUL characters, bounded nesting and number size).
 */
public final class DetailsValidator {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_TEXT = 255;

    /** Digits before or after the point a number may have when written out in full. */
    private static final int MAX_NUMBER_DIGITS = 64;

    private DetailsValidator() {}

    /** Returns the normalised details, or null after adding violations. */
    public static AdditionalDetails validate(
            JsonNode value, String pointer, List<Violation> violations) {
        if (JsonValues.absent(value)) {
            return AdditionalDetails.empty();
        }
        if (!value.isObject()) {
            violations.add(Violation.atPointer(pointer, "must be a JSON object."));
            return null;
        }
        int before = violations.size();
        checkStorable(value, pointer, 1, violations);
        ObjectNode details = ((ObjectNode) value).deepCopy();
        Long input = count(details, AdditionalDetails.INPUT_TOKENS, pointer, violations);
        Long output = count(details, AdditionalDetails.OUTPUT_TOKENS, pointer, violations);
        Long total = count(details, AdditionalDetails.TOTAL_TOKENS, pointer, violations);
        text(details, AdditionalDetails.SESSION_ID, pointer, violations, true);
        text(details, AdditionalDetails.AUTH_METHOD, pointer, violations, false);
        String totalProblem = tokenTotalProblem(input, output, total);
        if (totalProblem != null) {
            violations.add(
                    Violation.atPointer(
                            Pointers.child(pointer, AdditionalDetails.TOTAL_TOKENS), totalProblem));
        } else if (total == null && (input != null || output != null)) {
            details.put(AdditionalDetails.TOTAL_TOKENS, sum(input, output));
        }
        return violations.size() == before ? AdditionalDetails.of(details) : null;
    }

    /**
     * The rule tying the counts of one row together, wherever a row is written: a count that is
     * absent is none, total_tokens may not be less than input + output, and when absent it becomes
     * their sum, which must itself be a count. Null when the counts agree, else what is wrong with
     * total_tokens.
     */
    public static String tokenTotalProblem(Long input, Long output, Long total) {
        if (input == null && output == null) {
            return null;
        }
        long sum = sum(input, output);
        if (total == null) {
            return sum > JsonValues.MAX_TOKEN_COUNT
                    ? "would be input_tokens + output_tokens, which exceeds "
                            + JsonValues.MAX_TOKEN_COUNT
                            + "."
                    : null;
        }
        return total < sum ? "must be at least input_tokens + output_tokens (" + sum + ")." : null;
    }

    private static long sum(Long input, Long output) {
        return (input == null ? 0 : input) + (output == null ? 0 : output);
    }

    private static Long count(
            ObjectNode details, String key, String pointer, List<Violation> violations) {
        Long count =
                JsonValues.tokenCount(details.get(key), Pointers.child(pointer, key), violations);
        if (count == null) {
            details.remove(key);
        } else {
            details.put(key, count);
        }
        return count;
    }

    /** Session ids may arrive as numbers from some clients; they are stored as strings. */
    private static void text(
            ObjectNode details,
            String key,
            String pointer,
            List<Violation> violations,
            boolean acceptIntegers) {
        JsonNode value = details.get(key);
        if (acceptIntegers && value != null && value.isIntegralNumber()) {
            value = JsonNodeFactory.instance.textNode(value.asText());
        }
        String text = JsonValues.text(value, Pointers.child(pointer, key), MAX_TEXT, violations);
        if (text == null) {
            details.remove(key);
        } else {
            details.put(key, text);
        }
    }

    private static void checkStorable(
            JsonNode node, String pointer, int depth, List<Violation> violations) {
        if (depth > MAX_DEPTH) {
            violations.add(
                    Violation.atPointer(pointer, "nests deeper than " + MAX_DEPTH + " levels."));
            return;
        }
        if (node.isTextual() && StorableText.problem(node.textValue()) != null) {
            violations.add(Violation.atPointer(pointer, StorableText.problem(node.textValue())));
        } else if (node.isNumber() && !storableNumber(node.decimalValue())) {
            violations.add(
                    Violation.atPointer(
                            pointer,
                            "is a number with more than "
                                    + MAX_NUMBER_DIGITS
                                    + " digits before or after the point."));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = Pointers.child(pointer, field.getKey());
                String keyProblem = StorableText.problem(field.getKey());
                if (keyProblem != null) {
                    violations.add(Violation.atPointer(child, "key " + keyProblem));
                } else {
                    checkStorable(field.getValue(), child, depth + 1, violations);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStorable(node.get(i), Pointers.index(pointer, i), depth + 1, violations);
            }
        }
    }

    /** Bounded when written out in full, as PostgreSQL stores and returns it (1e300: 301). */
    private static boolean storableNumber(BigDecimal number) {
        BigDecimal plain = number.stripTrailingZeros();
        return plain.scale() <= MAX_NUMBER_DIGITS
                && plain.precision() - plain.scale() <= MAX_NUMBER_DIGITS;
    }
}
