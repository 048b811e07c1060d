package dev.tokenledger.legacy.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a run did. Counts cover the whole pass, including rows an interrupted process copied before
 * this one resumed it.
 *
 * @param completed false when the run was stopped before reading every row; running again resumes
 *     after the last committed batch
 * @param resumedAfter rows of the pass already read when this process took it over
 * @param alreadyPresent rows skipped because their id was already in request_logs
 * @param copySeconds time this process spent copying
 * @param verification the per-key check after the pass; null when not completed
 */
@Schema(name = "UsageLogsRunReport")
public record UsageLogsRunReport(
        String source,
        String timeZone,
        int pass,
        boolean completed,
        long resumedAfter,
        long rowsRead,
        long inserted,
        long alreadyPresent,
        long rejected,
        long totalsFilled,
        double copySeconds,
        MigrationProgress progress,
        UsageLogsVerification verification) {}
