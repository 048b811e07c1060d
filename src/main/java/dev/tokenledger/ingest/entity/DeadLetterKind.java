package dev.tokenledger.ingest.entity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a payload became a dead letter. */
public enum DeadLetterKind {
    /** It broke a rule: a fractional token count, a negative cost, a missing model... */
    REJECTED,
    /** Its request id is already stored with different content. */
    CONFLICT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeadLetterKind> fromWire(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(name)).findFirst();
    }
}
