package dev.tokenledger.legacy.control;

import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rows a read returns, as PostgREST decides it: the {@code limit}/{@code offset} parameters
 * intersected with a {@code Range: first-last} header (last inclusive, optional), never more than
 * the configured maximum, so {@code limit=2147483647} costs one page. It also answers the status
 * and {@code Content-Range} of the result.
 */
public record ReadWindow(long offset, int limit) {

    private static final Pattern RANGE =
            Pattern.compile("\\s*(?:items=)?(\\d{1,18})-(\\d{0,18})\\s*");

    /** The status and Content-Range header for a result. */
    public record Answer(int status, String contentRange) {}

    public static ReadWindow of(String limit, String offset, String range, int maxRows) {
        long lower = number("offset", offset, 0);
        long upper =
                limit == null || limit.isBlank()
                        ? Long.MAX_VALUE
                        : saturatedAdd(lower, number("limit", limit, 0));
        if (range != null && !range.isBlank()) {
            Matcher bounds = RANGE.matcher(range);
            if (!bounds.matches()) {
                throw unsatisfiable(
                        "The Range header must look like 0-24 (first and last row,"
                                + " counting from 0); it was \""
                                + range
                                + "\".",
                        Map.of());
            }
            long first = Long.parseLong(bounds.group(1));
            long last =
                    bounds.group(2).isEmpty()
                            ? Long.MAX_VALUE - 1
                            : Long.parseLong(bounds.group(2));
            if (last < first) {
                throw unsatisfiable(
                        "The lower boundary must be lower than or equal to the upper"
                                + " boundary in the Range header.",
                        Map.of());
            }
            lower = Math.max(lower, first);
            upper = Math.min(upper, last + 1);
        }
        long size = Math.max(0, Math.min(upper - lower, maxRows));
        return new ReadWindow(lower, (int) size);
    }

    /**
     * 200 for everything, 206 for part of a known total, 416 for an offset past the total;
     * Content-Range {@code first-last/total}, with {@code *} for what is unknown or empty.
     */
    public Answer answer(int returned, OptionalLong total) {
        long last = offset + returned - 1;
        String range =
                returned > 0 && !(total.isPresent() && total.getAsLong() == 0)
                        ? offset + "-" + last
                        : "*";
        String contentRange = range + "/" + (total.isPresent() ? total.getAsLong() : "*");
        if (total.isEmpty()) {
            return new Answer(200, contentRange);
        }
        long all = total.getAsLong();
        if (offset > all) {
            throw unsatisfiable(
                    "An offset of "
                            + offset
                            + " was requested, but there are only "
                            + all
                            + " rows.",
                    Map.of("Content-Range", "*/" + all));
        }
        return new Answer(returned < all ? 206 : 200, contentRange);
    }

    private static long number(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw PostgrestError.parse(
                "failed to parse " + name + " parameter (" + value + ")",
                "The " + name + " must be a whole number of rows, 0 or more.");
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static PostgrestError unsatisfiable(String details, Map<String, String> headers) {
        return new PostgrestError(
                416, "PGRST103", "Requested range not satisfiable", details, null, headers);
    }
}
