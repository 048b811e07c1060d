package dev.tokenledger.requestlog.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.platform.text.StorableText;
import dev.tokenledger.platform.time.IsoTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the typed values of a request log out of JSON, accepting what real senders send (token
 * counts as {@code "120"} or {@code 40.0}, costs as strings) and refusing what cannot be stored
 * exactly. Each method returns null for an absent or JSON-null value and adds a violation naming
 * the pointer for an invalid one.
 */
public final class JsonValues {

    /** Counts above this lose exactness in JavaScript clients; the database checks it too. */
    public static final long MAX_TOKEN_COUNT = 9_007_199_254_740_991L;

    public static final int MAX_COST_INTEGER_DIGITS = 12;

    /**
     * Gateways compute costs in binary floating point: 7 x 2.5e-06 is 1.7500000000000002e-05, 21
     * places. A double's shortest decimal form for any cost down to 1e-20 fits in 40, and is kept
     * exactly as sent.
     */
    public static final int MAX_COST_SCALE = 40;

    private static final Pattern WHOLE_NUMBER_TEXT = Pattern.compile("\\s*[+]?\\d+(\\.0*)?\\s*");

    private JsonValues() {}

    public static String text(
            JsonNode value, String pointer, int maxLength, List<Violation> violations) {
        if (absent(value)) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(Violation.atPointer(pointer, "must be a string."));
            return null;
        }
        String text = value.textValue();
        if (text.isBlank()) {
            violations.add(Violation.atPointer(pointer, "must not be empty."));
        } else if (StorableText.characters(text) > maxLength) {
            violations.add(
                    Violation.atPointer(
                            pointer, "must be at most " + maxLength + " characters long."));
        } else if (StorableText.problem(text) != null) {
            violations.add(Violation.atPointer(pointer, StorableText.problem(text)));
        } else {
            return text;
        }
        return null;
    }

    public static Long tokenCount(JsonNode value, String pointer, List<Violation> violations) {
        if (absent(value)) {
            return null;
        }
        if (!finite(value, pointer, violations)) {
            return null;
        }
        BigDecimal number = null;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual() && WHOLE_NUMBER_TEXT.matcher(value.textValue()).matches()) {
            number = new BigDecimal(value.textValue().trim());
        } else if (value.isTextual() && isDecimal(value.textValue())) {
            number = new BigDecimal(value.textValue().trim());
        }
        if (number == null) {
            violations.add(Violation.atPointer(pointer, "must be a whole number of tokens."));
            return null;
        }
        if (number.signum() < 0) {
            violations.add(Violation.atPointer(pointer, "must not be negative."));
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            violations.add(
                    Violation.atPointer(
                            pointer,
                            "must be a whole number of tokens, not " + shown(number) + "."));
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(MAX_TOKEN_COUNT)) > 0) {
            violations.add(
                    Violation.atPointer(pointer, "must be at most " + MAX_TOKEN_COUNT + "."));
            return null;
        }
        return number.longValueExact();
    }

    /** Written out in full when short; 1e-999999999 in full would be a billion characters. */
    private static String shown(BigDecimal number) {
        return number.scale() <= 64 ? number.toPlainString() : number.toString();
    }

    public static BigDecimal money(JsonNode value, String pointer, List<Violation> violations) {
        if (absent(value)) {
            return null;
        }
        if (!finite(value, pointer, violations)) {
            return null;
        }
        BigDecimal amount = null;
        if (value.isNumber()) {
            amount = value.decimalValue();
        } else if (value.isTextual() && isDecimal(value.textValue())) {
            amount = new BigDecimal(value.textValue().trim());
        }
        if (amount == null) {
            violations.add(Violation.atPointer(pointer, "must be a decimal number of US dollars."));
            return null;
        }
        if (amount.signum() < 0) {
            violations.add(Violation.atPointer(pointer, "must not be negative."));
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.precision() - stripped.scale() > MAX_COST_INTEGER_DIGITS
                || stripped.scale() > MAX_COST_SCALE) {
            violations.add(
                    Violation.atPointer(
                            pointer,
                            "must have at most "
                                    + MAX_COST_INTEGER_DIGITS
                                    + " digits before and "
                                    + MAX_COST_SCALE
                                    + " after the decimal point."));
            return null;
        }
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }

    /** An ISO-8601 date and time; without an offset it is taken as UTC. */
    public static Instant instant(JsonNode value, String pointer, List<Violation> violations) {
        if (absent(value)) {
            return null;
        }
        Instant parsed =
                value.isTextual()
                        ? IsoTimes.dateTime(value.textValue(), ZoneOffset.UTC).orElse(null)
                        : null;
        if (parsed == null) {
            violations.add(
                    Violation.atPointer(
                            pointer,
                            "must be an ISO-8601 date and time such as 2025-05-01T10:00:00Z."));
        }
        return parsed;
    }

    /**
     * NaN and infinities only reach here from parsers that allow them (gateways' Python JSON writes
     * them); they have no decimal value, so they are refused before any conversion.
     */
    private static boolean finite(JsonNode value, String pointer, List<Violation> violations) {
        if (value.isFloatingPointNumber()
                && !value.isBigDecimal()
                && !Double.isFinite(value.doubleValue())) {
            violations.add(
                    Violation.atPointer(
                            pointer, "must be a finite number, not " + value.asText() + "."));
            return false;
        }
        return true;
    }

    private static boolean isDecimal(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 64) {
            return false;
        }
        try {
            BigDecimal parsed = new BigDecimal(trimmed);
            return parsed.scale() > -1000 && parsed.scale() < 1000;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    public static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
