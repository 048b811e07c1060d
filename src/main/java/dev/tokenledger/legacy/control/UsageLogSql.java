package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.Condition;
import dev.tokenledger.legacy.entity.Condition.Comparison;
import dev.tokenledger.legacy.entity.Condition.Group;
import dev.tokenledger.legacy.entity.Operator;
import dev.tokenledger.legacy.entity.OrderKey;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.legacy.entity.UsageLogQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds the SQL over request_logs for usage_logs requests. Columns come only from {@link
 * UsageLogColumn} (the one mapping), every value is a bound parameter, and comparisons use the
 * column's type, so {@code total_tokens=gt.9} compares numbers, not text.
 */
public final class UsageLogSql {

    static final String ALIAS = "r";

    /** Every legacy column, read from request_logs and labelled with its old name. */
    static final String COLUMNS =
            Arrays.stream(UsageLogColumn.values())
                    .map(c -> c.readExpression(ALIAS) + " as " + c.legacyName())
                    .collect(Collectors.joining(", "));

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private UsageLogSql(String start) {
        sql.append(start);
    }

    /**
     * One page; with {@code count}, each row also carries the total of matching rows in a {@code
     * total} column, counted by the same statement so that it agrees with the page.
     */
    public static SqlStatement select(UsageLogQuery query) {
        UsageLogSql select =
                new UsageLogSql(
                        "select "
                                + COLUMNS
                                + (query.count() ? ", count(*) over () as total" : "")
                                + " from request_logs "
                                + ALIAS);
        select.where(query.filters());
        select.orderBy(query.order());
        select.sql.append(" limit ? offset ?");
        select.parameters.add(query.limit());
        select.parameters.add(query.offset());
        return select.build();
    }

    public static SqlStatement count(List<Condition> filters) {
        UsageLogSql count = new UsageLogSql("select count(*) from request_logs " + ALIAS);
        count.where(filters);
        return count.build();
    }

    public static SqlStatement byIds(List<UUID> ids) {
        UsageLogSql select =
                new UsageLogSql(
                        "select "
                                + COLUMNS
                                + " from request_logs "
                                + ALIAS
                                + " where "
                                + ALIAS
                                + ".id = any(?::uuid[])");
        select.parameters.add(ids.stream().map(UUID::toString).toArray(String[]::new));
        return select.build();
    }

    public static SqlStatement delete(List<Condition> filters) {
        UsageLogSql delete = new UsageLogSql("delete from request_logs " + ALIAS);
        delete.where(filters);
        delete.sql.append(" returning ").append(COLUMNS);
        return delete.build();
    }

    /** An update whose SET clause (with its own parameters) the caller has built. */
    public static SqlStatement update(
            String assignments, List<Object> values, List<Condition> filters) {
        UsageLogSql update =
                new UsageLogSql("update request_logs " + ALIAS + " set " + assignments);
        update.parameters.addAll(values);
        update.where(filters);
        update.sql.append(" returning ").append(COLUMNS);
        return update.build();
    }

    private void where(List<Condition> filters) {
        if (!filters.isEmpty()) {
            sql.append(" where ");
            all(filters, " and ");
        }
    }

    private void all(List<Condition> conditions, String joiner) {
        for (int i = 0; i < conditions.size(); i++) {
            sql.append(i == 0 ? "" : joiner);
            condition(conditions.get(i));
        }
    }

    private void condition(Condition condition) {
        sql.append(condition.negated() ? "not (" : "(");
        if (condition instanceof Group group) {
            all(group.children(), group.any() ? " or " : " and ");
        } else {
            comparison((Comparison) condition);
        }
        sql.append(')');
    }

    private void comparison(Comparison comparison) {
        UsageLogColumn column = comparison.column();
        Operator operator = comparison.operator();
        String expression = column.readExpression(ALIAS);
        switch (operator) {
            case IS -> is(expression, column, comparison.value());
            case IN -> in(expression, column, comparison.values());
            case LIKE, ILIKE -> pattern(expression, column, operator, comparison.value());
            default -> {
                sql.append(expression).append(' ').append(operator.sql()).append(" ?");
                parameters.add(ColumnValues.typed(column, comparison.value()));
            }
        }
    }

    private void is(String expression, UsageLogColumn column, String value) {
        String keyword = value.toLowerCase(Locale.ROOT);
        if (!keyword.equals("null")) {
            throw new PostgrestError(
                    400,
                    "42804",
                    "argument of IS "
                            + keyword.toUpperCase(Locale.ROOT)
                            + " must be type boolean, not type "
                            + column.type().sqlName(),
                    null,
                    null);
        }
        sql.append(expression).append(" is null");
    }

    private void in(String expression, UsageLogColumn column, List<String> values) {
        if (values.isEmpty()) {
            sql.append("false");
            return;
        }
        sql.append(expression).append(" in (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            parameters.add(ColumnValues.typed(column, values.get(i)));
        }
        sql.append(')');
    }

    private void pattern(
            String expression, UsageLogColumn column, Operator operator, String value) {
        if (column.type() != UsageLogColumn.SqlType.TEXT) {
            throw new PostgrestError(
                    400,
                    "42883",
                    "operator does not exist: "
                            + column.type().sqlName()
                            + (operator == Operator.LIKE ? " ~~" : " ~~*")
                            + " unknown",
                    null,
                    "No operator matches the given name and argument types."
                            + " You might need to add explicit type casts.");
        }
        sql.append(expression).append(' ').append(operator.sql()).append(" ?");
        parameters.add(value.replace('*', '%'));
    }

    private void orderBy(List<OrderKey> keys) {
        sql.append(" order by ");
        if (keys.isEmpty()) {
            sql.append(ALIAS).append(".created_at, ");
        }
        for (OrderKey key : keys) {
            sql.append(key.column().readExpression(ALIAS))
                    .append(key.descending() ? " desc" : " asc");
            if (key.nullsFirst() != null) {
                sql.append(key.nullsFirst() ? " nulls first" : " nulls last");
            }
            sql.append(", ");
        }
        // A unique last key makes pages stable: a row never shows up on two pages.
        sql.append(ALIAS).append(".id");
    }

    private SqlStatement build() {
        return new SqlStatement(sql.toString(), parameters);
    }
}
