package dev.tokenledger.ingest.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.ingest.entity.ModelPriceDraft;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.control.JsonValues;
import dev.tokenledger.requestlog.control.Pointers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a price as an admin sends it, or refuses it whole with every offending field named: prices
 * are exact decimals of USD per token (numbers or numeric strings, not negative, as the ledger's
 * costs), the date an ISO calendar date.
 */
public final class ModelPriceParser {

    public static final int MAX_PATTERN = 255;

    static final Set<String> FIELDS =
            Set.of(
                    "model_pattern",
                    "input_price",
                    "output_price",
                    "cached_input_price",
                    "valid_from");

    private ModelPriceParser() {}

    public static ModelPriceDraft parse(JsonNode body) {
        if (!body.isObject()) {
            throw ProblemException.invalid(Violation.atPointer("", "must be a price object."));
        }
        List<Violation> violations = new ArrayList<>();
        rejectUnknownFields(body, violations);
        String pattern =
                JsonValues.text(
                        body.get("model_pattern"), "/model_pattern", MAX_PATTERN, violations);
        BigDecimal input = required(body, "input_price", violations);
        BigDecimal output = required(body, "output_price", violations);
        BigDecimal cached =
                JsonValues.money(body.get("cached_input_price"), "/cached_input_price", violations);
        LocalDate validFrom = date(body.get("valid_from"), violations);
        if (JsonValues.absent(body.get("model_pattern"))) {
            violations.add(
                    Violation.atPointer(
                            "/model_pattern",
                            "is required: a model name, or"
                                    + " a pattern where * stands for any characters."));
        }

        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new ModelPriceDraft(pattern, input, output, cached, validFrom);
    }

    private static BigDecimal required(JsonNode body, String field, List<Violation> violations) {
        BigDecimal price = JsonValues.money(body.get(field), "/" + field, violations);
        if (JsonValues.absent(body.get(field))) {
            violations.add(Violation.atPointer("/" + field, "is required: USD per token."));
        }
        return price;
    }

    private static LocalDate date(JsonNode value, List<Violation> violations) {
        if (JsonValues.absent(value)) {
            violations.add(
                    Violation.atPointer(
                            "/valid_from",
                            "is required: the first UTC day"
                                    + " the price applies to, such as 2025-01-01."));
            return null;
        }
        try {
            if (value.isTextual() && value.textValue().length() == 10) {
                return LocalDate.parse(value.textValue());
            }
        } catch (DateTimeParseException notADate) {
            // reported below
        }
        violations.add(
                Violation.atPointer("/valid_from", "must be an ISO-8601 date such as 2025-01-01."));
        return null;
    }

    private static void rejectUnknownFields(JsonNode body, List<Violation> violations) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals("id")) {
                violations.add(Violation.atPointer("/id", "is assigned by the server."));
            } else if (!FIELDS.contains(name)) {
                violations.add(
                        Violation.atPointer(Pointers.child("", name), "is not a price field."));
            }
        }
    }
}
