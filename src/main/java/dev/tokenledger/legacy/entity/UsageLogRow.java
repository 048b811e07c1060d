package dev.tokenledger.legacy.entity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A request_logs row read in usage_logs shape: every legacy column with its typed value (UUID,
 * String, Long, BigDecimal or Instant), null where the row has none.
 */
public record UsageLogRow(Map<UsageLogColumn, Object> values) {

    public UsageLogRow {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public Object get(UsageLogColumn column) {
        return values.get(column);
    }
}
