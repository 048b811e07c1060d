package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.platform.time.IsoTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a filter value as its column's type, the way PostgreSQL would read the literal: token
 * counts as whole numbers, cost as an exact decimal, created_at as a time (a bare date is midnight
 * UTC, as usage_logs stored UTC), id as a UUID. A value that does not read is the error PostgreSQL
 * would have raised.
 */
public final class ColumnValues {

    /**
     * PostgreSQL's numeric holds at most this many digits before the point; a larger literal is its
     * "value overflows numeric format". Checked here because the driver would otherwise send the
     * value with a wrapped weight, and {@code cost=gt.1e131072} would match every priced row.
     */
    static final int NUMERIC_MAX_INTEGER_DIGITS = 131_072;

    /** PostgreSQL's numeric holds at most this many digits after the point. */
    static final int NUMERIC_MAX_SCALE = 16_383;

    /** ASCII only: Java's parsers also read other scripts' digits, which PostgreSQL refuses. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    /** Possessive, so a long run of digits is read once, never backtracked over. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?+(?:[0-9]++(?:\\.[0-9]*+)?+|\\.[0-9]++)(?:[eE][+-]?+[0-9]++)?+");

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
        if (!WHOLE_NUMBER.matcher(value.trim()).matches()) {
            throw syntax(type, value);
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException beyondBigint) {
            throw PostgrestError.invalidValue(
                    "22003", "value \"" + value + "\" is out of range for type " + type);
        }
    }

    private static BigDecimal decimal(String value, String type) {
        if (!DECIMAL.matcher(value.trim()).matches()) {
            throw syntax(type, value);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.trim());
        } catch (NumberFormatException exponentBeyondInt) {
            throw overflow();
        }
        int scale = Math.max(number.scale(), 0);
        long integerDigits = number.signum() == 0 ? 0 : (long) number.precision() - number.scale();
        if (integerDigits > NUMERIC_MAX_INTEGER_DIGITS || scale > NUMERIC_MAX_SCALE) {
            throw overflow();
        }
        return number;
    }

    private static PostgrestError overflow() {
        return PostgrestError.invalidValue("22003", "value overflows numeric format");
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
