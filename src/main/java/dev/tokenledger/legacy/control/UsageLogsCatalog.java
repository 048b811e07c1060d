package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.MigrationTarget;
import dev.tokenledger.legacy.entity.MigrationTarget.Column;
import dev.tokenledger.legacy.entity.MigrationTarget.Constraint;
import dev.tokenledger.legacy.entity.UsageLogsMigrationException;
import dev.tokenledger.legacy.entity.UsageLogsSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the legacy table and request_logs out of PostgreSQL's catalog. */
public final class UsageLogsCatalog {

    /** 'r' is a table, 'p' a partitioned one, 'v' the read-only view of a finished migration. */
    public enum Relation {
        TABLE,
        VIEW,
        OTHER,
        ABSENT
    }

    private static final String RELATION =
            """
            select c.oid, c.relkind, has_table_privilege(c.oid, 'SELECT'),
                   pg_has_role(c.relowner, 'USAGE'), has_schema_privilege(n.oid, 'USAGE')
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = ? and c.relname = ?
            """;

    private static final String COLUMNS =
            """
            select a.attname, format_type(a.atttypid, null), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid)
            from pg_attribute a
            left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where a.attrelid = ? and a.attnum > 0 and not a.attisdropped
            order by a.attnum
            """;

    private static final String UNIQUE_ID =
            """
            select exists (
                select 1 from pg_index i
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                where i.indrelid = ? and i.indisunique and i.indnkeyatts = 1
                  and i.indpred is null and i.indexprs is null and a.attname = 'id')
            """;

    private static final String TARGET =
            """
            select c.oid, format('%I.%I', n.nspname, c.relname)
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.oid = to_regclass('request_logs')
            """;

    private static final String CHECKS =
            """
            select c.conname, pg_get_expr(c.conbin, c.conrelid),
                   obj_description(c.oid, 'pg_constraint'),
                   array(select a.attname from unnest(c.conkey) k
                         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k)
            from pg_constraint c
            where c.conrelid = ? and c.contype = 'c'
            order by c.conname
            """;

    private UsageLogsCatalog() {}

    public static Relation relation(Connection connection, String schema, String table)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(RELATION)) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? kind(row.getString(2)) : Relation.ABSENT;
            }
        }
    }

    /** The legacy table, if {@code schema.table} is a table. */
    public static Optional<UsageLogsSource> source(
            Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(RELATION)) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next() || kind(row.getString(2)) != Relation.TABLE) {
                    return Optional.empty();
                }
                long oid = row.getLong(1);
                Map<String, String> columns = new LinkedHashMap<>();
                for (Column column : columns(connection, oid)) {
                    columns.put(column.name(), column.type());
                }
                return Optional.of(
                        new UsageLogsSource(
                                schema,
                                table,
                                columns,
                                uniqueId(connection, oid),
                                row.getBoolean(5),
                                row.getBoolean(3),
                                row.getBoolean(4)));
            }
        }
    }

    private static Relation kind(String relkind) {
        return switch (relkind) {
            case "r", "p" -> Relation.TABLE;
            case "v" -> Relation.VIEW;
            default -> Relation.OTHER;
        };
    }

    /** Whether a relation of that name is on the search path. */
    static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** request_logs, which the schema migrations create when the server first starts. */
    public static MigrationTarget target(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(TARGET);
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw UsageLogsMigrationException.notFound(
                        "This database has no request_logs table; start Token Ledger against it"
                                + " once, so it creates its schema.");
            }
            long oid = row.getLong(1);
            return new MigrationTarget(
                    row.getString(2), columns(connection, oid), constraints(connection, oid));
        }
    }

    private static List<Column> columns(Connection connection, long oid) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
            query.setLong(1, oid);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(
                            new Column(
                                    rows.getString(1),
                                    rows.getString(2),
                                    rows.getBoolean(3),
                                    Optional.ofNullable(rows.getString(4))));
                }
            }
        }
        return columns;
    }

    private static boolean uniqueId(Connection connection, long oid) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(UNIQUE_ID)) {
            query.setLong(1, oid);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static List<Constraint> constraints(Connection connection, long oid)
            throws SQLException {
        List<Constraint> constraints = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(CHECKS)) {
            query.setLong(1, oid);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    constraints.add(
                            new Constraint(
                                    rows.getString(1),
                                    rows.getString(2),
                                    Arrays.asList((String[]) rows.getArray(4).getArray()),
                                    Optional.ofNullable(rows.getString(3))));
                }
            }
        }
        return constraints;
    }
}
