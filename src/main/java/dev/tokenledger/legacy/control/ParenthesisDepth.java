package dev.tokenledger.legacy.control;

/**
 * How deeply the parentheses of legacy SQL nest, counted over the text before it is parsed.
 * JSqlParser gives up on deep nesting without an exception (and takes seconds doing so), so a query
 * that nests deeper than the translator accepts is refused before the parser sees it. Parentheses
 * inside quoted text, quoted names and comments do not count.
 */
final class ParenthesisDepth {

    private ParenthesisDepth() {}

    static int of(String sql) {
        int deepest = 0;
        int depth = 0;
        int at = 0;
        while (at < sql.length()) {
            char next = sql.charAt(at);
            if (next == '\'' || next == '"') {
                at = afterQuoted(sql, at, next);
                continue;
            }
            if (sql.startsWith("--", at)) {
                int newline = sql.indexOf('\n', at);
                at = newline < 0 ? sql.length() : newline + 1;
                continue;
            }
            if (sql.startsWith("/*", at)) {
                int end = sql.indexOf("*/", at + 2);
                at = end < 0 ? sql.length() : end + 2;
                continue;
            }
            if (next == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (next == ')') {
                depth--;
            }
            at++;
        }
        return deepest;
    }

    /** The index after a quoted run; a doubled quote inside it is the quote character itself. */
    private static int afterQuoted(String sql, int start, char quote) {
        int at = start + 1;
        while (at < sql.length()) {
            if (sql.charAt(at) == quote) {
                if (at + 1 < sql.length() && sql.charAt(at + 1) == quote) {
                    at += 2;
                    continue;
                }
                return at + 1;
            }
            at++;
        }
        return at;
    }
}
