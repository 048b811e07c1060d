package dev.tokenledger.usage.entity;

import java.util.Arrays;
import java.util.Optional;

/** How a summary's groups are ordered: by key, or biggest first by a figure. */
public enum GroupOrder {
    KEY("key", "key nulls last"),
    REQUESTS("requests", "requests desc, key nulls last"),
    TOTAL_TOKENS("total_tokens", "total_tokens desc, key nulls last"),
    TOTAL_COST("total_cost", "total_cost desc nulls last, key nulls last");

    private final String wireName;
    private final String orderBy;

    GroupOrder(String wireName, String orderBy) {
        this.wireName = wireName;
        this.orderBy = orderBy;
    }

    public String wireName() {
        return wireName;
    }

    /** The ORDER BY terms, over the summary query's output columns. */
    public String orderBy() {
        return orderBy;
    }

    public static Optional<GroupOrder> fromWire(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }
}
