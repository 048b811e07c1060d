package dev.tokenledger.legacy.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/legacy/sql}. */
@Schema(name = "LegacySqlRequest", requiredProperties = "sql")
public record SqlRequest(
        @Schema(
                        description = "One SELECT written against usage_logs.",
                        example =
                                "SELECT model_name, SUM(cost) AS spend FROM usage_logs"
                                        + " WHERE user_id = 'user-123' GROUP BY model_name")
                String sql,
        @Schema(
                        description =
                                "true runs the translation as the caller and returns its rows;"
                                        + " false (the default) only translates.",
                        defaultValue = "false")
                boolean execute) {

    static SqlRequest of(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        if (!body.isObject()) {
            throw ProblemException.invalid(
                    Violation.atPointer(
                            "", "must be an object with sql and, optionally, execute."));
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("sql") && !name.equals("execute")) {
                violations.add(
                        Violation.atPointer(
                                "/" + name,
                                "is not a field of this request;" + " send sql and execute."));
            }
        }
        JsonNode sql = body.get("sql");
        if (sql == null || !sql.isTextual()) {
            violations.add(Violation.atPointer("/sql", "is required, as a string."));
        }
        JsonNode execute = body.get("execute");
        if (execute != null && !execute.isNull() && !execute.isBoolean()) {
            violations.add(Violation.atPointer("/execute", "must be true or false."));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new SqlRequest(sql.textValue(), execute != null && execute.asBoolean());
    }
}
