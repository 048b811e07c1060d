package dev.tokenledger.legacy.control;

import java.util.Locale;

/**
 * Whether rows go back as a JSON array or, for {@code Accept: application/vnd.pgrst.object+json},
 * as the one row itself (PostgREST's singular response).
 */
public enum ResponseShape {
    ARRAY("application/json; charset=utf-8"),
    OBJECT("application/vnd.pgrst.object+json; charset=utf-8");

    private final String contentType;

    ResponseShape(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The shape the first acceptable media range asks for; 406 when none is acceptable. */
    public static ResponseShape negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return ARRAY;
        }
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case "application/vnd.pgrst.object+json", "application/vnd.pgrst.object" -> {
                    return OBJECT;
                }
                case "application/json", "application/*", "*/*" -> {
                    return ARRAY;
                }
                default -> {
                    // not one we produce; try the next
                }
            }
        }
        throw new PostgrestError(
                406,
                "PGRST107",
                "None of these media types are available: " + accept,
                null,
                "usage_logs answers application/json and" + " application/vnd.pgrst.object+json.");
    }

    /** PGRST116: a singular response needs exactly one row. */
    public static PostgrestError notSingular(long rows) {
        return new PostgrestError(
                406,
                "PGRST116",
                "JSON object requested, multiple (or no) rows returned",
                "The result contains " + rows + " rows",
                null);
    }
}
