package dev.tokenledger.requestlog.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SHA-256 of a draft's content in a canonical form (keys sorted, decimals without trailing zeros),
 * so that a retry of the same request matches however its JSON was laid out, and a different
 * request reusing the same request_id does not.
 */
public final class ContentFingerprint {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContentFingerprint() {}

    public static byte[] of(RequestLogDraft draft) {
        ObjectNode content = NODES.objectNode();
        content.put("request_id", draft.requestId());
        content.put("created_at", draft.createdAt() == null ? null : draft.createdAt().toString());
        content.put("end_user", draft.endUser());
        content.put("model", draft.model());
        content.put(
                "total_cost",
                draft.totalCost() == null
                        ? null
                        : draft.totalCost().stripTrailingZeros().toPlainString());
        content.put("status", draft.status());
        content.set(
                "additional_details",
                draft.additionalDetails().read(ContentFingerprint::canonical));
        return sha256(canonical(content).toString());
    }

    /** The same canonical SHA-256 for any JSON value, e.g. a payload kept as it was sent. */
    public static byte[] ofJson(JsonNode value) {
        return sha256(canonical(value).toString());
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = NODES.objectNode();
            names.forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode items = NODES.arrayNode();
            node.forEach(item -> items.add(canonical(item)));
            return items;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return NODES.textNode("#" + value.toPlainString());
        }
        return node;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
