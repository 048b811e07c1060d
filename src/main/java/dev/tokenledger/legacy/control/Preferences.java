package dev.tokenledger.legacy.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The {@code Prefer} header(s) of a request, as PostgREST reads them: {@code return=minimal |
 * representation | headers-only}, {@code count=exact | planned | estimated} (all answered with an
 * exact count), {@code max-affected=N} and the upsert request {@code resolution=...}, which the
 * resource refuses rather than answer with a plain insert. Other preferences are ignored, as
 * PostgREST does by default.
 *
 * @param resolution the upsert mode asked for, or null
 */
public record Preferences(
        boolean representation,
        boolean count,
        OptionalLong maxAffected,
        String resolution,
        List<String> applied) {

    public static Preferences of(List<String> headers) {
        boolean representation = false;
        boolean count = false;
        OptionalLong maxAffected = OptionalLong.empty();
        String resolution = null;
        List<String> applied = new ArrayList<>();
        for (String header : headers == null ? List.<String>of() : headers) {
            for (String raw : header.split(",")) {
                String preference = raw.trim().toLowerCase(Locale.ROOT);
                switch (preference) {
                    case "return=representation" -> representation = true;
                    case "return=minimal", "return=headers-only" -> representation = false;
                    case "count=exact", "count=planned", "count=estimated" -> count = true;
                    default -> {
                        if (preference.startsWith("resolution=")) {
                            resolution = preference.substring("resolution=".length());
                        }
                        if (!preference.startsWith("max-affected=")) {
                            continue; // not applied: ignored, or refused by the resource
                        }
                        maxAffected = OptionalLong.of(maxAffected(preference));
                    }
                }
                applied.add(preference);
            }
        }
        return new Preferences(
                representation, count, maxAffected, resolution, List.copyOf(applied));
    }

    /** The Preference-Applied header, or null when nothing was applied. */
    public String appliedHeader() {
        return applied.isEmpty() ? null : String.join(", ", applied);
    }

    private static long maxAffected(String preference) {
        String value = preference.substring("max-affected=".length());
        if (value.matches("[0-9]{1,18}")) {
            return Long.parseLong(value);
        }
        throw new PostgrestError(
                400,
                "PGRST100",
                "Invalid preference max-affected=" + value,
                "max-affected takes a whole number of rows, e.g. Prefer: max-affected=10.",
                null);
    }
}
