package dev.tokenledger.platform.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads ISO-8601 times as senders really write them. A time without an offset is read in the given
 * zone (UTC unless the request names one); a space may stand for the 'T', and for the '+' of an
 * offset that URL decoding turned into a space. Results are truncated to microseconds, PostgreSQL's
 * precision, so what is echoed equals what is stored.
 */
public final class IsoTimes {

    private static final Pattern SPACE_FOR_PLUS = Pattern.compile("(.{19,}) (\\d\\d(:?\\d\\d)?)$");
    private static final Pattern HOURS_ONLY_OFFSET = Pattern.compile("(.{19,}[+-]\\d\\d)$");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("(.{19,}[+-]\\d\\d)(\\d\\d)$");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** PostgreSQL's timestamptz ends in year 294276; times outside years 1 to 9999 are typos. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private IsoTimes() {}

    /** A date and time; empty when the text is not one. */
    public static Optional<Instant> dateTime(String text, ZoneId zone) {
        return parse(normalize(text), zone).filter(IsoTimes::inRange).map(IsoTimes::micros);
    }

    private static Optional<Instant> parse(String normalized, ZoneId zone) {
        try {
            return Optional.of(OffsetDateTime.parse(normalized).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(normalized).atZone(zone).toInstant());
            } catch (DateTimeException notATime) {
                return Optional.empty();
            }
        }
    }

    /** A date and time, or a bare date meaning the start of that day in the zone. */
    public static Optional<Instant> dateOrDateTime(String text, ZoneId zone) {
        String trimmed = text.trim();
        if (DATE_ONLY.matcher(trimmed).matches()) {
            try {
                return Optional.of(LocalDate.parse(trimmed).atStartOfDay(zone).toInstant())
                        .filter(IsoTimes::inRange);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        return dateTime(trimmed, zone);
    }

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String normalize(String text) {
        String value = text.trim();
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11);
        }
        value = SPACE_FOR_PLUS.matcher(value).replaceFirst("$1+$2");
        value = HOURS_ONLY_OFFSET.matcher(value).replaceFirst("$1:00");
        value = COMPACT_OFFSET.matcher(value).replaceFirst("$1:$2");
        return value.endsWith("z") ? value.substring(0, value.length() - 1) + 'Z' : value;
    }
}
