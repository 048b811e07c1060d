package dev.tokenledger.legacy.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The read-only usage_logs view over request_logs for integrators who still query SQL.
 *
 * @param created false when the view already existed and was left as it was
 * @param grantedTo the database roles that may select from it; row-level security still decides
 *     which rows each sees
 */
@Schema(name = "UsageLogsView")
public record UsageLogsView(String view, boolean created, List<String> grantedTo) {}
