package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.UsageLogColumn;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/** Resolves usage_logs column names as clients write them, refusing unknown ones. */
public final class ColumnNames {

    private static final int MAX_TYPO_DISTANCE = 2;

    private ColumnNames() {}

    /** The column, or a 42703 error naming it. */
    public static UsageLogColumn resolve(String name) {
        return UsageLogColumn.byLegacyName(name)
                .orElseThrow(() -> PostgrestError.unknownColumn(name));
    }

    /** A column whose name is a typo away from {@code name}, for error hints. */
    static Optional<String> closest(String name) {
        return Arrays.stream(UsageLogColumn.values())
                .map(UsageLogColumn::legacyName)
                .filter(candidate -> distance(candidate, name) <= MAX_TYPO_DISTANCE)
                .min(Comparator.comparingInt(candidate -> distance(candidate, name)));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] =
                        Math.min(
                                Math.min(current[j - 1] + 1, previous[j] + 1),
                                previous[j - 1] + substitution);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
