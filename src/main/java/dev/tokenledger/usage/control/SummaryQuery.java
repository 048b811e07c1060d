package dev.tokenledger.usage.control;

import dev.tokenledger.platform.problem.DatabaseRefusal;
import dev.tokenledger.usage.entity.Grouping;
import dev.tokenledger.usage.entity.SummaryRequest;
import dev.tokenledger.usage.entity.UsageFigures;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Computes usage figures in one pass (a group none of whose requests is priced has no cost, null,
 * never 0): the groups and the grand total come from the same scan (GROUPING SETS), so the groups
 * always add up to the total. Days are calendar days in the requested zone, bucketed by
 * PostgreSQL's time-zone rules. Runs in the caller's transaction.
 */
@ApplicationScoped
public class SummaryQuery {

    private static final String FIGURES =
            """
            count(*) as requests,
            coalesce(sum(input_tokens), 0) as input_tokens,
            coalesce(sum(output_tokens), 0) as output_tokens,
            coalesce(sum(total_tokens), 0) as total_tokens,
            sum(total_cost) as total_cost,
            count(*) filter (where total_cost is null) as unpriced_requests
            """;

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    /**
     * The totals first, then the groups in the requested order (null keys last): with a limit, one
     * group more than the limit when there are more, so the caller can say so.
     */
    public List<UsageFigures> run(SummaryRequest request) {
        List<Object> parameters = new ArrayList<>();
        String sql = sql(request, parameters);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<UsageFigures> figures = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    figures.add(figures(rows));
                }
            }
            return figures;
        } catch (SQLException failed) {
            throw DatabaseRefusal.of(failed)
                    .orElseThrow(() -> new IllegalStateException("usage summary failed", failed));
        }
    }

    static String sql(SummaryRequest request, List<Object> parameters) {
        StringBuilder inner =
                new StringBuilder("select ")
                        .append(keyExpression(request, parameters))
                        .append(
                                " as key, (additional_details ->> 'input_tokens')::bigint as"
                                        + " input_tokens,")
                        .append(
                                " (additional_details ->> 'output_tokens')::bigint as"
                                        + " output_tokens,")
                        .append(" (additional_details ->> 'total_tokens')::bigint as total_tokens,")
                        .append(" total_cost from request_logs where true");
        request.endUser()
                .ifPresent(
                        user -> {
                            inner.append(" and end_user = ?");
                            parameters.add(user);
                        });
        request.from()
                .ifPresent(
                        from -> {
                            inner.append(" and created_at >= ?");
                            parameters.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
                        });
        request.to()
                .ifPresent(
                        to -> {
                            inner.append(" and created_at < ?");
                            parameters.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                        });
        if (request.grouping() == Grouping.NONE) {
            return "select null as key, true as is_total, "
                    + FIGURES
                    + " from ("
                    + inner
                    + ") as usage";
        }
        String limit = "";
        if (request.limit().isPresent()) {
            limit = " limit ?";
            parameters.add(request.limit().get() + 2);
        }
        return "select key, grouping(key) = 1 as is_total, "
                + FIGURES
                + " from ("
                + inner
                + ") as usage group by grouping sets ((), (key))"
                + " order by grouping(key) desc, "
                + request.order().orderBy()
                + limit;
    }

    private static String keyExpression(SummaryRequest request, List<Object> parameters) {
        return switch (request.grouping()) {
            case NONE -> "null::text";
            case MODEL -> "model";
            case SESSION -> "additional_details ->> 'session_id'";
            case END_USER -> "end_user";
            case DAY -> {
                parameters.add(request.zone().getId());
                yield "to_char(created_at at time zone ?, 'YYYY-MM-DD')";
            }
        };
    }

    /** Token sums are numeric in SQL: each count fits a long, their sum need not. */
    private static BigInteger count(ResultSet row, String column) throws SQLException {
        return row.getBigDecimal(column).toBigIntegerExact();
    }

    private static UsageFigures figures(ResultSet row) throws SQLException {
        BigDecimal cost = row.getBigDecimal("total_cost");
        return new UsageFigures(
                row.getBoolean("is_total") ? null : row.getString("key"),
                row.getLong("requests"),
                count(row, "input_tokens"),
                count(row, "output_tokens"),
                count(row, "total_tokens"),
                cost,
                row.getLong("unpriced_requests"));
    }
}
