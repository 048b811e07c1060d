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

    String integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return placeholders.add(value.intValue(), "integer");
        }
        if (value.bitLength() < 64) {
            return placeholders.add(value.longValue(), "bigint");
        }
        return placeholders.add(new BigDecimal(value), "numeric");
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
