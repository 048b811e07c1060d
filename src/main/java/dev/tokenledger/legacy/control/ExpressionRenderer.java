package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.UsageLogColumn;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Writes one expression of a legacy query as SQL over request_logs. It is a whitelist by
 * construction: each supported node type is written explicitly, and anything else (subqueries,
 * unknown functions, placeholders, JSON or array operators) is refused with the reason. Column
 * references go through {@link UsageLogColumn}; literals become bind parameters; parentheses follow
 * PostgreSQL's operator precedence, so the meaning of the original is kept.
 */
final class ExpressionRenderer {

    /** Where an expression stands: positions and output names mean something in some. */
    enum Clause {
        SELECT,
        WHERE,
        GROUP_BY,
        HAVING,
        ORDER_BY,
        LIMIT
    }

    static final int MAX_DEPTH = 48;
    private static final int ATOM = 12;

    /** A binary operator: its SQL, how tightly it binds, whether a op (b op c) may drop parens. */
    private record Precedence(String sql, int level, boolean associative) {}

    private static final Map<Class<?>, Precedence> BINARY =
            Map.ofEntries(
                    Map.entry(OrExpression.class, new Precedence("or", 1, true)),
                    Map.entry(AndExpression.class, new Precedence("and", 2, true)),
                    Map.entry(EqualsTo.class, new Precedence("=", 6, false)),
                    Map.entry(NotEqualsTo.class, new Precedence("<>", 6, false)),
                    Map.entry(GreaterThan.class, new Precedence(">", 6, false)),
                    Map.entry(GreaterThanEquals.class, new Precedence(">=", 6, false)),
                    Map.entry(MinorThan.class, new Precedence("<", 6, false)),
                    Map.entry(MinorThanEquals.class, new Precedence("<=", 6, false)),
                    Map.entry(Concat.class, new Precedence("||", 8, true)),
                    Map.entry(Addition.class, new Precedence("+", 9, true)),
                    Map.entry(Subtraction.class, new Precedence("-", 9, false)),
                    Map.entry(Multiplication.class, new Precedence("*", 10, true)),
                    Map.entry(Division.class, new Precedence("/", 10, false)),
                    Map.entry(Modulo.class, new Precedence("%", 10, false)));

    private final QueryScope scope;
    private final Placeholders placeholders;
    private final Literals literals;

    ExpressionRenderer(QueryScope scope, Placeholders placeholders) {
        this.scope = scope;
        this.placeholders = placeholders;
        this.literals = new Literals(placeholders);
    }

    /** A whole clause item: in ORDER BY and GROUP BY a bare integer is a select position. */
    String item(Expression expression, Clause clause) {
        if ((clause == Clause.ORDER_BY || clause == Clause.GROUP_BY)
                && expression instanceof LongValue position) {
            BigInteger index = position.getBigIntegerValue();
            if (index.signum() < 1
                    || index.compareTo(BigInteger.valueOf(scope.selectItems())) > 0) {
                throw new SqlRefusal(
                        clause.name().replace('_', ' ')
                                + " position "
                                + index
                                + " is not in the select list (1 to "
                                + scope.selectItems()
                                + ").");
            }
            return index.toString();
        }
        if (expression instanceof Column column && isOutputName(column, clause)) {
            return QueryScope.quote(QueryScope.identifier(column.getColumnName()));
        }
        if (clause == Clause.SELECT && expression instanceof StringValue text) {
            return placeholders.add(Literals.string(text), "text");
        }
        return write(expression, clause, 0);
    }

    /**
     * PostgreSQL's rule for a bare name that is a whole ORDER BY or GROUP BY item: ORDER BY prefers
     * an output column of that name, GROUP BY an input column.
     */
    private boolean isOutputName(Column column, Clause clause) {
        if (column.getTable() != null && column.getTable().getName() != null) {
            return false;
        }
        String name = QueryScope.identifier(column.getColumnName());
        if (!scope.outputNames().contains(name)) {
            return false;
        }
        return clause == Clause.ORDER_BY
                || clause == Clause.GROUP_BY && UsageLogColumn.byLegacyName(name).isEmpty();
    }

    static SqlRefusal tooDeep() {
        return new SqlRefusal("The query nests deeper than " + MAX_DEPTH + " levels.");
    }

    private String write(Expression e, Clause clause, int depth) {
        if (depth > MAX_DEPTH) {
            throw tooDeep();
        }
        int next = depth + 1;
        if (e instanceof Column column) {
            return column(column);
        }
        if (e instanceof StringValue text) {
            return placeholders.add(Literals.string(text), "unknown");
        }
        if (e instanceof LongValue number) {
            return literals.integer(number.getBigIntegerValue());
        }
        if (e instanceof DoubleValue number) {
            return literals.decimal(number.toString());
        }
        if (e instanceof NullValue) {
            return "null";
        }
        if (e instanceof BooleanValue bool) {
            return bool.getValue() ? "true" : "false";
        }
        if (e instanceof TimeKeyExpression time) {
            return Literals.timeKeyword(time.getStringValue());
        }
        if (e instanceof ParenthesedExpressionList<?> list) {
            if (list.size() != 1) {
                throw new SqlRefusal(
                        "Row values such as " + shorten(list) + " are not" + " supported.");
            }
            return "(" + write((Expression) list.get(0), clause, next) + ")";
        }
        if (e instanceof BinaryExpression binary && !(e instanceof LikeExpression)) {
            return binary(binary, clause, next);
        }
        return special(e, clause, next);
    }

    private String special(Expression e, Clause clause, int next) {
        if (e instanceof NotExpression not) {
            return "not " + operand(not.getExpression(), 3, clause, next);
        }
        if (e instanceof SignedExpression signed) {
            if (signed.getSign() != '-' && signed.getSign() != '+') {
                throw new SqlRefusal("The operator " + signed.getSign() + " is not supported.");
            }
            return signed.getSign() + operand(signed.getExpression(), 10, clause, next);
        }
        if (e instanceof IsNullExpression isNull) {
            return operand(isNull.getLeftExpression(), 5, clause, next)
                    + (isNull.isNot() ? " is not null" : " is null");
        }
        if (e instanceof LikeExpression like) {
            return like(like, clause, next);
        }
        if (e instanceof Between between) {
            return operand(between.getLeftExpression(), 7, clause, next)
                    + (between.isNot() ? " not between " : " between ")
                    + operand(between.getBetweenExpressionStart(), 7, clause, next)
                    + " and "
                    + operand(between.getBetweenExpressionEnd(), 7, clause, next);
        }
        if (e instanceof InExpression in) {
            return in(in, clause, next);
        }
        if (e instanceof net.sf.jsqlparser.expression.Function function) {
            return function(function, clause, next);
        }
        if (e instanceof CastExpression cast) {
            return "cast("
                    + write(cast.getLeftExpression(), clause, next)
                    + " as "
                    + SqlWhitelist.castType(cast)
                    + ")";
        }
        if (e instanceof CaseExpression caseExpression) {
            return caseExpression(caseExpression, clause, next);
        }
        if (e instanceof ExtractExpression extract) {
            String field = extract.getName().toLowerCase(Locale.ROOT);
            if (!SqlWhitelist.EXTRACT_FIELDS.contains(field)) {
                throw new SqlRefusal(
                        "EXTRACT("
                                + field
                                + " ...) is not supported; use one of "
                                + String.join(", ", SqlWhitelist.EXTRACT_FIELDS)
                                + ".");
            }
            return "extract("
                    + field
                    + " from "
                    + write(extract.getExpression(), clause, next)
                    + ")";
        }
        if (e instanceof IntervalExpression interval) {
            return literals.interval(interval);
        }
        if (e instanceof Select) {
            throw new SqlRefusal(
                    "Subqueries are not supported: query usage_logs with one" + " SELECT.");
        }
        throw new SqlRefusal("The expression " + shorten(e) + " is not supported.");
    }

    private String column(Column column) {
        String name = QueryScope.identifier(column.getColumnName());
        Table table = column.getTable();
        boolean qualified = table != null && table.getName() != null;
        if (qualified) {
            String qualifier = QueryScope.identifier(table.getName());
            boolean otherSchema =
                    table.getSchemaName() != null
                            && !QueryScope.identifier(table.getSchemaName()).equals("public");
            if (otherSchema || !qualifier.equals(scope.sourceQualifier())) {
                throw new SqlRefusal(
                        "The column "
                                + column
                                + " does not belong to usage_logs"
                                + " (as "
                                + scope.sourceQualifier()
                                + ") in this query.");
            }
        }
        Optional<UsageLogColumn> mapped = UsageLogColumn.byLegacyName(name);
        if (mapped.isEmpty()) {
            throw new SqlRefusal(
                    "usage_logs has no column "
                            + name
                            + "; its columns are "
                            + UsageLogColumnNames.LIST
                            + ".");
        }
        return mapped.get().readExpression(scope.targetQualifier());
    }

    private String binary(BinaryExpression binary, Clause clause, int next) {
        Precedence operator = BINARY.get(binary.getClass());
        if (operator == null) {
            throw new SqlRefusal(
                    "The operator " + binary.getStringExpression() + " is not supported.");
        }
        int right = operator.associative() ? operator.level() : operator.level() + 1;
        return operand(binary.getLeftExpression(), operator.level(), clause, next)
                + " "
                + operator.sql()
                + " "
                + operand(binary.getRightExpression(), right, clause, next);
    }

    /** An operand, parenthesised when it binds less tightly than its operator needs. */
    private String operand(Expression operand, int needed, Clause clause, int next) {
        String text = write(operand, clause, next);
        return level(operand) < needed ? "(" + text + ")" : text;
    }

    /** How tightly an expression binds, in PostgreSQL's order (higher binds tighter). */
    private static int level(Expression e) {
        Precedence binary = BINARY.get(e.getClass());
        if (binary != null) {
            return binary.level();
        }
        if (e instanceof NotExpression) {
            return 3;
        }
        if (e instanceof IsNullExpression) {
            return 5;
        }
        if (e instanceof LikeExpression || e instanceof Between || e instanceof InExpression) {
            return 7;
        }
        return e instanceof SignedExpression ? 11 : ATOM;
    }

    private String like(LikeExpression like, Clause clause, int next) {
        String keyword = like.getLikeKeyWord().name();
        if (!keyword.equals("LIKE") && !keyword.equals("ILIKE") || like.getEscape() != null) {
            throw new SqlRefusal(
                    "Only LIKE and ILIKE without ESCAPE are supported, not "
                            + keyword.replace('_', ' ')
                            + ".");
        }
        return operand(like.getLeftExpression(), 8, clause, next)
                + (like.isNot() ? " not " : " ")
                + keyword.toLowerCase(Locale.ROOT)
                + " "
                + operand(like.getRightExpression(), 8, clause, next);
    }

    private String in(InExpression in, Clause clause, int next) {
        if (!(in.getRightExpression() instanceof ExpressionList<?> values)
                || in.getRightExpression() instanceof Select) {
            throw new SqlRefusal(
                    "IN takes a list of values here; subqueries are not" + " supported.");
        }
        StringBuilder list = new StringBuilder();
        for (Object value : values) {
            list.append(list.length() == 0 ? "" : ", ")
                    .append(write((Expression) value, clause, next));
        }
        return operand(in.getLeftExpression(), 8, clause, next)
                + (in.isNot() ? " not in (" : " in (")
                + list
                + ")";
    }

    private String function(
            net.sf.jsqlparser.expression.Function function, Clause clause, int next) {
        List<String> parts = function.getMultipartName();
        String name = function.getName().toLowerCase(Locale.ROOT);
        if (parts != null && parts.size() > 1 || !SqlWhitelist.FUNCTIONS.contains(name)) {
            throw new SqlRefusal(
                    "The function "
                            + function.getName()
                            + " is not allowed; the"
                            + " allowed functions are "
                            + String.join(", ", new java.util.TreeSet<>(SqlWhitelist.FUNCTIONS))
                            + ".");
        }
        if (function.getNamedParameters() != null
                || function.getKeep() != null
                || function.getOrderByElements() != null
                || function.getAttribute() != null
                || function.getHavingClause() != null
                || function.getLimit() != null
                || function.isIgnoreNulls()
                || function.isUnique()) {
            throw new SqlRefusal("Only plain calls of " + name + "(...) are supported.");
        }
        StringBuilder arguments = new StringBuilder();
        ExpressionList<?> parameters = function.getParameters();
        if (parameters != null) {
            for (Object argument : parameters) {
                arguments.append(arguments.length() == 0 ? "" : ", ");
                if (argument instanceof AllColumns && name.equals("count")) {
                    arguments.append('*');
                } else {
                    arguments.append(write((Expression) argument, clause, next));
                }
            }
        }
        return name + "(" + (function.isDistinct() ? "distinct " : "") + arguments + ")";
    }

    private String caseExpression(CaseExpression caseExpression, Clause clause, int next) {
        StringBuilder sql = new StringBuilder("case");
        if (caseExpression.getSwitchExpression() != null) {
            sql.append(' ').append(write(caseExpression.getSwitchExpression(), clause, next));
        }
        for (WhenClause when : caseExpression.getWhenClauses()) {
            sql.append(" when ")
                    .append(write(when.getWhenExpression(), clause, next))
                    .append(" then ")
                    .append(write(when.getThenExpression(), clause, next));
        }
        if (caseExpression.getElseExpression() != null) {
            sql.append(" else ").append(write(caseExpression.getElseExpression(), clause, next));
        }
        return sql.append(" end").toString();
    }

    private static String shorten(Object node) {
        String text = String.valueOf(node);
        return "\"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
    }
}
