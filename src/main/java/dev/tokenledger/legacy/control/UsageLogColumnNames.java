package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.UsageLogColumn;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The legacy column names, listed for error messages. */
final class UsageLogColumnNames {

    static final String LIST =
            Arrays.stream(UsageLogColumn.values())
                    .map(UsageLogColumn::legacyName)
                    .collect(Collectors.joining(", "));

    private UsageLogColumnNames() {}
}
