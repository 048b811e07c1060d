package dev.tokenledger.legacy.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A row of the usage_logs_migration table: where the migration of one schema stands. */
public record UsageLogsMigrationState(
        String sourceSchema,
        Phase phase,
        String timeZone,
        int pass,
        Instant passStartedAt,
        long rowsTotal,
        long rowsDone,
        long inserted,
        long alreadyPresent,
        long rejected,
        long totalsFilled,
        UUID lastId,
        Instant sessionStartedAt,
        long sessionRowsStart,
        Instant copiedAt,
        Instant updatedAt,
        String lastError,
        Instant verifiedAt,
        Boolean verificationPassed,
        String retiredTable,
        Instant finishedAt,
        Instant droppedAt) {

    /** See the phase column's comment in the V20 migration. */
    public enum Phase {
        COPYING,
        COPIED,
        FINISHED,
        DROPPED;

        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Phase of(String sqlName) {
            return valueOf(sqlName.toUpperCase(Locale.ROOT));
        }
    }

    /** The pass's progress, at the pace of the process that last took it over. */
    public MigrationProgress progress() {
        return MigrationProgress.of(
                rowsDone,
                rowsTotal,
                rowsDone - sessionRowsStart,
                Duration.between(sessionStartedAt, copiedAt));
    }
}
