package dev.tokenledger.legacy.entity;

import java.util.List;

/**
 * What a PostgREST read asks for: the filters (all must hold), the order, and the window of rows
 * [offset, offset + limit); {@code count} asks for the total number of matching rows as well.
 */
public record UsageLogQuery(
        List<Condition> filters, List<OrderKey> order, long offset, int limit, boolean count) {

    public UsageLogQuery {
        filters = List.copyOf(filters);
        order = List.copyOf(order);
    }
}
