package dev.tokenledger.ingest.control;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tokenledger.ingest.entity.DeliveredPayload;
import dev.tokenledger.ingest.entity.Delivery;
import dev.tokenledger.platform.http.BodyTooLargeException;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.platform.json.JsonBodies;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the body of a LiteLLM {@code generic_api} POST into payloads. All three of its formats
 * arrive as application/json: a JSON array ({@code json_array}, the default), one object per line
 * ({@code ndjson}) or one object ({@code single}).
 *
 * <p>A line that is not JSON costs only itself: it becomes an unparseable payload and the other
 * lines go on. A broken array cannot be split, so it is refused whole, as is a body with no JSON at
 * all. NaN and Infinity, which Python's JSON writer emits, are read so that the payload carrying
 * them can be refused on its own instead of the whole batch.
 */
public final class LiteLlmBody {

    /** LiteLLM sends 512 by default; this bounds one transaction, not a normal gateway. */
    public static final int MAX_PAYLOADS = 10_000;

    private static final ObjectReader READER =
            Json.mapper()
                    .reader()
                    .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LiteLlmBody() {}

    public static Delivery read(InputStream body) {
        try {
            return split(body.readAllBytes());
        } catch (BodyTooLargeException tooLarge) {
            throw tooLarge.toProblem();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    static Delivery split(byte[] body) {
        int start = firstContent(body);
        if (start == body.length) {
            throw ProblemException.malformed(
                    "The request body is empty; send LiteLLM logging payloads.");
        }
        return body[start] == '[' ? array(body) : rootValues(body);
    }

    private static Delivery array(byte[] body) {
        List<DeliveredPayload> payloads = new ArrayList<>();
        try (JsonParser parser = READER.createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                add(
                        payloads,
                        DeliveredPayload.parsed(payloads.size(), null, READER.readTree(parser)));
            }
            if (parser.nextToken() != null) {
                throw ProblemException.malformed("The request body has content after its array.");
            }
        } catch (JsonProcessingException malformed) {
            throw unreadable(malformed);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        if (payloads.isEmpty()) {
            throw ProblemException.invalid(
                    Violation.atPointer("", "must contain at least one logging payload."));
        }
        return new Delivery(payloads, false);
    }

    /** One object, or objects one per line; a line that is not JSON is split off on its own. */
    private static Delivery rootValues(byte[] body) {
        List<DeliveredPayload> payloads = new ArrayList<>();
        try (JsonParser parser = READER.createParser(body)) {
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                add(
                        payloads,
                        DeliveredPayload.parsed(payloads.size(), line, READER.readTree(parser)));
            }
        } catch (JsonProcessingException malformed) {
            return lineByLine(body);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        boolean single = payloads.size() == 1;
        if (single) {
            payloads.set(0, DeliveredPayload.parsed(0, null, payloads.get(0).json()));
        }
        return new Delivery(payloads, single);
    }

    private static Delivery lineByLine(byte[] body) {
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
        List<DeliveredPayload> payloads = new ArrayList<>();
        JsonProcessingException firstFailure = null;
        boolean anyParsed = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.equals("\uFEFF")) {
                continue;
            }
            try {
                add(
                        payloads,
                        DeliveredPayload.parsed(
                                payloads.size(),
                                i + 1,
                                READER.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                                        .readTree(line)));
                anyParsed = true;
            } catch (JsonProcessingException malformed) {
                firstFailure = firstFailure == null ? malformed : firstFailure;
                add(
                        payloads,
                        DeliveredPayload.unparseable(
                                payloads.size(),
                                i + 1,
                                lines[i],
                                "line " + (i + 1) + " is not JSON: " + detail(malformed)));
            }
        }
        if (!anyParsed) {
            throw unreadable(firstFailure);
        }
        return new Delivery(payloads, false);
    }

    private static ProblemException unreadable(JsonProcessingException malformed) {
        if (malformed instanceof StreamConstraintsException constraint) {
            return ProblemException.malformed(
                    "The JSON document exceeds a parser limit: " + constraint.getOriginalMessage());
        }
        return ProblemException.malformed(JsonBodies.describe(malformed));
    }

    /**
     * The parser's complaint and the column; the line is the payload's own. The token the parser
     * did not recognise is left out: it is kept and logged, and may be part of a credential.
     */
    static String detail(JsonProcessingException malformed) {
        String message =
                String.valueOf(malformed.getOriginalMessage())
                        .lines()
                        .findFirst()
                        .orElse("malformed JSON")
                        .replaceFirst("^(Unrecognized token) '.*': ", "$1: ");
        return malformed.getLocation() == null
                ? message
                : message + " (column " + malformed.getLocation().getColumnNr() + ")";
    }

    private static void add(List<DeliveredPayload> payloads, DeliveredPayload payload) {
        if (payloads.size() == MAX_PAYLOADS) {
            throw ProblemException.tooLarge(
                    "A delivery holds at most " + MAX_PAYLOADS + " payloads.");
        }
        payloads.add(payload);
    }

    private static int firstContent(byte[] body) {
        int i = 0;
        if (body.length >= 3
                && (body[0] & 0xFF) == 0xEF
                && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i;
    }
}
