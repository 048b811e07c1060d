package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.SqlParameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the literals of a query as bind parameters and writes their placeholders: numbered
 * ({@code $1}) in the text people read, {@code ?} in the text JDBC runs. Both renderings visit the
 * query in the same order, so the numbers match.
 */
final class Placeholders {

    private final boolean numbered;
    private final List<SqlParameter> parameters = new ArrayList<>();

    Placeholders(boolean numbered) {
        this.numbered = numbered;
    }

    /** The placeholder for a new parameter; {@code text} ones carry an explicit cast. */
    String add(Object value, String type) {
        parameters.add(new SqlParameter(value, type));
        String placeholder = numbered ? "$" + parameters.size() : "?";
        return type.equals("text") ? placeholder + "::text" : placeholder;
    }

    List<SqlParameter> parameters() {
        return parameters;
    }
}
