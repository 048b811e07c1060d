package dev.tokenledger.legacy.entity;

import java.util.List;
import java.util.OptionalLong;

/** The rows of one read, and the total number of matching rows when it was asked for. */
public record UsageLogPage(List<UsageLogRow> rows, OptionalLong total) {

    public UsageLogPage {
        rows = List.copyOf(rows);
    }
}
