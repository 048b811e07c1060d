package dev.tokenledger.ingest.control;

import dev.tokenledger.ingest.entity.PriceQuote;
import dev.tokenledger.platform.problem.DatabaseRefusal;
import dev.tokenledger.requestlog.entity.AdditionalDetails;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Prices requests from the catalog, all of a batch in one statement, through the database's
 * model_price_quote function: the one place the formula and the matching rules live, shared with
 * recomputation. Gateways may call it without reading the catalog.
 */
@ApplicationScoped
public class CatalogPricing {

    private static final String QUOTES =
            """
            select asked.ordinal, quote.price_id, quote.cost
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                 as asked(model, at, input_tokens, output_tokens, cached_tokens, ordinal)
            cross join lateral model_price_quote(asked.model, asked.at::timestamptz,
                 asked.input_tokens::bigint, asked.output_tokens::bigint,
                 asked.cached_tokens::bigint) as quote
            """;

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    /** The quote for each draft the catalog can price, by its index in the list. */
    public Map<Integer, PriceQuote> quote(List<RequestLogDraft> drafts) {
        Map<Integer, PriceQuote> quotes = new HashMap<>();
        if (drafts.isEmpty()) {
            return quotes;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(QUOTES)) {
            List<Function<RequestLogDraft, Object>> columns =
                    List.of(
                            RequestLogDraft::model,
                            RequestLogDraft::createdAt,
                            draft -> count(draft, AdditionalDetails.INPUT_TOKENS),
                            draft -> count(draft, AdditionalDetails.OUTPUT_TOKENS),
                            draft -> count(draft, LiteLlmMapper.CACHED_INPUT_TOKENS));
            int column = 1;
            for (Function<RequestLogDraft, Object> value : columns) {
                query.setArray(
                        column++,
                        connection.createArrayOf(
                                "text",
                                drafts.stream()
                                        .map(value)
                                        .map(v -> Objects.toString(v, null))
                                        .toArray()));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    quotes.put(
                            rows.getInt(1) - 1,
                            new PriceQuote(rows.getObject(2, UUID.class), rows.getBigDecimal(3)));
                }
            }
            return quotes;
        } catch (SQLException failed) {
            throw DatabaseRefusal.of(failed)
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "pricing from the catalog failed", failed));
        }
    }

    private static Long count(RequestLogDraft draft, String key) {
        return draft.additionalDetails().count(key).orElse(null);
    }
}
