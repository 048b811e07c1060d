package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.legacy.entity.UsageLogColumn.SqlType;
import dev.tokenledger.legacy.entity.UsageLogsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a legacy table can be carried over as it is: every mapped column present with a type that
 * converts exactly, no column the mapping would leave behind, ids that are unique, and the rights
 * the migrating role needs. Problems block a run; warnings block only a later step.
 */
public final class UsageLogsShape {

    /** Legacy column types each mapped type is read from without loss. */
    static final Map<SqlType, Set<String>> READABLE_TYPES =
            Map.of(
                    SqlType.UUID, Set.of("uuid"),
                    SqlType.TEXT, Set.of("text", "character varying"),
                    SqlType.BIGINT, Set.of("smallint", "integer", "bigint"),
                    SqlType.NUMERIC, Set.of("double precision", "real", "numeric"),
                    SqlType.TIMESTAMPTZ,
                            Set.of("timestamp without time zone", "timestamp with time zone"));

    private UsageLogsShape() {}

    /** What stops a run, as sentences that say what to do. */
    public static List<String> problems(UsageLogsSource source, String role) {
        List<String> problems = new ArrayList<>();
        for (UsageLogColumn column : UsageLogColumn.values()) {
            String type = source.typeOf(column);
            if (type == null) {
                problems.add(
                        source.displayName()
                                + " has no column "
                                + column.legacyName()
                                + ", which the mapping reads.");
            } else if (!READABLE_TYPES.get(column.type()).contains(type)) {
                problems.add(
                        "Column "
                                + column.legacyName()
                                + " is "
                                + type
                                + "; it can only be"
                                + " read as "
                                + column.type().sqlName()
                                + " from "
                                + String.join(
                                        ", ",
                                        READABLE_TYPES.get(column.type()).stream()
                                                .sorted()
                                                .toList())
                                + ".");
            }
        }
        for (String name : source.columns().keySet()) {
            if (UsageLogColumn.byLegacyName(name).isEmpty()) {
                problems.add(
                        "Column "
                                + name
                                + " has no place in request_logs, so its values would be lost; drop"
                                + " or rename it only once you have kept them.");
            }
        }
        if (!source.uniqueId()) {
            problems.add(
                    source.displayName()
                            + ".id has no primary key or unique index; add"
                            + " one (ALTER TABLE "
                            + source.displayName()
                            + " ADD PRIMARY KEY (id)).");
        }
        if (!source.schemaUsable()) {
            problems.add(
                    "The role "
                            + role
                            + " cannot use the schema "
                            + source.schema()
                            + "; GRANT USAGE ON SCHEMA "
                            + source.schema()
                            + " TO "
                            + role
                            + ".");
        }
        if (!source.readable()) {
            problems.add(
                    "The role "
                            + role
                            + " cannot read "
                            + source.displayName()
                            + "; GRANT"
                            + " SELECT ON "
                            + source.displayName()
                            + " TO "
                            + role
                            + ".");
        }
        return problems;
    }

    /** What will stop the rename and the drop unless fixed first. */
    public static List<String> warnings(UsageLogsSource source, String role) {
        if (source.owned()) {
            return List.of();
        }
        return List.of(
                "The role "
                        + role
                        + " does not own "
                        + source.displayName()
                        + ", so it"
                        + " cannot rename or drop it when the migration is verified; ALTER TABLE "
                        + source.displayName()
                        + " OWNER TO "
                        + role
                        + " before finishing.");
    }
}
