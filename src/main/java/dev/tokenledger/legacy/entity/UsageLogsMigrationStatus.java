package dev.tokenledger.legacy.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the migration of one schema's usage_logs stands, read from the database, so it is the same
 * whichever node or command line is running it.
 *
 * @param legacyTable what the name usage_logs is now: table, view (the read-only view over
 *     request_logs), absent, or other
 * @param stepRunning whether any migration step holds the database's migration lock now
 * @param phase null until the first run: copying (a pass is running or was interrupted), copied
 *     (the last pass read every row), finished (renamed), dropped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "UsageLogsMigrationStatus")
public record UsageLogsMigrationStatus(
        String source,
        String legacyTable,
        boolean stepRunning,
        String phase,
        String timeZone,
        Integer pass,
        MigrationProgress progress,
        Long inserted,
        Long alreadyPresent,
        Long rejected,
        Long totalsFilled,
        String lastError,
        Instant verifiedAt,
        Boolean verificationPassed,
        String retiredTable,
        Instant finishedAt,
        Instant droppedAt,
        Instant updatedAt) {

    /** A legacy table no migration step has touched yet. */
    public static UsageLogsMigrationStatus untouched(
            String source, String legacyTable, boolean stepRunning) {
        return new UsageLogsMigrationStatus(
                source,
                legacyTable,
                stepRunning,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
