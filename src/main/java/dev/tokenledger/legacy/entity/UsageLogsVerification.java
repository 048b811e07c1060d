package dev.tokenledger.legacy.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The per-key check: every legacy id present in request_logs with equal values in every mapped
 * column. It passes only when the comparison is complete.
 */
@Schema(name = "UsageLogsVerification")
public record UsageLogsVerification(
        String source,
        String timeZone,
        boolean passed,
        Instant verifiedAt,
        double seconds,
        UsageLogsComparison comparison) {}
