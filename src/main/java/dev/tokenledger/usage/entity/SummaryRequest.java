package dev.tokenledger.usage.entity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What to summarise: a range [from, to), the zone for days, the grouping, how to order the groups
 * and how many to return at most, and optionally one end user.
 */
public record SummaryRequest(
        Optional<Instant> from,
        Optional<Instant> to,
        ZoneId zone,
        Grouping grouping,
        GroupOrder order,
        Optional<Integer> limit,
        Optional<String> endUser) {

    public SummaryRequest forUser(String user) {
        return new SummaryRequest(from, to, zone, grouping, order, limit, Optional.of(user));
    }
}
