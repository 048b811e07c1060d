package dev.tokenledger.platform.http;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.platform.text.StorableText;
import dev.tokenledger.platform.time.IsoTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads query parameters taken as strings, so that a malformed value is a 422 naming the parameter
 * rather than the 404 that JAX-RS gives for a failed conversion.
 */
public final class QueryParameters {

    public static final ZoneId UTC = ZoneId.of("UTC");

    private QueryParameters() {}

    public static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            long limit = Long.parseLong(value.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return (int) limit;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw ProblemException.invalid(
                Violation.atParameter(
                        "limit", "must be a whole number from 1 to " + maxLimit + "."));
    }

    /**
     * An IANA zone name; UTC when absent. Bare offsets (+05:00, UTC+5) are refused because
     * PostgreSQL reads them with the POSIX sign, the opposite of ISO-8601.
     */
    public static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return UTC;
        }
        String name = value.trim();
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw ProblemException.invalid(
                    Violation.atParameter(
                            "tz", "must be an IANA time zone name such as Europe/Berlin or UTC."));
        }
        return ZoneId.of(name);
    }

    /** A date-time, or a bare date meaning the start of that day in {@code zone}. */
    public static Optional<Instant> time(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(
                IsoTimes.dateOrDateTime(value, zone)
                        .orElseThrow(
                                () ->
                                        ProblemException.invalid(
                                                Violation.atParameter(
                                                        name,
                                                        "must be an ISO-8601 date (2025-05-01) or"
                                                                + " date and time"
                                                                + " (2025-05-01T10:00:00Z)."))));
    }

    /** Refuses a range whose end is not after its start. */
    public static void requireOrdered(Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            throw ProblemException.invalid(Violation.atParameter("to", "must be after from."));
        }
    }

    /** A UUID, e.g. a path's id; empty when the text is none, which the caller answers 404. */
    public static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    public static Optional<String> text(String name, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (StorableText.characters(value) > maxLength || StorableText.problem(value) != null) {
            throw ProblemException.invalid(
                    Violation.atParameter(
                            name, "must be at most " + maxLength + " characters without NUL."));
        }
        return Optional.of(value);
    }
}
