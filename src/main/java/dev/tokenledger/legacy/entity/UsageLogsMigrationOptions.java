package dev.tokenledger.legacy.entity;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How a usage_logs migration step runs. The REST boundary reads these from query parameters and the
 * command line from options, both by the same snake_case names, so both validate alike.
 *
 * @param schema the schema holding the legacy usage_logs table
 * @param timeZone the zone that times without a zone were written in; empty means the zone the
 *     migration started with, else UTC
 * @param batchSize legacy rows per transaction
 * @param pauseMillis a pause between batches, to spare a busy database
 * @param listLimit how many rows each list of a report shows at most (counts are always whole)
 */
public record UsageLogsMigrationOptions(
        String schema, Optional<ZoneId> timeZone, int batchSize, long pauseMillis, int listLimit) {

    public static final String DEFAULT_SCHEMA = "public";
    public static final int DEFAULT_BATCH_SIZE = 5_000;
    public static final int MAX_BATCH_SIZE = 50_000;
    public static final long MAX_PAUSE_MILLIS = 60_000;
    public static final int DEFAULT_LIST_LIMIT = 100;
    public static final int MAX_LIST_LIMIT = 10_000;

    /** Lower-case unquoted identifiers only: nothing an operator would have to quote. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public static UsageLogsMigrationOptions defaults() {
        return from(name -> null);
    }

    /** Reads and checks every option; {@code values} answers null for an option not given. */
    public static UsageLogsMigrationOptions from(Function<String, String> values) {
        return new UsageLogsMigrationOptions(
                schema(values.apply("schema")),
                zone(values.apply("time_zone")),
                (int)
                        number(
                                values.apply("batch_size"),
                                "batch_size",
                                DEFAULT_BATCH_SIZE,
                                1,
                                MAX_BATCH_SIZE),
                number(values.apply("pause_ms"), "pause_ms", 0, 0, MAX_PAUSE_MILLIS),
                (int)
                        number(
                                values.apply("list_limit"),
                                "list_limit",
                                DEFAULT_LIST_LIMIT,
                                1,
                                MAX_LIST_LIMIT));
    }

    /** The zone to read times in when neither these options nor an earlier run name one. */
    public ZoneId zoneOr(Optional<String> started) {
        return timeZone.orElseGet(() -> started.map(ZoneId::of).orElse(ZoneId.of("UTC")));
    }

    private static String schema(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_SCHEMA;
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            throw UsageLogsMigrationException.invalid(
                    "schema",
                    "must be a lower-case schema"
                            + " name of letters, digits and underscores, such as public.");
        }
        return value;
    }

    private static Optional<ZoneId> zone(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!ZoneId.getAvailableZoneIds().contains(value)) {
            throw UsageLogsMigrationException.invalid(
                    "time_zone", "must be an IANA time zone name such as UTC or Europe/Berlin.");
        }
        return Optional.of(ZoneId.of(value));
    }

    private static long number(String value, String name, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the range
        }
        throw UsageLogsMigrationException.invalid(
                name, "must be a whole number from " + min + " to " + max + ".");
    }
}
