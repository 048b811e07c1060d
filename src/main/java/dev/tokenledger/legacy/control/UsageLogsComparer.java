package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.control.UsageLogsSql.RowState;
import dev.tokenledger.legacy.entity.MigrationRule;
import dev.tokenledger.legacy.entity.UsageLogsComparison;
import dev.tokenledger.legacy.entity.UsageLogsComparison.ConflictingRow;
import dev.tokenledger.legacy.entity.UsageLogsComparison.Reason;
import dev.tokenledger.legacy.entity.UsageLogsComparison.RejectedRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Compares every legacy id with request_logs (the dry run before a run, the verification after it)
 * in one scan: the database classifies each row, and streams only the rows worth reporting; this
 * class counts them and keeps the first of each kind by id. The caller's transaction must see one
 * snapshot (repeatable read, or a lock on the legacy table).
 */
final class UsageLogsComparer {

    /** PostgreSQL orders uuids bytewise, which is their text's order, not UUID.compareTo's. */
    private static final Comparator<UUID> DATABASE_ORDER = Comparator.comparing(UUID::toString);

    private static final int FETCH_SIZE = 10_000;

    private final List<MigrationRule> rules;
    private final int listLimit;
    private final Map<RowState, Long> counts = new EnumMap<>(RowState.class);
    private final Map<RowState, TreeMap<UUID, Object>> firstRows = new EnumMap<>(RowState.class);
    private final TreeMap<UUID, Object> firstFilled = new TreeMap<>(DATABASE_ORDER);
    private long filled;

    private UsageLogsComparer(List<MigrationRule> rules, int listLimit) {
        this.rules = rules;
        this.listLimit = listLimit;
        for (RowState state : RowState.values()) {
            counts.put(state, 0L);
            firstRows.put(state, new TreeMap<>(DATABASE_ORDER));
        }
    }

    static UsageLogsComparison compare(Connection connection, UsageLogsSql sql, int listLimit)
            throws SQLException {
        UsageLogsComparer comparer = new UsageLogsComparer(sql.rules(), listLimit);
        long total = count(connection, sql);
        try (PreparedStatement query = connection.prepareStatement(sql.notable())) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    comparer.add(rows);
                }
            }
        }
        return comparer.comparison(total);
    }

    private void add(ResultSet row) throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        RowState state = RowState.valueOf(row.getString(2).toUpperCase(Locale.ROOT));
        if (row.getBoolean(5)) {
            filled++;
            keep(firstFilled, id, id);
        }
        if (state == RowState.MIGRATED) {
            return;
        }
        counts.merge(state, 1L, Long::sum);
        Object listed =
                switch (state) {
                    case REJECTED ->
                            new RejectedRow(id, reasons((Integer[]) row.getArray(3).getArray()));
                    case CONFLICT ->
                            new ConflictingRow(id, List.of((String[]) row.getArray(4).getArray()));
                    default -> id;
                };
        keep(firstRows.get(state), id, listed);
    }

    private void keep(TreeMap<UUID, Object> first, UUID id, Object listed) {
        first.put(id, listed);
        if (first.size() > listLimit) {
            first.pollLastEntry();
        }
    }

    private List<Reason> reasons(Integer[] broken) {
        List<Reason> reasons = new ArrayList<>();
        for (Integer index : broken) {
            MigrationRule rule = rules.get(index);
            reasons.add(new Reason(rule.name(), rule.legacyColumns(), rule.description()));
        }
        return reasons;
    }

    private UsageLogsComparison comparison(long total) {
        long pending = counts.get(RowState.PENDING);
        long rejected = counts.get(RowState.REJECTED);
        long conflicts = counts.get(RowState.CONFLICT);
        long migrated = total - pending - rejected - conflicts;
        return new UsageLogsComparison(
                total,
                migrated,
                pending,
                rejected,
                conflicts,
                filled,
                migrated == total,
                listed(RowState.REJECTED, RejectedRow.class),
                listed(RowState.CONFLICT, ConflictingRow.class),
                listed(RowState.PENDING, UUID.class),
                new ArrayList<>(firstFilled.keySet()));
    }

    private <T> List<T> listed(RowState state, Class<T> type) {
        return firstRows.get(state).values().stream().map(type::cast).toList();
    }

    static long count(Connection connection, UsageLogsSql sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql.rowCount());
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
