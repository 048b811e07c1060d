package dev.tokenledger.legacy.entity;

import java.util.Map;

/**
 * The legacy table as the database describes it: where it is, its columns' types (names as in
 * {@code format_type}, without modifiers) and what the migrating role may do with it.
 *
 * @param table usage_logs, or the name it was retired under
 * @param columns column name to type, in table order
 * @param uniqueId whether a unique index or primary key covers id alone
 * @param schemaUsable whether the migrating role may use the schema the table is in
 * @param readable whether the migrating role may select from it
 * @param owned whether the migrating role owns it, and so may rename and drop it
 */
public record UsageLogsSource(
        String schema,
        String table,
        Map<String, String> columns,
        boolean uniqueId,
        boolean schemaUsable,
        boolean readable,
        boolean owned) {

    public static final String TABLE = "usage_logs";

    /** schema.table, for people. */
    public String displayName() {
        return schema + "." + table;
    }

    public String typeOf(UsageLogColumn column) {
        return columns.get(column.legacyName());
    }
}
