package dev.tokenledger.ingest.control;

import dev.tokenledger.ingest.entity.Repricing;
import dev.tokenledger.ingest.entity.UnpricedModel;
import dev.tokenledger.platform.problem.DatabaseRefusal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The gateway rows the catalog could not price when they arrived (marked {@code cost_source:
 * unpriced}, cost NULL), listed by model, and priced set-wise once the catalog covers them. Rows
 * whose cost came from the sender are never touched; rows recorded through the ledger's own API
 * with a null cost state an unknown cost and are left alone too. Runs in the caller's transaction
 * (the service role's).
 */
@ApplicationScoped
public class UnpricedRequests {

    private static final String UNPRICED =
            "r.total_cost is null" + " and (r.additional_details ->> 'cost_source') = 'unpriced'";

    private static final String CATALOG_PRICED =
            "(r.additional_details ->> 'cost_source') = 'catalog'";

    private static final String MODELS =
            "select r.model, count(*), min(r.created_at),"
                    + " max(r.created_at) from request_logs r where "
                    + UNPRICED
                    + " group by r.model order by count(*) desc, r.model nulls last";

    /** A well-known token count, or NULL where a row holds none (or not a valid one). */
    private static final String COUNT =
            "case when public.request_log_token_count_valid(r.additional_details -> '%1$s') then"
                    + " (r.additional_details ->> '%1$s')::bigint end";

    private static final String QUOTE =
            "model_price_quote(r.model, r.created_at, "
                    + COUNT.formatted("input_tokens")
                    + ", "
                    + COUNT.formatted("output_tokens")
                    + ", "
                    + COUNT.formatted(LiteLlmMapper.CACHED_INPUT_TOKENS)
                    + ")";

    /** Sets the catalog's cost where it differs from the row's (or the price entry does). */
    private static final String PRICE =
            "update request_logs target set total_cost = priced.cost, additional_details ="
                + " target.additional_details || jsonb_build_object('cost_source', 'catalog',"
                + " 'price_id', priced.price_id) from (select r.id, quote.price_id, quote.cost from"
                + " request_logs r cross join lateral "
                    + QUOTE
                    + " as quote where (%s)%s) as priced where target.id = priced.id and"
                    + " (target.total_cost is distinct from priced.cost or"
                    + " (target.additional_details ->> 'price_id') is distinct from"
                    + " priced.price_id::text)";

    private static final String UNPRICE =
            "update request_logs r set total_cost = null,"
                    + " additional_details = (r.additional_details - 'price_id')"
                    + " || '{\"cost_source\": \"unpriced\"}'::jsonb"
                    + " where "
                    + CATALOG_PRICED
                    + "%s and not exists (select 1 from "
                    + QUOTE
                    + " q)";

    private static final String STILL_UNPRICED =
            "select count(*) from request_logs r where " + UNPRICED + "%s";

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    public List<UnpricedModel> models() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(MODELS);
                ResultSet rows = query.executeQuery()) {
            List<UnpricedModel> models = new ArrayList<>();
            while (rows.next()) {
                models.add(
                        new UnpricedModel(
                                rows.getString(1),
                                rows.getLong(2),
                                rows.getObject(3, OffsetDateTime.class).toInstant(),
                                rows.getObject(4, OffsetDateTime.class).toInstant()));
            }
            return models;
        } catch (SQLException failed) {
            throw refusal(failed);
        }
    }

    /**
     * Prices the unpriced rows the catalog now covers. With {@code catalogPriced}, also prices
     * again the rows priced from the catalog before (after a price was corrected), and returns
     * those whose price is gone to unpriced.
     */
    public Repricing recompute(Optional<String> model, boolean catalogPriced) {
        // TODO(ingest): one UPDATE per call; a backlog of millions of rows can outlast the
        // runtime role's 30 s statement_timeout (answered 422). Price in key-ordered chunks.
        String onlyModel = model.isPresent() ? " and r.model = ?" : "";
        String scope = catalogPriced ? UNPRICED + " or " + CATALOG_PRICED : UNPRICED;
        try (Connection connection = dataSource.getConnection()) {
            long unpricedAgain =
                    catalogPriced ? run(connection, UNPRICE.formatted(onlyModel), model) : 0;
            long priced = run(connection, PRICE.formatted(scope, onlyModel), model);
            long still = run(connection, STILL_UNPRICED.formatted(onlyModel), model);
            return new Repricing(model.orElse(null), priced, unpricedAgain, still);
        } catch (SQLException failed) {
            throw refusal(failed);
        }
    }

    /** The rows an UPDATE changed, or the count a SELECT COUNT(*) found. */
    private static long run(Connection connection, String sql, Optional<String> model)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (model.isPresent()) {
                statement.setString(1, model.get());
            }
            if (!statement.execute()) {
                return statement.getUpdateCount();
            }
            try (ResultSet count = statement.getResultSet()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static RuntimeException refusal(SQLException failed) {
        return DatabaseRefusal.of(failed)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "pricing unpriced requests failed", failed));
    }
}
