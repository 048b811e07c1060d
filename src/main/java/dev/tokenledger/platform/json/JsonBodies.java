package dev.tokenledger.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.platform.http.BodyTooLargeException;
import dev.tokenledger.platform.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body as one JSON document, turning parse failures into client errors. */
public final class JsonBodies {

    private JsonBodies() {}

    public static JsonNode read(InputStream body) {
        try {
            JsonNode document = Json.mapper().readTree(body);
            if (document == null || document.isMissingNode()) {
                throw ProblemException.malformed(
                        "The request body is empty; send a JSON document.");
            }
            return document;
        } catch (BodyTooLargeException tooLarge) {
            throw tooLarge.toProblem();
        } catch (StreamConstraintsException constraint) {
            throw ProblemException.malformed(
                    "The JSON document exceeds a parser limit: " + constraint.getOriginalMessage());
        } catch (JsonProcessingException malformed) {
            throw ProblemException.malformed(describe(malformed));
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /** A parser message without the echo of the input Jackson appends to it. */
    public static String describe(JsonProcessingException malformed) {
        String message = malformed.getOriginalMessage();
        if (message == null) {
            message = "Malformed JSON";
        }
        int cut = message.indexOf('\n');
        message = cut < 0 ? message : message.substring(0, cut);
        if (malformed.getLocation() != null) {
            message +=
                    " (line "
                            + malformed.getLocation().getLineNr()
                            + ", column "
                            + malformed.getLocation().getColumnNr()
                            + ")";
        }
        return "The request body is not valid JSON: " + message;
    }
}
