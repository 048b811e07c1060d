package dev.tokenledger.ingest.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tokenledger.ingest.control.CatalogPricing;
import dev.tokenledger.ingest.control.DeadLetterWriter;
import dev.tokenledger.ingest.control.DeadLetters;
import dev.tokenledger.ingest.control.IngestSettings;
import dev.tokenledger.ingest.control.LiteLlmMapper;
import dev.tokenledger.ingest.entity.DeadLetter;
import dev.tokenledger.ingest.entity.IngestItem;
import dev.tokenledger.ingest.entity.IngestItem.Result;
import dev.tokenledger.ingest.entity.IngestReport;
import dev.tokenledger.ingest.entity.MappedPayload;
import dev.tokenledger.ingest.entity.PriceQuote;
import dev.tokenledger.requestlog.control.RequestLogWriter;
import dev.tokenledger.requestlog.control.WritePolicy;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.security.boundary.CallerTransaction;
import dev.tokenledger.security.entity.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores a gateway delivery in one transaction run as the caller: the good payloads as request logs
 * (set-wise, each request id once however often it comes), costs the gateway did not know from the
 * catalog, and every other payload as a dead letter. Either all of that commits or none of it, so a
 * delivery that fails can be sent again and still counts once.
 */
@Stateless
@CallerTransaction
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);
    private static final String GATEWAY_SCOPE = "ingest";
    private static final int LOGGED_IDS = 5;

    @Inject WritePolicy policy;

    @Inject RequestLogWriter writer;

    @Inject CatalogPricing pricing;

    @Inject DeadLetterWriter deadLetterWriter;

    @Inject IngestSettings settings;

    public IngestReport record(Caller caller, UUID deliveryId, List<MappedPayload> payloads) {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Stamped stamped = stamp(caller, payloads);

        // A payload repeated in the delivery is written once; each copy is answered against the
        // stored row by its own content (duplicate or conflict), whichever copy came first.
        List<RequestLogRow> finished = finish(stamped.rows(), stamped.sources());
        RequestLogWriter.Tolerated written = writer.insertTolerating(finished);
        Iterator<WriteOutcome> outcomes = written.outcomes().iterator();
        List<IngestItem> items = new ArrayList<>(payloads.size());
        List<DeadLetter> letters = new ArrayList<>();
        for (MappedPayload payload : payloads) {
            items.add(
                    payload.accepted()
                            ? written(
                                    payload,
                                    outcomes.next(),
                                    written.refusals(),
                                    deliveryId,
                                    receivedAt,
                                    letters)
                            : rejected(payload, deliveryId, receivedAt, letters));
        }
        // In key order, like the rows: concurrent deliveries then lock in the same order.
        letters.sort(Comparator.comparing(DeadLetter::id));
        deadLetterWriter.insert(letters);

        IngestReport report = IngestReport.of(deliveryId, items);
        log(caller, report);
        return report;
    }

    /** The accepted payloads as rows the caller may write, each with the payload it came from. */
    private Stamped stamp(Caller caller, List<MappedPayload> payloads) {
        Map<RequestLogRow, MappedPayload> sources = new IdentityHashMap<>();
        List<RequestLogRow> rows = new ArrayList<>(payloads.size());
        for (MappedPayload payload : payloads) {
            if (payload.accepted()) {
                // Whoever delivers (a gateway, or the service role reposting a dead letter), a
                // gateway payload's id is the gateways': a repost then counts once.
                RequestLogRow row =
                        policy.stamp(caller, payload.draft(), "/" + payload.delivered().position())
                                .withRequestScope(GATEWAY_SCOPE);
                sources.put(row, payload);
                rows.add(row);
            }
        }
        return new Stamped(rows, sources);
    }

    /** Adds what the content fingerprint must not cover: catalog prices and stored prompts. */
    private List<RequestLogRow> finish(
            List<RequestLogRow> rows, Map<RequestLogRow, MappedPayload> sources) {
        List<RequestLogRow> unpriced =
                rows.stream().filter(row -> sources.get(row).needsCatalogPrice()).toList();
        Map<Integer, PriceQuote> quotes =
                pricing.quote(unpriced.stream().map(RequestLogRow::content).toList());
        Map<RequestLogRow, PriceQuote> quoteByRow = new IdentityHashMap<>();
        quotes.forEach((index, quote) -> quoteByRow.put(unpriced.get(index), quote));
        return rows.stream()
                .map(
                        row ->
                                row.withContent(
                                        complete(
                                                row.content(),
                                                sources.get(row),
                                                quoteByRow.get(row))))
                .toList();
    }

    private static RequestLogDraft complete(
            RequestLogDraft draft, MappedPayload payload, PriceQuote quote) {
        Map<String, JsonNode> added = new LinkedHashMap<>();
        RequestLogDraft completed = draft;
        if (payload.needsCatalogPrice() && quote == null) {
            added.put(LiteLlmMapper.COST_SOURCE, TextNode.valueOf("unpriced"));
        } else if (payload.needsCatalogPrice()) {
            added.put(LiteLlmMapper.COST_SOURCE, TextNode.valueOf("catalog"));
            added.put("price_id", TextNode.valueOf(quote.priceId().toString()));
            completed = completed.withTotalCost(quote.cost());
        }
        if (payload.prompts() != null) {
            for (Map.Entry<String, JsonNode> prompt : payload.prompts().properties()) {
                added.put(prompt.getKey(), prompt.getValue());
            }
        }
        return added.isEmpty()
                ? completed
                : completed.withDetails(draft.additionalDetails().with(added));
    }

    private IngestItem written(
            MappedPayload payload,
            WriteOutcome outcome,
            Map<UUID, String> refusals,
            UUID deliveryId,
            Instant receivedAt,
            List<DeadLetter> letters) {
        if (outcome.result() == WriteOutcome.Result.REFUSED) {
            String reason = refusals.getOrDefault(outcome.id(), "refused by the database");
            return rejected(
                    payload.refused("The database refused it: " + reason),
                    deliveryId,
                    receivedAt,
                    letters);
        }
        UUID letterId = null;
        Result result =
                switch (outcome.result()) {
                    case CREATED -> Result.CREATED;
                    case DUPLICATE -> Result.DUPLICATE;
                    case CONFLICT, REFUSED -> Result.CONFLICT;
                };
        if (result == Result.CONFLICT) {
            DeadLetter letter =
                    DeadLetters.conflict(deliveryId, receivedAt, payload, settings.storePrompts());
            letters.add(letter);
            letterId = letter.id();
        }
        return new IngestItem(
                payload.delivered().position(),
                payload.delivered().line(),
                result,
                outcome.id(),
                outcome.requestId(),
                letterId,
                null);
    }

    private static IngestItem rejected(
            MappedPayload payload, UUID deliveryId, Instant receivedAt, List<DeadLetter> letters) {
        DeadLetter letter = DeadLetters.rejected(deliveryId, receivedAt, payload);
        letters.add(letter);
        return new IngestItem(
                payload.delivered().position(),
                payload.delivered().line(),
                Result.REJECTED,
                null,
                payload.requestId(),
                letter.id(),
                payload.violations());
    }

    /** A batch is an event for the operator; a single payload (one per call) is routine. */
    private static void log(Caller caller, IngestReport report) {
        LOG.logf(
                report.received() > 1 ? Logger.Level.INFO : Logger.Level.DEBUG,
                "litellm delivery %s: %d payloads, %d created, %d duplicates, %d conflicts,"
                        + " %d rejected (caller role %s)",
                report.deliveryId(),
                report.received(),
                report.created(),
                report.duplicates(),
                report.conflicts(),
                report.rejected(),
                caller.role().claim());
        if (report.conflicts() > 0) {
            LOG.warnf(
                    "litellm delivery %s: %d request ids were already stored with different"
                            + " content and are kept as dead letters: %s",
                    report.deliveryId(), report.conflicts(), firstIds(report, Result.CONFLICT));
        }
        if (report.rejected() > 0) {
            IngestItem first =
                    report.items().stream()
                            .filter(item -> item.result() == Result.REJECTED)
                            .findFirst()
                            .orElseThrow();
            LOG.warnf(
                    "litellm delivery %s: %d payloads broke a rule and are kept as dead"
                            + " letters; the first (index %d): %s",
                    report.deliveryId(),
                    report.rejected(),
                    first.index(),
                    DeadLetters.reason(first.errors()));
        }
    }

    private static List<String> firstIds(IngestReport report, Result result) {
        return report.items().stream()
                .filter(item -> item.result() == result)
                .map(IngestItem::requestId)
                .limit(LOGGED_IDS)
                .toList();
    }

    private record Stamped(List<RequestLogRow> rows, Map<RequestLogRow, MappedPayload> sources) {}
}
