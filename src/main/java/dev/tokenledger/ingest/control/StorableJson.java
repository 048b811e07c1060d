package dev.tokenledger.ingest.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Makes what a gateway sent storable as it is kept: PostgreSQL refuses NUL characters in text and
 * jsonb, and jsonb has no NaN or Infinity. NUL becomes U+FFFD; a non-finite number becomes its name
 * as a string, and so does a number with more than a thousand digits either side of the point (such
 * as 1e999999999, a short literal whose digits would take a gigabyte to write out). What of a
 * payload may be kept at all is {@link Redaction}'s rule.
 */
public final class StorableJson {

    /** The payload fields that carry what users wrote and models answered. */
    public static final Set<String> PROMPT_FIELDS = Set.of("messages", "response");

    /** Far beyond any real value; well within jsonb's range and what the JSON writer writes out. */
    static final int MAX_DIGITS = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StorableJson() {}

    public static JsonNode sanitised(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(text(field.getKey()), sanitised(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode(node.size());
            node.forEach(item -> copy.add(sanitised(item)));
            return copy;
        }
        if (node.isTextual()) {
            return NODES.textNode(text(node.textValue()));
        }
        if (node.isNumber() && !storable(node)) {
            return NODES.textNode(node.asText());
        }
        return node.deepCopy();
    }

    private static boolean storable(JsonNode number) {
        if (number.isFloatingPointNumber() && !number.isBigDecimal()) {
            return Double.isFinite(number.doubleValue());
        }
        BigDecimal value = number.decimalValue();
        return Math.abs(value.scale()) <= MAX_DIGITS
                && value.precision() - value.scale() <= MAX_DIGITS;
    }

    public static String text(String value) {
        return value == null ? null : value.replace('\0', '\uFFFD');
    }
}
