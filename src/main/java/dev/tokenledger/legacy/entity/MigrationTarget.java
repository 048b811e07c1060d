package dev.tokenledger.legacy.entity;

import java.util.List;
import java.util.Optional;

/**
 * request_logs as the database describes it when a migration step starts: its columns and its check
 * constraints. Read from the catalog, so legacy rows are checked against the constraints that are
 * really there, not against a copy of them.
 *
 * @param qualifiedName the quoted, schema-qualified table name
 */
public record MigrationTarget(
        String qualifiedName, List<Column> columns, List<Constraint> constraints) {

    /** One request_logs column. */
    public record Column(String name, String type, boolean notNull, Optional<String> defaultSql) {}

    /**
     * A check constraint.
     *
     * @param check its boolean SQL expression over request_logs' columns
     * @param columns the request_logs columns it reads
     * @param comment its comment in the database, if any
     */
    public record Constraint(
            String name, String check, List<String> columns, Optional<String> comment) {}

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
