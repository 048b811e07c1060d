package dev.tokenledger.legacy.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Prefer} header(s) of a request, as PostgREST reads them: {@code return=minimal |
 * representation | headers-only} and {@code count=exact | planned | estimated} (all answered with
 * an exact count). Unknown preferences are ignored, as PostgREST does by default.
 */
public record Preferences(boolean representation, boolean count, List<String> applied) {

    public static Preferences of(List<String> headers) {
        boolean representation = false;
        boolean count = false;
        List<String> applied = new ArrayList<>();
        for (String header : headers == null ? List.<String>of() : headers) {
            for (String raw : header.split(",")) {
                String preference = raw.trim().toLowerCase(Locale.ROOT);
                switch (preference) {
                    case "return=representation" -> representation = true;
                    case "return=minimal", "return=headers-only" -> representation = false;
                    case "count=exact", "count=planned", "count=estimated" -> count = true;
                    default -> {
                        continue;
                    }
                }
                applied.add(preference);
            }
        }
        return new Preferences(representation, count, List.copyOf(applied));
    }

    /** The Preference-Applied header, or null when nothing was applied. */
    public String appliedHeader() {
        return applied.isEmpty() ? null : String.join(", ", applied);
    }
}
