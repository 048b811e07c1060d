package dev.tokenledger.legacy.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A step that retired the legacy table: renamed it after verifying (finish), or dropped the renamed
 * table after verifying again (drop).
 *
 * @param table the renamed table, schema-qualified
 */
@Schema(name = "UsageLogsRetirement")
public record UsageLogsRetirement(
        String source, String table, String action, UsageLogsVerification verification) {}
