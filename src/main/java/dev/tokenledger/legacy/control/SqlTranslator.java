package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.control.ExpressionRenderer.Clause;
import dev.tokenledger.legacy.entity.TranslatedQuery;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Translates one SELECT written against usage_logs into SQL over request_logs. The text is parsed
 * with JSqlParser, never matched with patterns; only a single plain SELECT from usage_logs (with an
 * optional alias) is accepted, its clauses one by one, its expressions by {@link
 * ExpressionRenderer}. Result columns keep their old names; literals become parameters.
 */
public final class SqlTranslator {

    public static final int MAX_SQL_LENGTH = 10_000;
    private static final String TARGET_TABLE = "request_logs";

    private SqlTranslator() {}

    public static TranslatedQuery translate(String sql) {
        PlainSelect select = parse(sql);
        QueryScope scope = scope(select);

        Placeholders numbered = new Placeholders(true);
        String readable = render(select, scope, numbered);
        String executable = render(select, scope, new Placeholders(false));

        return new TranslatedQuery(readable, executable, numbered.parameters(), labels(select));
    }

    private static PlainSelect parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new SqlRefusal("sql is required: one SELECT statement over usage_logs.");
        }
        if (sql.length() > MAX_SQL_LENGTH) {
            throw new SqlRefusal("sql is longer than " + MAX_SQL_LENGTH + " characters.");
        }
        if (ParenthesisDepth.of(sql) > ExpressionRenderer.MAX_DEPTH) {
            throw ExpressionRenderer.tooDeep();
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException unreadable) {
            throw SqlRefusal.unparsable(
                    "The SQL could not be parsed: " + firstLine(unreadable.getMessage()));
        }
        if (statements == null) {
            // JSqlParser answers null, not an exception, when it gives up on a deep text.
            throw SqlRefusal.unparsable("The SQL could not be parsed.");
        }
        if (statements.size() != 1) {
            throw new SqlRefusal(
                    "Send exactly one SELECT statement; this text holds "
                            + statements.size()
                            + ".");
        }
        Statement statement = statements.get(0);
        if (statement instanceof SetOperationList) {
            throw new SqlRefusal(
                    "UNION, INTERSECT and EXCEPT are not supported: query"
                            + " usage_logs with one SELECT.");
        }
        if (!(statement instanceof PlainSelect select)) {
            throw new SqlRefusal(
                    "Only SELECT statements are translated; this is "
                            + kind(statement)
                            + ", and nothing was run.");
        }
        requireSupportedClauses(select);
        return select;
    }

    private static void requireSupportedClauses(PlainSelect select) {
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            throw new SqlRefusal("WITH (common table expressions) is not supported.");
        }
        if (select.getJoins() != null && !select.getJoins().isEmpty()) {
            throw new SqlRefusal("Joins are not supported: only usage_logs can be queried.");
        }
        if (select.getIntoTables() != null || select.getIntoTempTable() != null) {
            throw new SqlRefusal("SELECT ... INTO is not supported: the translator only reads.");
        }
        boolean other =
                select.getFetch() != null
                        || select.getForMode() != null
                        || select.getWindowDefinitions() != null
                        || select.getTop() != null
                        || select.getFirst() != null
                        || select.getSkip() != null
                        || select.getQualify() != null
                        || select.getOracleHierarchical() != null
                        || select.getLateralViews() != null
                        || select.getSampleClause() != null
                        || select.getKsqlWindow() != null
                        || select.getIsolation() != null
                        || select.getOptimizeFor() != null
                        || select.getLimitBy() != null
                        || select.getForClause() != null
                        || select.getPreferringClause() != null
                        || select.getPivot() != null
                        || select.getUnPivot() != null;
        if (other) {
            throw new SqlRefusal(
                    "The query uses a clause the translator does not support; use SELECT, FROM"
                            + " usage_logs, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET.");
        }
        if (!(select.getFromItem() instanceof Table table) || table.getName() == null) {
            throw new SqlRefusal("The query must read FROM usage_logs.");
        }
        String name = QueryScope.identifier(table.getName());
        boolean otherSchema =
                table.getSchemaName() != null
                        && !QueryScope.identifier(table.getSchemaName()).equals("public");
        if (!name.equals("usage_logs")
                || otherSchema
                || table.getDatabase() != null && table.getDatabase().getDatabaseName() != null) {
            throw new SqlRefusal(
                    "Only usage_logs can be queried, not "
                            + table
                            + (name.equals(TARGET_TABLE)
                                    ? "; request_logs has its own API at" + " /api/v1/request-logs."
                                    : "."));
        }
        requirePlainTable(table);
    }

    /**
     * The parser keeps some table decorations it does not model apart; each would change which rows
     * or columns the query means, so anything beyond a name and a plain alias is refused.
     */
    private static void requirePlainTable(Table table) {
        if (table.getSampleClause() != null) {
            throw new SqlRefusal(
                    "TABLESAMPLE is not supported: the translation reads every row you may see.");
        }
        Alias alias = table.getAlias();
        if (alias != null
                && alias.getAliasColumns() != null
                && !alias.getAliasColumns().isEmpty()) {
            throw new SqlRefusal(
                    "Column aliases on the table (usage_logs u(a, b)) are not supported; name the"
                            + " columns in the SELECT list instead.");
        }
        String plain = table.getFullyQualifiedName() + (alias == null ? "" : alias.toString());
        if (!table.toString().equals(plain)) {
            throw new SqlRefusal(
                    "Write the table as FROM usage_logs, optionally with an alias; "
                            + table
                            + " is not supported.");
        }
    }

    private static QueryScope scope(PlainSelect select) {
        Table table = (Table) select.getFromItem();
        String alias =
                table.getAlias() == null ? null : QueryScope.identifier(table.getAlias().getName());
        Set<String> outputs = new LinkedHashSet<>(labels(select));
        return new QueryScope(
                alias == null ? "usage_logs" : alias,
                alias == null ? TARGET_TABLE : QueryScope.quote(alias),
                outputs,
                labels(select).size());
    }

    private static String render(PlainSelect select, QueryScope scope, Placeholders values) {
        ExpressionRenderer expressions = new ExpressionRenderer(scope, values);
        StringBuilder sql = new StringBuilder("select ");
        sql.append(distinct(select.getDistinct(), expressions));
        sql.append(String.join(", ", items(select, scope, expressions)));
        sql.append(" from ").append(TARGET_TABLE);
        if (!scope.targetQualifier().equals(TARGET_TABLE)) {
            sql.append(' ').append(scope.targetQualifier());
        }
        if (select.getWhere() != null) {
            sql.append(" where ").append(expressions.item(select.getWhere(), Clause.WHERE));
        }
        sql.append(groupBy(select.getGroupBy(), expressions));
        if (select.getHaving() != null) {
            sql.append(" having ").append(expressions.item(select.getHaving(), Clause.HAVING));
        }
        sql.append(orderBy(select.getOrderByElements(), expressions));
        sql.append(limit(select, expressions));
        return sql.toString();
    }

    private static String distinct(Distinct distinct, ExpressionRenderer expressions) {
        if (distinct == null) {
            return "";
        }
        if (distinct.isUseUnique()) {
            throw new SqlRefusal("SELECT UNIQUE is not supported; use SELECT DISTINCT.");
        }
        if (distinct.getOnSelectItems() == null) {
            return "distinct ";
        }
        List<String> on = new ArrayList<>();
        for (SelectItem<?> item : distinct.getOnSelectItems()) {
            on.add(expressions.item(item.getExpression(), Clause.ORDER_BY));
        }
        return "distinct on (" + String.join(", ", on) + ") ";
    }

    private static List<String> items(
            PlainSelect select, QueryScope scope, ExpressionRenderer expressions) {
        List<String> items = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression expression = item.getExpression();
            if (expression instanceof AllColumns all) {
                requireOwnStar(all, scope);
                for (UsageLogColumn column : UsageLogColumn.values()) {
                    items.add(
                            column.readExpression(scope.targetQualifier())
                                    + " as "
                                    + column.legacyName());
                }
                continue;
            }
            String rendered = expressions.item(expression, Clause.SELECT);
            String label =
                    item.getAlias() != null
                            ? QueryScope.identifier(item.getAlias().getName())
                            : columnLabel(expression);
            items.add(label == null ? rendered : rendered + " as " + QueryScope.quote(label));
        }
        return items;
    }

    private static void requireOwnStar(AllColumns all, QueryScope scope) {
        if (all instanceof AllTableColumns tableColumns) {
            String qualifier = QueryScope.identifier(tableColumns.getTable().getName());
            if (!qualifier.equals(scope.sourceQualifier())) {
                throw new SqlRefusal(tableColumns + " does not name usage_logs in this query.");
            }
        } else if (all.getExceptColumns() != null || all.getReplaceExpressions() != null) {
            throw new SqlRefusal("SELECT * EXCEPT/REPLACE is not supported.");
        }
    }

    private static String groupBy(GroupByElement groupBy, ExpressionRenderer expressions) {
        if (groupBy == null) {
            return "";
        }
        if (groupBy.getGroupingSets() != null && !groupBy.getGroupingSets().isEmpty()
                || groupBy.isMysqlWithRollup()) {
            throw new SqlRefusal("GROUPING SETS and ROLLUP are not supported.");
        }
        List<String> keys = new ArrayList<>();
        for (Object key : groupBy.getGroupByExpressionList()) {
            keys.add(expressions.item((Expression) key, Clause.GROUP_BY));
        }
        return " group by " + String.join(", ", keys);
    }

    private static String orderBy(List<OrderByElement> order, ExpressionRenderer expressions) {
        if (order == null || order.isEmpty()) {
            return "";
        }
        List<String> keys = new ArrayList<>();
        for (OrderByElement key : order) {
            String sql = expressions.item(key.getExpression(), Clause.ORDER_BY);
            if (key.isAscDescPresent()) {
                sql += key.isAsc() ? " asc" : " desc";
            }
            if (key.getNullOrdering() != null) {
                sql +=
                        key.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST
                                ? " nulls first"
                                : " nulls last";
            }
            keys.add(sql);
        }
        return " order by " + String.join(", ", keys);
    }

    private static String limit(PlainSelect select, ExpressionRenderer expressions) {
        StringBuilder sql = new StringBuilder();
        Limit limit = select.getLimit();
        if (limit != null) {
            if (limit.getOffset() != null || limit.getByExpressions() != null) {
                throw new SqlRefusal("Write LIMIT n OFFSET m; LIMIT m, n is not supported.");
            }
            if (limit.getRowCount() != null && !limit.isLimitAll() && !limit.isLimitNull()) {
                sql.append(" limit ").append(expressions.item(limit.getRowCount(), Clause.LIMIT));
            }
        }
        if (select.getOffset() != null) {
            sql.append(" offset ")
                    .append(expressions.item(select.getOffset().getOffset(), Clause.LIMIT));
        }
        return sql.toString();
    }

    /** The result column names, as PostgreSQL would name them in the original query. */
    private static List<String> labels(PlainSelect select) {
        List<String> labels = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression expression = item.getExpression();
            if (expression instanceof AllColumns) {
                for (UsageLogColumn column : UsageLogColumn.values()) {
                    labels.add(column.legacyName());
                }
            } else if (item.getAlias() != null) {
                labels.add(QueryScope.identifier(item.getAlias().getName()));
            } else {
                String column = columnLabel(expression);
                labels.add(column != null ? column : generatedLabel(expression));
            }
        }
        return labels;
    }

    /** The old column name a bare (or cast) column is labelled with; null otherwise. */
    private static String columnLabel(Expression expression) {
        if (expression instanceof Column column) {
            return QueryScope.identifier(column.getColumnName());
        }
        if (expression instanceof CastExpression cast && cast.getLeftExpression() != null) {
            return columnLabel(cast.getLeftExpression());
        }
        if (expression instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            return columnLabel((Expression) list.get(0));
        }
        return null;
    }

    private static String generatedLabel(Expression expression) {
        if (expression instanceof Function function) {
            return function.getName().toLowerCase(Locale.ROOT);
        }
        if (expression instanceof CastExpression cast) {
            String inner = generatedLabel(cast.getLeftExpression());
            return inner.equals("?column?")
                    ? SqlWhitelist.normalizeType(cast.getColDataType().getDataType())
                    : inner;
        }
        return expression instanceof net.sf.jsqlparser.expression.CaseExpression
                ? "case"
                : "?column?";
    }

    private static String kind(Statement statement) {
        String name = statement.getClass().getSimpleName();
        return "a "
                + name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT)
                + " statement";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String text = message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
