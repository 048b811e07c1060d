package dev.tokenledger.legacy.control;

import java.util.Locale;
import java.util.Set;

/**
 * What names mean inside one legacy query: the qualifier the query uses for usage_logs (its alias,
 * or the table name), the qualifier the translation writes, and the output names of the select
 * list, which ORDER BY and GROUP BY may refer to.
 */
record QueryScope(
        String sourceQualifier, String targetQualifier, Set<String> outputNames, int selectItems) {

    /** An identifier as PostgreSQL reads it: quoted ones as written, others lower-cased. */
    static String identifier(String raw) {
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return raw.substring(1, raw.length() - 1).replace("\"\"", "\"");
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    /** An identifier written so PostgreSQL reads it back unchanged. */
    static String quote(String name) {
        if (name.matches("[a-z_][a-z0-9_]*") && !SqlWhitelist.RESERVED.contains(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
