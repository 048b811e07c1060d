package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.platform.time.IsoTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Reads a filter value as its column's type, the way PostgreSQL would read the literal: token
 * counts as whole numbers, cost as an exact decimal, created_at as a time (a bare date is midnight
 * UTC, as usage_logs stored UTC), id as a UUID. A value that does not read is the error PostgreSQL
 * would have raised.
 */
public final class ColumnValues {

    private ColumnValues() {}

    public static Object typed(UsageLogColumn column, String value) {
        String type = column.type().sqlName();
        return switch (column.type()) {
            case TEXT -> value;
            case BIGINT -> wholeNumber(value, type);
            case NUMERIC -> decimal(value, type);
            case TIMESTAMPTZ -> time(value);
            case UUID -> uuid(value, type);
        };
    }

    private static Long wholeNumber(String value, String type) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notLong) {
            if (value.trim().matches("[+-]?\\d+")) {
                throw PostgrestError.invalidValue(
                        "22003", "value \"" + value + "\" is out of range for type " + type);
            }
            throw syntax(type, value);
        }
    }

    private static BigDecimal decimal(String value, String type) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException notNumber) {
            throw syntax(type, value);
        }
    }

    private static OffsetDateTime time(String value) {
        Instant time =
                IsoTimes.dateOrDateTime(value, ZoneOffset.UTC)
                        .orElseThrow(
                                () ->
                                        PostgrestError.invalidValue(
                                                "22007",
                                                "invalid input syntax for type timestamp"
                                                        + " with time zone: \""
                                                        + value
                                                        + "\""));
        return time.atOffset(ZoneOffset.UTC);
    }

    private static UUID uuid(String value, String type) {
        String trimmed = value.trim();
        if (!trimmed.matches(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
                        + "-[0-9a-fA-F]{12}")) {
            throw syntax(type, value);
        }
        return UUID.fromString(trimmed);
    }

    private static PostgrestError syntax(String type, String value) {
        return PostgrestError.invalidValue(
                "22P02", "invalid input syntax for type " + type + ": \"" + value + "\"");
    }
}
