package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.MigrationRule;
import dev.tokenledger.legacy.entity.MigrationTarget;
import dev.tokenledger.legacy.entity.MigrationTarget.Column;
import dev.tokenledger.legacy.entity.MigrationTarget.Constraint;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.legacy.entity.UsageLogColumn.Source;
import dev.tokenledger.legacy.entity.UsageLogColumn.SqlType;
import dev.tokenledger.requestlog.control.DetailsValidator;
import dev.tokenledger.requestlog.control.JsonValues;
import dev.tokenledger.requestlog.control.RequestLogParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a legacy row must satisfy to become a request_logs row: request_logs' NOT NULL columns and
 * check constraints as the catalog describes them, plus two rules the database leaves to the
 * application: the text keys of additional_details are not blank and at most {@value
 * DetailsValidator#MAX_TEXT} characters (as the API requires), and times are finite (the API speaks
 * ISO-8601, which has no infinity), from 1970 to a day ahead, and costs within the API's digits. A
 * row that breaks any of them is not copied: it is listed, and it blocks the rename until it is
 * fixed.
 */
final class MigrationRules {

    private MigrationRules() {}

    /**
     * @param written the request_logs columns a migrated row sets; others keep defaults
     */
    static List<MigrationRule> of(MigrationTarget target, List<String> written) {
        List<MigrationRule> rules = new ArrayList<>();
        for (Column column : target.columns()) {
            // A column left to its default is filled by it: the projection's NULL is no breach.
            if (column.notNull()
                    && (written.contains(column.name()) || column.defaultSql().isEmpty())) {
                rules.add(
                        new MigrationRule(
                                column.name() + " not null",
                                UsageLogsSql.quote(column.name()) + " is not null",
                                legacyColumns(List.of(column.name())),
                                column.name() + " must not be NULL."));
            }
        }
        for (Constraint constraint : target.constraints()) {
            rules.add(
                    new MigrationRule(
                            constraint.name(),
                            constraint.check(),
                            legacyColumns(constraint.columns()),
                            constraint.comment().orElse("breaks " + constraint.name() + ".")));
        }
        for (UsageLogColumn column : UsageLogColumn.values()) {
            if (column.source() == Source.DETAILS && column.type() == SqlType.TEXT) {
                rules.add(textKeyRule(column));
            } else if (column.type() == SqlType.TIMESTAMPTZ) {
                rules.add(finiteTimeRule(column));
                rules.add(timeRangeRule(column));
            } else if (column.type() == SqlType.NUMERIC) {
                rules.add(costDigitsRule(column));
            }
        }
        return List.copyOf(rules);
    }

    private static MigrationRule finiteTimeRule(UsageLogColumn column) {
        String value = column.readExpression("");
        return new MigrationRule(
                "ledger " + column.target() + " finite",
                value + " is null or isfinite(" + value + ")",
                List.of(column.legacyName()),
                column.target() + " must be a point in time, not infinity.");
    }

    /** The API's time rule (RequestLogParser.createdAt). Infinity is the finite rule's. */
    private static MigrationRule timeRangeRule(UsageLogColumn column) {
        String value = column.readExpression("");
        return new MigrationRule(
                "ledger " + column.target() + " range",
                value
                        + " is null or not isfinite("
                        + value
                        + ") or ("
                        + value
                        + " >= timestamptz 'epoch' and "
                        + value
                        + " <= now() + interval '"
                        + RequestLogParser.MAX_FUTURE.toSeconds()
                        + " seconds')",
                List.of(column.legacyName()),
                column.target()
                        + " must be from 1970 on and at most "
                        + RequestLogParser.MAX_FUTURE.toHours()
                        + " hours ahead, as the API requires.");
    }

    /** As the API: a cost of at most so many digits before and after the point. */
    private static MigrationRule costDigitsRule(UsageLogColumn column) {
        String value = column.readExpression("");
        return new MigrationRule(
                "ledger " + column.target() + " digits",
                value
                        + " is null or not ("
                        + value
                        + " >= 0 and "
                        + value
                        + " < 'Infinity') or ("
                        + value
                        + " < 1e"
                        + JsonValues.MAX_COST_INTEGER_DIGITS
                        + " and scale(trim_scale("
                        + value
                        + ")) <= "
                        + JsonValues.MAX_COST_SCALE
                        + ")",
                List.of(column.legacyName()),
                column.target()
                        + " must have at most "
                        + JsonValues.MAX_COST_INTEGER_DIGITS
                        + " digits before the point and "
                        + JsonValues.MAX_COST_SCALE
                        + " after, as the API requires.");
    }

    private static MigrationRule textKeyRule(UsageLogColumn column) {
        String value = column.readExpression("");
        return new MigrationRule(
                "ledger " + column.target() + " text",
                value
                        + " is null or ("
                        + value
                        + " ~ '[^[:space:]]' and char_length("
                        + value
                        + ") <= "
                        + DetailsValidator.MAX_TEXT
                        + ")",
                List.of(column.legacyName()),
                column.target()
                        + " must be 1 to "
                        + DetailsValidator.MAX_TEXT
                        + " characters"
                        + " and not only spaces, as the API requires of additional_details.");
    }

    /** The legacy columns stored in these request_logs columns. */
    private static List<String> legacyColumns(List<String> targetColumns) {
        return Arrays.stream(UsageLogColumn.values())
                .filter(
                        column ->
                                targetColumns.contains(
                                        column.source() == Source.COLUMN
                                                ? column.target()
                                                : UsageLogsSql.DETAILS_COLUMN))
                .map(UsageLogColumn::legacyName)
                .toList();
    }
}
