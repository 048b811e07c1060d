package dev.tokenledger.legacy.boundary;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tokenledger.legacy.entity.SqlParameter;
import dev.tokenledger.legacy.entity.SqlResult;
import dev.tokenledger.legacy.entity.TranslatedQuery;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A translation, and its rows when it was run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LegacySqlAnswer")
public record SqlAnswer(
        @Schema(
                        description =
                                "The query over request_logs with $1, $2... placeholders: copy it"
                                        + " into your code and bind the parameters.")
                String sql,
        @Schema(
                        description =
                                "The literals of the original, in placeholder order; type unknown"
                                        + " means PostgreSQL types it from where it is used, as it"
                                        + " typed the quoted literal.")
                List<SqlParameter> parameters,
        @Schema(description = "The result columns, under the old usage_logs names.")
                List<String> columns,
        @Schema(
                        nullable = true,
                        description =
                                "When executed: one array of values per row, in" + " column order.")
                List<List<Object>> rows,
        @Schema(nullable = true, description = "When executed: the number of rows returned.")
                Integer rowCount,
        @Schema(
                        nullable = true,
                        description =
                                "When executed: true when more rows matched"
                                        + " than the page limit allows.")
                Boolean truncated) {

    static SqlAnswer translation(TranslatedQuery query) {
        return new SqlAnswer(query.sql(), query.parameters(), query.columns(), null, null, null);
    }

    static SqlAnswer executed(TranslatedQuery query, SqlResult result) {
        return new SqlAnswer(
                query.sql(),
                query.parameters(),
                result.columns(),
                result.rows(),
                result.rows().size(),
                result.truncated());
    }
}
