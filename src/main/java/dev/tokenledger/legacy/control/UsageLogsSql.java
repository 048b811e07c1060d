package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.MigrationRule;
import dev.tokenledger.legacy.entity.MigrationTarget;
import dev.tokenledger.legacy.entity.MigrationTarget.Column;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.legacy.entity.UsageLogColumn.Source;
import dev.tokenledger.legacy.entity.UsageLogsSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The migration's SQL, derived from {@link UsageLogColumn} (which legacy column lands where), the
 * legacy column types (how each converts exactly) and {@link MigrationRules} (which rows
 * request_logs would refuse). Nothing here names a legacy column but the total_tokens fill rule.
 *
 * <p>Every query builds on one projection, {@link #mapped()}: each legacy row as the request_logs
 * row it becomes, plus {@value #FILLED} (whether total_tokens was filled in). On top of it, {@value
 * #BROKEN} lists the indexes into {@link #rules()} a row breaks, and the comparison with
 * request_logs sorts every legacy id into one of the {@link RowState}s. The comparison fences its
 * subqueries with OFFSET 0: inlined, the planner would build each row's details object once for
 * every rule and column that reads it, a dozen times over.
 */
public final class UsageLogsSql {

    static final String DETAILS_COLUMN = "additional_details";
    static final String FILLED = "legacy_total_filled";
    static final String BROKEN = "legacy_broken";
    static final String DIFFERS = "legacy_differs";
    static final String STATE = "legacy_state";

    /** Binary floats print their shortest exact decimal as text; numeric reads that exactly. */
    private static final Set<String> FLOATS = Set.of("double precision", "real");

    /** Where one legacy id stands against request_logs. */
    public enum RowState {
        /** Present in request_logs with equal values. */
        MIGRATED,
        /** Not yet in request_logs, and request_logs would accept it. */
        PENDING,
        /** Not in request_logs, and request_logs would refuse it. */
        REJECTED,
        /** In request_logs with different values. */
        CONFLICT
    }

    private final UsageLogsSource source;
    private final MigrationTarget target;
    private final ZoneId zone;
    private final List<MigrationRule> rules;

    public UsageLogsSql(UsageLogsSource source, MigrationTarget target, ZoneId zone) {
        this.source = source;
        this.target = target;
        this.zone = zone;
        this.rules = MigrationRules.of(target, writtenColumns());
    }

    /** The rules whose indexes {@value #BROKEN} holds. */
    public List<MigrationRule> rules() {
        return rules;
    }

    /** schema.table of the legacy rows, for people. */
    public String sourceName() {
        return source.displayName();
    }

    public ZoneId zone() {
        return zone;
    }

    public String sourceTable() {
        return quote(source.schema()) + "." + quote(source.table());
    }

    /** The request_logs columns a migrated row sets; the others keep their defaults. */
    List<String> writtenColumns() {
        List<String> written = new ArrayList<>();
        for (UsageLogColumn column : UsageLogColumn.values()) {
            if (column.source() == Source.COLUMN) {
                written.add(column.target());
            }
        }
        written.add(DETAILS_COLUMN);
        return written;
    }

    /** Every legacy row as the request_logs row it becomes. */
    String mapped() {
        String columns =
                target.columns().stream()
                        .map(column -> value(column) + " as " + quote(column.name()))
                        .collect(Collectors.joining(",\n       "));
        return "select "
                + columns
                + ",\n       "
                + filled()
                + " as "
                + FILLED
                + "\nfrom "
                + sourceTable()
                + " u";
    }

    /** {@link #mapped()} rows, each with the rules it breaks. */
    String checked(String mappedRows) {
        List<String> tests = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            tests.add("case when (" + rules.get(i).check() + ") is false then " + i + " end");
        }
        return "select m.*, array_remove(array["
                + String.join(",\n    ", tests)
                + "]::int[], null) as "
                + BROKEN
                + "\nfrom ("
                + mappedRows
                + ") m";
    }

    /**
     * Every legacy id with its {@link RowState}, the rules it breaks, the columns that differ, and
     * whether its total_tokens is filled in (never for a row request_logs refuses).
     */
    String comparison() {
        String id = UsageLogColumn.ID.target();
        return "select c."
                + id
                + ", c."
                + FILLED
                + " and cardinality(c."
                + BROKEN
                + ") = 0 as "
                + FILLED
                + ", c."
                + BROKEN
                + ", d."
                + DIFFERS
                + ",\n"
                + "       case when r."
                + id
                + " is null then case when cardinality(c."
                + BROKEN
                + ") = 0 then 'pending' else 'rejected' end\n"
                + "            when cardinality(d."
                + DIFFERS
                + ") = 0 then 'migrated'"
                + " else 'conflict' end as "
                + STATE
                + "\n"
                + "from ("
                + checked(mapped() + "\noffset 0")
                + "\noffset 0) c\n"
                + "left join "
                + target.qualifiedName()
                + " r on r."
                + id
                + " = c."
                + id
                + "\n"
                + "cross join lateral (select "
                + differences()
                + " as "
                + DIFFERS
                + ") d";
    }

    /**
     * The rows a comparison reports on: every one not migrated, and every one whose total_tokens is
     * filled in; migrated rows without a filled total are only counted.
     */
    String notable() {
        return "select "
                + UsageLogColumn.ID.target()
                + ", "
                + STATE
                + ", "
                + BROKEN
                + ", "
                + DIFFERS
                + ", "
                + FILLED
                + "\nfrom ("
                + comparison()
                + ") x\nwhere "
                + STATE
                + " <> 'migrated' or "
                + FILLED;
    }

    /**
     * Copies the next batch: the legacy rows after the bound id (or from the first, when {@code
     * first}) up to the bound count, in id order, skipping rows that break a rule or are already
     * present. Answers one row: rows read, rejected, inserted, inserted with total_tokens filled
     * in, and the last id read.
     */
    String batch(boolean first) {
        String id = UsageLogColumn.ID.target();
        String legacyId = "u." + quote(UsageLogColumn.ID.legacyName());
        String window =
                mapped()
                        + (first ? "" : "\nwhere " + legacyId + " > ?")
                        + "\norder by "
                        + legacyId
                        + " limit ?";
        String columns =
                String.join(", ", writtenColumns().stream().map(UsageLogsSql::quote).toList());
        return "with batch as materialized (\n"
                + checked(window)
                + "\n),\n"
                + "inserted as (\n"
                + "insert into "
                + target.qualifiedName()
                + " ("
                + columns
                + ")\n"
                + "select "
                + columns
                + " from batch where cardinality("
                + BROKEN
                + ") = 0\n"
                + "on conflict ("
                + id
                + ") do nothing\n"
                + "returning "
                + id
                + "\n)\n"
                + "select (select count(*) from batch),\n"
                + "       (select count(*) from batch where cardinality("
                + BROKEN
                + ") > 0),\n"
                + "       (select count(*) from inserted),\n"
                + "       (select count(*) from inserted i join batch b on b."
                + id
                + " = i."
                + id
                + " where b."
                + FILLED
                + "),\n"
                + "       (select "
                + id
                + " from batch order by "
                + id
                + " desc limit 1)";
    }

    /** All legacy rows, for the comparison's total and a pass's expected count. */
    String rowCount() {
        return "select count(*) from " + sourceTable();
    }

    /**
     * A read-only view in the legacy shape over request_logs. security_invoker makes PostgreSQL
     * check request_logs' row-level security as the querying role, not as the view's owner.
     */
    static String view(String schema, MigrationTarget target) {
        String columns =
                Arrays.stream(UsageLogColumn.values())
                        .map(
                                column ->
                                        column.readExpression("r")
                                                + " as "
                                                + quote(column.legacyName()))
                        .collect(Collectors.joining(",\n       "));
        return "create view "
                + quote(schema)
                + "."
                + quote(UsageLogsSource.TABLE)
                + " with (security_invoker = true) as\nselect "
                + columns
                + "\nfrom "
                + target.qualifiedName()
                + " r";
    }

    private String value(Column column) {
        if (column.name().equals(DETAILS_COLUMN)) {
            return details();
        }
        Optional<UsageLogColumn> mapped =
                Arrays.stream(UsageLogColumn.values())
                        .filter(
                                c ->
                                        c.source() == Source.COLUMN
                                                && c.target().equals(column.name()))
                        .findFirst();
        return mapped.map(this::converted).orElse("null::" + column.type());
    }

    /** Keys whose legacy value is NULL are left out, never stored as JSON null. */
    private String details() {
        List<String> pairs = new ArrayList<>();
        for (UsageLogColumn column : UsageLogColumn.values()) {
            if (column.source() == Source.DETAILS) {
                pairs.add(literal(column.target()) + ", " + detailValue(column));
            }
        }
        return "jsonb_strip_nulls(jsonb_build_object(" + String.join(", ", pairs) + "))";
    }

    /** A missing total is input + output, but only when both are known. */
    private String detailValue(UsageLogColumn column) {
        if (column != UsageLogColumn.TOTAL_TOKENS) {
            return converted(column);
        }
        return "coalesce("
                + converted(column)
                + ", "
                + converted(UsageLogColumn.INPUT_TOKENS)
                + " + "
                + converted(UsageLogColumn.OUTPUT_TOKENS)
                + ")";
    }

    private String filled() {
        return "("
                + legacy(UsageLogColumn.TOTAL_TOKENS)
                + " is null and "
                + legacy(UsageLogColumn.INPUT_TOKENS)
                + " is not null and "
                + legacy(UsageLogColumn.OUTPUT_TOKENS)
                + " is not null)";
    }

    /** The legacy value as the type it is stored as, exactly. */
    String converted(UsageLogColumn column) {
        String value = legacy(column);
        String type = source.typeOf(column);
        return switch (column.type()) {
            case NUMERIC -> FLOATS.contains(type) ? value + "::text::numeric" : value + "::numeric";
            case TIMESTAMPTZ ->
                    type.equals("timestamp without time zone")
                            ? "(" + value + " at time zone " + literal(zone.getId()) + ")"
                            : value;
            default -> value + "::" + column.type().sqlName();
        };
    }

    /** The names of the legacy columns whose stored value differs from the migrated one. */
    private String differences() {
        List<String> tests = new ArrayList<>();
        for (UsageLogColumn column : UsageLogColumn.values()) {
            if (column != UsageLogColumn.ID) {
                tests.add(
                        "case when "
                                + differs(column)
                                + " then "
                                + literal(column.legacyName())
                                + " end");
            }
        }
        return "array_remove(array[" + String.join(",\n    ", tests) + "]::text[], null)";
    }

    /** Costs compare as text too, so 0.0105 and 0.01050 count as different. */
    private static String differs(UsageLogColumn column) {
        if (column.source() == Source.DETAILS) {
            String key = " -> " + literal(column.target());
            return "r." + DETAILS_COLUMN + key + " is distinct from c." + DETAILS_COLUMN + key;
        }
        String stored = "r." + quote(column.target());
        String migrated = "c." + quote(column.target());
        return column.type() == UsageLogColumn.SqlType.NUMERIC
                ? stored + "::text is distinct from " + migrated + "::text"
                : stored + " is distinct from " + migrated;
    }

    private static String legacy(UsageLogColumn column) {
        return "u." + quote(column.legacyName());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
