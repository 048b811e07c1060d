package dev.tokenledger.requestlog.entity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.platform.json.Json;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSONB {@code additional_details} of a request log: an immutable JSON object with content
 * equality. Hibernate compares two values with {@link #equals}, so a row that was only read is
 * never written back.
 *
 * <p>Serialises as its JSON text, re-read with the application's mapper: hypersistence-utils
 * snapshots values by Java serialization, and Jackson's own serialization of a tree re-reads
 * decimals as doubles, which would make every loaded row look changed.
 *
 * <p>Well-known keys: {@value #SESSION_ID}, {@value #INPUT_TOKENS}, {@value #OUTPUT_TOKENS},
 * {@value #TOTAL_TOKENS}, {@value #AUTH_METHOD}. Any other key is kept as the caller sent it.
 */
public final class AdditionalDetails implements Serializable {

    public static final String SESSION_ID = "session_id";
    public static final String INPUT_TOKENS = "input_tokens";
    public static final String OUTPUT_TOKENS = "output_tokens";
    public static final String TOTAL_TOKENS = "total_tokens";
    public static final String AUTH_METHOD = "auth_method";

    private static final long serialVersionUID = 1L;
    private static final AdditionalDetails EMPTY =
            new AdditionalDetails(JsonNodeFactory.instance.objectNode());

    private final ObjectNode json;

    private AdditionalDetails(ObjectNode json) {
        this.json = json;
    }

    public static AdditionalDetails empty() {
        return EMPTY;
    }

    /** Copies the object, so later changes to the argument cannot reach this value. */
    @JsonCreator
    public static AdditionalDetails of(JsonNode object) {
        if (object == null || object.isNull()) {
            return EMPTY;
        }
        if (!object.isObject()) {
            throw new IllegalArgumentException("additional_details must be a JSON object");
        }
        return new AdditionalDetails(object.deepCopy());
    }

    /** A copy of the whole object, for callers that need to walk it. */
    @JsonValue
    public ObjectNode toJson() {
        return json.deepCopy();
    }

    /**
     * Lends the object, uncopied, to a reader that must not change it: the writer and the content
     * fingerprint read every row of every batch, and a copy each time showed in their profiles.
     */
    public <T> T read(Function<JsonNode, T> reader) {
        return reader.apply(json);
    }

    public AdditionalDetails with(String key, JsonNode value) {
        return with(Collections.singletonMap(key, value));
    }

    /** Several keys set at once, for one copy of the object instead of one per key. */
    public AdditionalDetails with(Map<String, JsonNode> values) {
        if (values.isEmpty()) {
            return this;
        }
        ObjectNode copy = json.deepCopy();
        values.forEach((key, value) -> copy.set(key, value == null ? null : value.deepCopy()));
        return new AdditionalDetails(copy);
    }

    public AdditionalDetails with(String key, String value) {
        return with(key, JsonNodeFactory.instance.textNode(value));
    }

    public Optional<String> text(String key) {
        JsonNode value = json.get(key);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Token counts are stored as whole JSON numbers; the database checks that too. */
    public Optional<Long> count(String key) {
        JsonNode value = json.get(key);
        return value != null && value.isIntegralNumber()
                ? Optional.of(value.longValue())
                : Optional.empty();
    }

    public boolean has(String key) {
        return json.has(key);
    }

    private Object writeReplace() {
        return new SerializedForm(json.toString());
    }

    private void readObject(ObjectInputStream stream) throws InvalidObjectException {
        throw new InvalidObjectException("serialised through SerializedForm only");
    }

    /** The JSON text, parsed back with the application's mapper. */
    private record SerializedForm(String json) implements Serializable {

        private Object readResolve() throws ObjectStreamException {
            try {
                return AdditionalDetails.of(Json.mapper().readTree(json));
            } catch (JsonProcessingException corrupt) {
                throw new InvalidObjectException("not JSON: " + corrupt.getOriginalMessage());
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdditionalDetails details && json.equals(details.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
