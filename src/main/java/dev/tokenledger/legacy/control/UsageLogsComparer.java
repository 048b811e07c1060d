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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares every legacy id with request_logs (the dry run before a run, the verification after
 * it): one query counts each {@link RowState}, a second lists the first rows of each.
 */
final class UsageLogsComparer {

    private UsageLogsComparer() {}

    static UsageLogsComparison compare(Connection connection, UsageLogsSql sql, int listLimit)
            throws SQLException {
        Map<RowState, Long> counts = new EnumMap<>(RowState.class);
        long filled = 0;
        try (PreparedStatement query = connection.prepareStatement(sql.counts());
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(state(rows.getString(1)), rows.getLong(2));
                filled += rows.getLong(3);
            }
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long migrated = counts.getOrDefault(RowState.MIGRATED, 0L);

        Samples samples = samples(connection, sql, listLimit);
        return new UsageLogsComparison(total, migrated,
                counts.getOrDefault(RowState.PENDING, 0L),
                counts.getOrDefault(RowState.REJECTED, 0L),
                counts.getOrDefault(RowState.CONFLICT, 0L), filled, migrated == total,
                samples.rejected, samples.conflicting, samples.pending, samples.filled);
    }

    private static Samples samples(Connection connection, UsageLogsSql sql, int listLimit)
            throws SQLException {
        Samples samples = new Samples();
        try (PreparedStatement query = connection.prepareStatement(sql.samples())) {
            query.setInt(1, listLimit);
            query.setInt(2, listLimit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    samples.add(rows, sql.rules(), listLimit);
                }
            }
        }
        return samples;
    }

    private static RowState state(String sqlName) {
        return RowState.valueOf(sqlName.toUpperCase(java.util.Locale.ROOT));
    }

    /** The listed rows, in id order. */
    private static final class Samples {
        final List<RejectedRow> rejected = new ArrayList<>();
        final List<ConflictingRow> conflicting = new ArrayList<>();
        final List<UUID> pending = new ArrayList<>();
        final List<UUID> filled = new ArrayList<>();

        void add(ResultSet row, List<MigrationRule> rules, int listLimit) throws SQLException {
            UUID id = row.getObject(1, UUID.class);
            RowState state = state(row.getString(2));
            if (state == RowState.REJECTED && rejected.size() < listLimit) {
                List<Reason> reasons = new ArrayList<>();
                for (Integer index : (Integer[]) row.getArray(3).getArray()) {
                    MigrationRule rule = rules.get(index);
                    reasons.add(new Reason(rule.name(), rule.legacyColumns(),
                            rule.description()));
                }
                rejected.add(new RejectedRow(id, reasons));
            } else if (state == RowState.CONFLICT && conflicting.size() < listLimit) {
                conflicting.add(new ConflictingRow(id,
                        List.of((String[]) row.getArray(4).getArray())));
            } else if (state == RowState.PENDING && pending.size() < listLimit) {
                pending.add(id);
            }
            if (row.getBoolean(5) && filled.size() < listLimit) {
                filled.add(id);
            }
        }
    }
}
