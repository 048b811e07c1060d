package dev.tokenledger.ingest.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** LiteLLM's times: float epoch seconds, read exactly (never through a double's rounding). */
final class EpochSeconds {

    private static final int MAX_DIGITS = StorableJson.MAX_DIGITS;

    private EpochSeconds() {}

    /**
     * A finite number, or a string holding one; else null. So is a number with more than a thousand
     * digits either side of the point (such as 1e999999999): no time has them, and arithmetic on
     * them would take minutes.
     */
    static BigDecimal of(JsonNode value) {
        BigDecimal seconds = null;
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            boolean finite =
                    value.isBigDecimal()
                            || !value.isFloatingPointNumber()
                            || Double.isFinite(value.doubleValue());
            seconds = finite ? value.decimalValue() : null;
        } else if (value.isTextual() && value.textValue().strip().length() <= 64) {
            try {
                seconds = new BigDecimal(value.textValue().strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return seconds != null
                        && Math.abs(seconds.scale()) <= MAX_DIGITS
                        && seconds.precision() - seconds.scale() <= MAX_DIGITS
                ? seconds
                : null;
    }

    /** To microseconds, PostgreSQL's precision; the caller has bounded the value. */
    static Instant instant(BigDecimal seconds) {
        BigDecimal micros = seconds.setScale(6, RoundingMode.FLOOR);
        long whole = micros.setScale(0, RoundingMode.FLOOR).longValueExact();
        long nanos = micros.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValueExact();
        return Instant.ofEpochSecond(whole, nanos).truncatedTo(ChronoUnit.MICROS);
    }

    /** Whole milliseconds from start to end; null when either is unknown or they are reversed. */
    static Long millisBetween(BigDecimal start, BigDecimal end) {
        if (start == null || end == null || end.compareTo(start) < 0) {
            return null;
        }
        BigDecimal millis = end.subtract(start).movePointRight(3).setScale(0, RoundingMode.HALF_UP);
        return millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? null : millis.longValue();
    }
}
