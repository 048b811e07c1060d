package dev.tokenledger.legacy.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a run would do, found without writing anything.
 *
 * @param columns the legacy table's columns and their types, as the conversion reads them
 * @param readyToRun whether a run can start (no problems); rejected rows and conflicts do not stop
 *     a run, they stop the rename
 * @param comparison null when problems keep the rows from being read
 */
@Schema(name = "UsageLogsDryRun")
public record UsageLogsDryRun(
        String source,
        String timeZone,
        Map<String, String> columns,
        boolean readyToRun,
        List<String> problems,
        List<String> warnings,
        UsageLogsComparison comparison) {

    public UsageLogsDryRun {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
