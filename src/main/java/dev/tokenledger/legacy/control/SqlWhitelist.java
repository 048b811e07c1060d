package dev.tokenledger.legacy.control;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * What legacy SQL may call: aggregates, date, text and arithmetic helpers that reports use. No
 * function that sleeps, reads settings or files, or reaches other tables is on it, so a translated
 * query can only read usage_logs rows the caller may see.
 */
final class SqlWhitelist {

    static final Set<String> FUNCTIONS =
            Set.of(
                    "count",
                    "sum",
                    "avg",
                    "min",
                    "max",
                    "date_trunc",
                    "date_part",
                    "to_char",
                    "coalesce",
                    "nullif",
                    "greatest",
                    "least",
                    "round",
                    "trunc",
                    "floor",
                    "ceil",
                    "ceiling",
                    "abs",
                    "lower",
                    "upper",
                    "length",
                    "char_length",
                    "left",
                    "right",
                    "concat",
                    "now");

    static final Set<String> CAST_TYPES =
            Set.of(
                    "int",
                    "integer",
                    "int4",
                    "int8",
                    "bigint",
                    "smallint",
                    "numeric",
                    "decimal",
                    "real",
                    "float",
                    "float8",
                    "double precision",
                    "text",
                    "varchar",
                    "date",
                    "timestamp",
                    "timestamptz",
                    "timestamp with time zone",
                    "boolean",
                    "bool",
                    "interval");

    static final Set<String> EXTRACT_FIELDS =
            Set.of(
                    "year", "quarter", "month", "week", "day", "dow", "isodow", "doy", "hour",
                    "minute", "second", "epoch");

    static final Set<String> TIME_KEYWORDS = Set.of("current_date", "current_timestamp");

    /** Words that need quoting when used as an output name. */
    static final Set<String> RESERVED =
            Set.of(
                    "all",
                    "and",
                    "any",
                    "as",
                    "asc",
                    "both",
                    "case",
                    "cast",
                    "check",
                    "column",
                    "default",
                    "desc",
                    "distinct",
                    "do",
                    "else",
                    "end",
                    "false",
                    "for",
                    "from",
                    "grant",
                    "group",
                    "having",
                    "in",
                    "into",
                    "is",
                    "limit",
                    "not",
                    "null",
                    "offset",
                    "on",
                    "only",
                    "or",
                    "order",
                    "select",
                    "table",
                    "then",
                    "to",
                    "true",
                    "union",
                    "user",
                    "using",
                    "when",
                    "where",
                    "with");

    private SqlWhitelist() {}

    static String normalizeType(String type) {
        return type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The type a CAST may name, written back plainly; anything else is refused. */
    static String castType(CastExpression cast) {
        ColDataType type = cast.getColDataType();
        String name = normalizeType(type.getDataType());
        List<String> arguments = type.getArgumentsStringList();
        boolean plainArguments =
                arguments == null
                        || arguments.stream()
                                .allMatch(argument -> argument.trim().matches("\\d{1,4}"));
        boolean array = type.getArrayData() != null && !type.getArrayData().isEmpty();
        if (!CAST_TYPES.contains(name)
                || !plainArguments
                || array
                || cast.getColumnDefinitions() != null && !cast.getColumnDefinitions().isEmpty()) {
            throw new SqlRefusal(
                    "Casting to "
                            + type
                            + " is not supported; the allowed types"
                            + " are "
                            + String.join(", ", new TreeSet<>(CAST_TYPES))
                            + ".");
        }
        return arguments == null || arguments.isEmpty()
                ? name
                : name
                        + "("
                        + String.join(", ", arguments.stream().map(String::trim).toList())
                        + ")";
    }
}
