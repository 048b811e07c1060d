package dev.tokenledger.usage.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a summary groups by; NONE gives the totals alone. */
public enum Grouping {
    NONE("none"),
    MODEL("model"),
    DAY("day"),
    SESSION("session"),
    END_USER("end_user");

    private final String wireName;

    Grouping(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Grouping> fromWire(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName.equals(name)).findFirst();
    }
}
