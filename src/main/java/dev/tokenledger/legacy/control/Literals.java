package dev.tokenledger.legacy.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * The literals of legacy SQL, moved into bind parameters typed as PostgreSQL types the literal
 * itself: whole numbers as integer, bigint or numeric by size, decimals as numeric (never a
 * double), quoted text left untyped so its use decides, as it did for the literal.
 */
final class Literals {

    private final Placeholders placeholders;

    Literals(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /**
     * Digits a numeric literal may have when written out in full. Far beyond any cost or count, and
     * what the answer's JSON can carry: a parameter is written as a plain number, so {@code
     * 1e999999} would be a million digits (and beyond PostgreSQL's numeric, whose driver would wrap
     * its exponent).
     */
    static final int MAX_NUMBER_DIGITS = 1000;

    String integer(BigInteger value) {
        if (value.abs().toString().length() > MAX_NUMBER_DIGITS) {
            throw tooLong(value.toString());
        }
        if (value.bitLength() < 32) {
            return placeholders.add(value.intValue(), "integer");
        }
        if (value.bitLength() < 64) {
            return placeholders.add(value.longValue(), "bigint");
        }
        return placeholders.add(new BigDecimal(value), "numeric");
    }

    /** A literal with a point or an exponent: numeric, exact as written. */
    String decimal(String written) {
        BigDecimal value;
        try {
            value = new BigDecimal(written);
        } catch (NumberFormatException exponentBeyondInt) {
            throw tooLong(written);
        }
        long digits =
                Math.max((long) value.precision() - value.scale(), 1) + Math.max(value.scale(), 0);
        if (digits > MAX_NUMBER_DIGITS) {
            throw tooLong(written);
        }
        return placeholders.add(value, "numeric");
    }

    private static SqlRefusal tooLong(String written) {
        String shown = written.length() > 40 ? written.substring(0, 40) + "..." : written;
        return new SqlRefusal(
                "The number "
                        + shown
                        + " has more than "
                        + MAX_NUMBER_DIGITS
                        + " digits when written out; use a smaller literal.");
    }

    String interval(IntervalExpression interval) {
        String text = interval.getParameter();
        if (interval.getExpression() != null
                || text == null
                || !text.startsWith("'")
                || !text.endsWith("'")) {
            throw new SqlRefusal("Only INTERVAL '<amount> <unit>' literals are supported.");
        }
        String value = text.substring(1, text.length() - 1).replace("''", "'");
        if (interval.getIntervalType() != null) {
            value = value + " " + interval.getIntervalType();
        }
        return "cast(" + placeholders.add(value, "unknown") + " as interval)";
    }

    /** The text of a plain quoted literal, with doubled quotes undone. */
    static String string(StringValue text) {
        if (text.getPrefix() != null) {
            throw new SqlRefusal(
                    "String literals with the prefix "
                            + text.getPrefix()
                            + " are not supported; write plain '...' literals.");
        }
        return text.getValue().replace("''", "'");
    }

    static String timeKeyword(String keyword) {
        String normalized = keyword.toLowerCase(Locale.ROOT);
        if (!SqlWhitelist.TIME_KEYWORDS.contains(normalized)) {
            throw new SqlRefusal(keyword + " is not supported; use now() or current_date.");
        }
        return normalized;
    }
}
