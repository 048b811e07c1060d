package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.OrderKey;
import dev.tokenledger.legacy.entity.SelectedColumn;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the {@code select}, {@code order} and {@code columns} parameters. Columns may be renamed
 * ({@code alias:column}) and double-quoted; embedding, casts and JSON paths are PostgREST features
 * usage_logs never had, and are refused.
 */
public final class SelectParser {

    private SelectParser() {}

    /** The columns to return; every column, in table order, for {@code *} or no parameter. */
    public static List<SelectedColumn> select(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return all();
        }
        List<SelectedColumn> selected = new ArrayList<>();
        for (String item :
                items(parameter, "failed to parse select parameter (" + parameter + ")")) {
            if (item.equals("*")) {
                selected.addAll(all());
                continue;
            }
            int colon = item.indexOf(':');
            if (item.contains("(")
                    || item.contains("->")
                    || item.contains("::")
                    || (colon >= 0 && item.indexOf(':', colon + 1) >= 0)) {
                throw PostgrestError.parse(
                        "failed to parse select parameter (" + parameter + ")",
                        "Only column names and alias:column renames are supported for"
                                + " usage_logs; \""
                                + item
                                + "\" is neither.");
            }
            String label = colon < 0 ? null : unquote(item.substring(0, colon));
            UsageLogColumn column = ColumnNames.resolve(unquote(item.substring(colon + 1)));
            selected.add(new SelectedColumn(label == null ? column.legacyName() : label, column));
        }
        return selected;
    }

    /** The {@code columns} parameter of an insert: which body keys to use. */
    public static List<UsageLogColumn> columns(String parameter) {
        List<UsageLogColumn> columns = new ArrayList<>();
        for (String item :
                items(parameter, "failed to parse columns parameter (" + parameter + ")")) {
            columns.add(
                    UsageLogColumn.byLegacyName(unquote(item))
                            .orElseThrow(() -> PostgrestError.missingColumn(unquote(item))));
        }
        return columns;
    }

    /** {@code column[.asc|.desc][.nullsfirst|.nullslast]}, comma-separated. */
    public static List<OrderKey> order(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        String failure = "failed to parse order (" + parameter + ")";
        List<OrderKey> keys = new ArrayList<>();
        for (String item : items(parameter, failure)) {
            String[] parts = item.split("\\.", -1);
            UsageLogColumn column = ColumnNames.resolve(unquote(parts[0]));
            boolean descending = false;
            Boolean nullsFirst = null;
            for (String modifier : Arrays.asList(parts).subList(1, parts.length)) {
                switch (modifier) {
                    case "asc" -> descending = false;
                    case "desc" -> descending = true;
                    case "nullsfirst" -> nullsFirst = true;
                    case "nullslast" -> nullsFirst = false;
                    default ->
                            throw PostgrestError.parse(
                                    failure,
                                    "unexpected \""
                                            + modifier
                                            + "\" expecting \"asc\", \"desc\", \"nullsfirst\" or"
                                            + " \"nullslast\"");
                }
            }
            keys.add(new OrderKey(column, descending, nullsFirst));
        }
        return keys;
    }

    private static List<SelectedColumn> all() {
        return Arrays.stream(UsageLogColumn.values()).map(SelectedColumn::of).toList();
    }

    private static List<String> items(String parameter, String failure) {
        List<String> items = new ArrayList<>();
        for (String raw : parameter.split(",", -1)) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw PostgrestError.parse(failure, "an empty item in the list");
            }
            items.add(item);
        }
        return items;
    }

    private static String unquote(String name) {
        String trimmed = name.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }
}
