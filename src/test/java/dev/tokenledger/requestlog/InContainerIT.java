package dev.tokenledger.requestlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.requestlog.boundary.RequestLogService;
import dev.tokenledger.requestlog.control.RequestLogParser;
import dev.tokenledger.requestlog.entity.PageCursor;
import dev.tokenledger.requestlog.entity.RequestLog;
import dev.tokenledger.requestlog.entity.RequestLogFilter;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.security.entity.Caller;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestData;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the server: the JSONB mapping, dirty checking, and row-level security under
 * deliberately wrong application code, through the real datasource and transactions.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.withTests(InContainerIT.class, UnfilteredQueries.class);
    }

    @Inject RequestLogService service;

    @Inject UnfilteredQueries unfiltered;

    @PersistenceUnit(unitName = "tokenledger")
    EntityManagerFactory entityManagerFactory;

    UUID record(Caller caller, String json) throws Exception {
        JsonNode body = Json.mapper().readTree(json);
        List<WriteOutcome> outcomes =
                service.record(caller, RequestLogParser.parse(body).drafts(), true);
        return outcomes.get(0).id();
    }

    Statistics statistics() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        return statistics;
    }

    @Test
    void additionalDetailsRoundTripThroughJsonbUnchanged() throws Exception {
        Caller alice = Caller.user(TestData.user());
        String details =
                """
                {"session_id": "s-ü", "input_tokens": 3000000000, "output_tokens": 0,
                 "price": 0.10, "ratio": 1e-7, "flags": [true, false, null],
                 "nested": {"deeper": {"list": [1, "two", {"three": 3}]}}, "emoji": "🙂"}\
                """;

        UUID id = record(alice, "{\"model\": \"m\", \"additional_details\": " + details + "}");
        RequestLog stored = service.find(alice, id).orElseThrow();

        JsonNode expected = Json.mapper().readTree(details);
        JsonNode actual = stored.getAdditionalDetails().toJson();
        assertEquals(expected.get("nested"), actual.get("nested"));
        assertEquals(expected.get("flags"), actual.get("flags"));
        assertEquals("s-ü", actual.get("session_id").asText());
        assertEquals(3_000_000_000L, actual.get("input_tokens").longValue());
        assertEquals(3_000_000_000L, actual.get("total_tokens").longValue());
        assertEquals("0.10", actual.get("price").decimalValue().toPlainString());
        assertEquals(
                0,
                actual.get("ratio")
                        .decimalValue()
                        .compareTo(new java.math.BigDecimal("0.0000001")));
        assertEquals("🙂", actual.get("emoji").asText());
        assertEquals("jwt", actual.get("auth_method").asText());
    }

    @Test
    void readingRowsAndCommittingIssuesNoUpdate() throws Exception {
        Caller alice = Caller.user(TestData.user());
        UUID id =
                record(
                        alice,
                        """
                        {"model": "m", "additional_details": {"input_tokens": 1, "nested": {"a": [1.50]}}}
                        """);
        Statistics statistics = statistics();

        unfiltered.readManaged(alice, id);
        service.find(alice, id).orElseThrow().getAdditionalDetails().toJson();
        service.list(
                alice,
                new RequestLogFilter(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                Optional.<PageCursor>empty(),
                10);

        assertEquals(0, statistics.getEntityUpdateCount());
        assertEquals(
                2,
                statistics.getPrepareStatementCount(),
                "one SELECT for each find (listings bypass Hibernate): nothing else");
    }

    @Test
    void dirtyCheckingDoesNoticeARealChange() throws Exception {
        Caller alice = Caller.user(TestData.user());
        UUID id = record(alice, "{\"model\": \"m\"}");
        Statistics statistics = statistics();

        unfiltered.changeDetailsOfLoadedRow(Caller.service(), id);

        assertEquals(1, statistics.getEntityUpdateCount());
        assertEquals(
                "yes",
                service.find(alice, id)
                        .orElseThrow()
                        .getAdditionalDetails()
                        .text("changed")
                        .orElse(null));
    }

    @Test
    void aQueryWithoutAnyUserFilterStillReturnsOnlyTheCallersRows() throws Exception {
        String alice = TestData.user();
        String bob = TestData.user();
        record(Caller.user(alice), "{\"model\": \"m\"}");
        record(Caller.user(bob), "{\"model\": \"m\"}");

        List<String> throughJpa = unfiltered.everyEndUserThroughJpa(Caller.user(alice));
        List<String> throughJdbc = unfiltered.everyEndUserThroughJdbc(Caller.user(alice));
        List<String> asService = unfiltered.everyEndUserThroughJdbc(Caller.service());

        assertEquals(Set.of(alice), Set.copyOf(throughJpa));
        assertEquals(List.of(alice), throughJdbc);
        assertTrue(asService.containsAll(List.of(alice, bob)));
        assertThrows(
                SQLException.class,
                () -> unfiltered.everyEndUserThroughJdbc(Caller.anonymous()),
                "anonymous callers have no read grant at all");
    }

    @Test
    void jpaAndJdbcShareTheTransactionsConnection() throws Exception {
        List<Integer> backends = unfiltered.backendsSeenByJpaAndJdbc(Caller.user(TestData.user()));

        assertEquals(backends.get(0), backends.get(1));
    }
}
