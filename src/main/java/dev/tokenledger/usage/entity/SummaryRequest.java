package dev.tokenledger.usage.entity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** What to summarise: a range [from, to), the zone for days, the grouping, one end user. */
public record SummaryRequest(
        Optional<Instant> from,
        Optional<Instant> to,
        ZoneId zone,
        Grouping grouping,
        Optional<String> endUser) {

    public SummaryRequest forUser(String user) {
        return new SummaryRequest(from, to, zone, grouping, Optional.of(user));
    }
}
