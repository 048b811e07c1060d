package dev.tokenledger.legacy.entity;

/** One column of a {@code select} parameter and the key it is returned under. */
public record SelectedColumn(String label, UsageLogColumn column) {

    public static SelectedColumn of(UsageLogColumn column) {
        return new SelectedColumn(column.legacyName(), column);
    }
}
