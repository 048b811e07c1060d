package dev.tokenledger.requestlog.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.entity.AdditionalDetails;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns the body of {@code POST /request-logs} (one object or an array of up to {@value #MAX_BATCH}
 * objects) into drafts, or refuses it whole with every offending field named by a JSON pointer: a
 * batch is all-or-nothing.
 */
public final class RequestLogParser {

    public static final int MAX_BATCH = 1000;
    public static final int MAX_TEXT = 255;
    public static final int MAX_STATUS = 32;

    /** Times further ahead than this are a sender's clock error, not a request. */
    public static final Duration MAX_FUTURE = Duration.ofDays(1);

    static final Set<String> FIELDS =
            Set.of(
                    "request_id",
                    "created_at",
                    "end_user",
                    "model",
                    "total_cost",
                    "status",
                    "additional_details");

    private RequestLogParser() {}

    /** The drafts, and whether the body was a single object rather than an array. */
    public record Parsed(List<RequestLogDraft> drafts, boolean single) {}

    public static Parsed parse(JsonNode body) {
        if (body.isObject()) {
            return new Parsed(List.of(parseAll(List.of(body), false).get(0)), true);
        }
        if (!body.isArray()) {
            throw ProblemException.invalid(
                    Violation.atPointer("", "must be a request log object or an array of them."));
        }
        if (body.isEmpty()) {
            throw ProblemException.invalid(
                    Violation.atPointer("", "must contain at least one request log."));
        }
        if (body.size() > MAX_BATCH) {
            throw ProblemException.tooLarge(
                    "A batch holds at most "
                            + MAX_BATCH
                            + " request logs; this one has "
                            + body.size()
                            + ".");
        }
        List<JsonNode> items = new ArrayList<>();
        body.forEach(items::add);
        return new Parsed(parseAll(items, true), false);
    }

    private static List<RequestLogDraft> parseAll(List<JsonNode> items, boolean batch) {
        List<Violation> violations = new ArrayList<>();
        List<RequestLogDraft> drafts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String pointer = batch ? Pointers.index("", i) : "";
            drafts.add(parseOne(items.get(i), pointer, violations));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return drafts;
    }

    private static RequestLogDraft parseOne(
            JsonNode item, String pointer, List<Violation> violations) {
        if (!item.isObject()) {
            violations.add(Violation.atPointer(pointer, "must be a request log object."));
            return null;
        }
        rejectUnknownFields(item, pointer, violations);
        String model =
                JsonValues.text(
                        item.get("model"), Pointers.child(pointer, "model"), MAX_TEXT, violations);
        if (JsonValues.absent(item.get("model"))) {
            violations.add(Violation.atPointer(Pointers.child(pointer, "model"), "is required."));
        }
        return new RequestLogDraft(
                JsonValues.text(
                        item.get("request_id"),
                        Pointers.child(pointer, "request_id"),
                        MAX_TEXT,
                        violations),
                createdAt(
                        item.get("created_at"), Pointers.child(pointer, "created_at"), violations),
                JsonValues.text(
                        item.get("end_user"),
                        Pointers.child(pointer, "end_user"),
                        MAX_TEXT,
                        violations),
                model,
                cost(item.get("total_cost"), Pointers.child(pointer, "total_cost"), violations),
                JsonValues.text(
                        item.get("status"),
                        Pointers.child(pointer, "status"),
                        MAX_STATUS,
                        violations),
                details(
                        item.get("additional_details"),
                        Pointers.child(pointer, "additional_details"),
                        violations));
    }

    private static void rejectUnknownFields(
            JsonNode item, String pointer, List<Violation> violations) {
        Iterator<String> names = item.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals("id")) {
                violations.add(
                        Violation.atPointer(
                                Pointers.child(pointer, name),
                                "is assigned by the server; use request_id for your own id."));
            } else if (!FIELDS.contains(name)) {
                violations.add(
                        Violation.atPointer(
                                Pointers.child(pointer, name),
                                "is not a request log field; put extra data in"
                                        + " additional_details."));
            }
        }
    }

    /** A request's time: ISO-8601, not before 1970, at most {@link #MAX_FUTURE} ahead. */
    public static Instant createdAt(JsonNode value, String pointer, List<Violation> violations) {
        Instant time = JsonValues.instant(value, pointer, violations);
        if (time != null && time.isBefore(Instant.EPOCH)) {
            violations.add(Violation.atPointer(pointer, "must not be before 1970."));
            return null;
        }
        if (time != null && time.isAfter(Instant.now().plus(MAX_FUTURE))) {
            violations.add(
                    Violation.atPointer(
                            pointer,
                            "is more than a day in the future; check the sender's clock."));
            return null;
        }
        return time;
    }

    private static BigDecimal cost(JsonNode value, String pointer, List<Violation> violations) {
        return JsonValues.money(value, pointer, violations);
    }

    private static AdditionalDetails details(
            JsonNode value, String pointer, List<Violation> violations) {
        return DetailsValidator.validate(value, pointer, violations);
    }
}
