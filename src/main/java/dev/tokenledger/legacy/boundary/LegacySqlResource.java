package dev.tokenledger.legacy.boundary;

import dev.tokenledger.legacy.control.SqlTranslator;
import dev.tokenledger.legacy.entity.TranslatedQuery;
import dev.tokenledger.platform.json.JsonBodies;
import dev.tokenledger.security.boundary.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Translates SQL reports written against usage_logs into SQL over request_logs, and runs them for
 * integrators that cannot change their reports yet.
 */
@Path("legacy/sql")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "legacy usage_logs")
@SecurityRequirement(name = "bearer")
public class LegacySqlResource {

    @Inject LegacySqlService service;

    @Inject CurrentCaller currentCaller;

    @POST
    @Operation(
            deprecated = true,
            summary = "Translate a usage_logs SELECT to request_logs, and optionally run it.",
            description =
                    "Accepts one SELECT over usage_logs (an alias is fine) using columns of"
                        + " usage_logs, comparisons, AND/OR/NOT, LIKE/ILIKE, IN lists, BETWEEN, IS"
                        + " NULL, arithmetic, CASE, casts to plain types, EXTRACT, INTERVAL"
                        + " literals and the functions count, sum, avg, min, max, date_trunc,"
                        + " date_part, to_char, coalesce, nullif, greatest, least, round, trunc,"
                        + " floor, ceil, abs, lower, upper, length, left, right, concat and now;"
                        + " GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET. Anything else (other"
                        + " statements, other tables, joins, subqueries, UNION, other functions) is"
                        + " refused with 422 and the reason. Translating needs no particular role;"
                        + " running needs a user (their rows only) or the service role, and runs"
                        + " read-only, in UTC, with a statement timeout and at most"
                        + " tokenledger.legacy.max-rows rows.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = SqlRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The translation, with rows if run.",
            content = @Content(schema = @Schema(implementation = SqlAnswer.class)))
    @APIResponse(responseCode = "400", ref = "malformed")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "413", ref = "tooLarge")
    @APIResponse(responseCode = "415", ref = "unsupportedMediaType")
    @APIResponse(
            responseCode = "422",
            description =
                    "The SQL was refused (not a single SELECT over usage_logs, an unknown column or"
                            + " function, a PostgreSQL error when run, a timeout); the detail says"
                            + " why.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "Problem")))
    public SqlAnswer translate(InputStream body) {
        SqlRequest request = SqlRequest.of(JsonBodies.read(body));
        TranslatedQuery query = SqlTranslator.translate(request.sql());
        if (!request.execute()) {
            return SqlAnswer.translation(query);
        }

        return SqlAnswer.executed(query, service.run(currentCaller.get(), query));
    }
}
