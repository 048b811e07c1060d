package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.Condition;
import dev.tokenledger.legacy.entity.Condition.Comparison;
import dev.tokenledger.legacy.entity.Condition.Group;
import dev.tokenledger.legacy.entity.Operator;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads PostgREST filters from query parameters: {@code column=[not.]op.value} and the logic trees
 * {@code or=(...)}, {@code and=(...)}, {@code not.or=(...)}, nested as deep as clients write them.
 * Values in trees and {@code in} lists may be double-quoted to carry the reserved characters {@code
 * , . : ( )}, with backslash escaping a quote or a backslash.
 */
public final class FilterParser {

    /** Query parameters that are not filters. */
    public static final Set<String> RESERVED =
            Set.of("select", "order", "limit", "offset", "columns", "on_conflict");

    /** Deeper trees are no report anyone writes, and would only cost stack. */
    static final int MAX_DEPTH = 16;

    private static final Set<String> IS_VALUES = Set.of("null", "true", "false", "unknown");

    private FilterParser() {}

    /** Every filter of the query, in parameter order; all of them must hold. */
    public static List<Condition> parse(Map<String, List<String>> parameters) {
        List<Condition> filters = new ArrayList<>();
        parameters.forEach(
                (key, values) -> {
                    if (!RESERVED.contains(key)) {
                        values.forEach(value -> filters.add(parseOne(key, value)));
                    }
                });
        return filters;
    }

    static Condition parseOne(String key, String value) {
        boolean negated = key.startsWith("not.");
        String bare = negated ? key.substring(4) : key;
        if (bare.equals("or") || bare.equals("and")) {
            Cursor cursor = new Cursor(value, "failed to parse logic tree (" + value + ")");
            Group group = new Group(bare.equals("or"), negated, cursor.groupBody());
            cursor.expectEnd();
            return group;
        }
        UsageLogColumn column = ColumnNames.resolve(unquote(key));
        Cursor cursor = new Cursor(value, "failed to parse filter (" + value + ")");
        Comparison comparison = cursor.comparison(column, false);
        cursor.expectEnd();
        return comparison;
    }

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1)
                : name;
    }

    /** A recursive-descent reader over one parameter value. */
    private static final class Cursor {

        private final String text;
        private final String failure;
        private int at;
        private int depth;

        Cursor(String text, String failure) {
            this.text = text;
            this.failure = failure;
        }

        /** {@code (item, item, ...)} of a logic tree. */
        List<Condition> groupBody() {
            if (++depth > MAX_DEPTH) {
                throw fail("logic trees nest at most " + MAX_DEPTH + " levels deep");
            }
            expect('(');
            List<Condition> items = new ArrayList<>();
            do {
                items.add(treeItem());
            } while (accept(','));
            expect(')');
            depth--;
            return items;
        }

        private Condition treeItem() {
            boolean negated = acceptWord("not.");
            for (String logic : List.of("or", "and")) {
                if (text.startsWith(logic + "(", at)) {
                    at += logic.length();
                    return new Group(logic.equals("or"), negated, groupBody());
                }
            }
            String name = peek() == '"' ? quoted() : until(".");
            if (negated) {
                throw fail(
                        "unexpected \"not.\" before the column "
                                + name
                                + "; negate the operator instead, as in "
                                + name
                                + ".not.eq.x");
            }
            expect('.');
            return comparison(ColumnNames.resolve(name), true);
        }

        /** {@code [not.]op.value} for a column; in a tree the value ends at , or ). */
        Comparison comparison(UsageLogColumn column, boolean inTree) {
            boolean negated = acceptWord("not.");
            String name = until(".");
            if (!accept('.')) {
                throw fail("expected an operator, a \".\" and a value, such as eq.x");
            }
            Operator operator = Operator.byWireName(name).orElseThrow(() -> unknownOperator(name));
            if (operator == Operator.IN) {
                return new Comparison(column, operator, negated, null, list());
            }
            String value = value(inTree);
            if (operator == Operator.IS && !IS_VALUES.contains(value.toLowerCase(Locale.ROOT))) {
                throw fail("unexpected \"" + value + "\" expecting null, true, false or unknown");
            }
            return new Comparison(column, operator, negated, value, null);
        }

        private List<String> list() {
            expect('(');
            List<String> values = new ArrayList<>();
            if (accept(')')) {
                return values;
            }
            do {
                values.add(peek() == '"' ? quoted() : until(",)"));
            } while (accept(','));
            expect(')');
            return values;
        }

        private String value(boolean inTree) {
            if (!inTree) {
                String rest = text.substring(at);
                at = text.length();
                return rest;
            }
            return peek() == '"' ? quoted() : until(",)");
        }

        private String quoted() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char next = text.charAt(at++);
                if (next == '\\' && at < text.length()) {
                    next = text.charAt(at++);
                }
                value.append(next);
            }
            expect('"');
            return value.toString();
        }

        private String until(String stops) {
            int start = at;
            while (at < text.length() && stops.indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(start, at);
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private boolean accept(char expected) {
            if (at < text.length() && text.charAt(at) == expected) {
                at++;
                return true;
            }
            return false;
        }

        private boolean acceptWord(String word) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return true;
            }
            return false;
        }

        private void expect(char expected) {
            if (!accept(expected)) {
                throw fail(
                        at < text.length()
                                ? "unexpected \""
                                        + text.charAt(at)
                                        + "\" expecting \""
                                        + expected
                                        + "\""
                                : "unexpected end of input expecting \"" + expected + "\"");
            }
        }

        void expectEnd() {
            if (at < text.length()) {
                throw fail("unexpected \"" + text.substring(at) + "\" after the end");
            }
        }

        private PostgrestError unknownOperator(String name) {
            if (Operator.UNSUPPORTED.contains(name)) {
                return PostgrestError.parse(
                        failure,
                        "The PostgREST operator "
                                + name
                                + " is not supported for usage_logs; use one of "
                                + Operator.names()
                                + ".");
            }
            return PostgrestError.parse(
                    failure,
                    "unexpected \""
                            + name
                            + "\" expecting \"not\" or an operator ("
                            + Operator.names()
                            + ")");
        }

        private PostgrestError fail(String details) {
            return PostgrestError.parse(failure, details);
        }
    }
}
