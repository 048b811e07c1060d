package dev.tokenledger.ingest.boundary;

import dev.tokenledger.ingest.entity.DeadLetter;
import dev.tokenledger.ingest.entity.DeadLetterKind;
import dev.tokenledger.platform.http.QueryParameters;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.entity.PageCursor;
import dev.tokenledger.security.boundary.CurrentCaller;
import dev.tokenledger.security.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Gateway payloads that did not become request logs, for the service role to inspect. */
@Path("ingest/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "gateway ingestion")
@SecurityRequirement(name = "bearer")
public class DeadLettersResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @Inject DeadLetterService service;

    @Inject CurrentCaller currentCaller;

    @GET
    @Operation(summary = "List dead letters, newest first (service role).")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = DeadLetterPage.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "422", ref = "invalid")
    public DeadLetterPage list(
            @Parameter(description = "Only this delivery's letters (its delivery_id).")
                    @QueryParam("delivery_id")
                    String deliveryId,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"rejected", "conflict"}))
                    @QueryParam("kind")
                    String kind,
            @Parameter(description = "Page size, 1 to 500; default 50.") @QueryParam("limit")
                    String limit,
            @Parameter(description = "next_cursor of the previous page.") @QueryParam("cursor")
                    String cursor) {
        Caller caller = currentCaller.get();
        caller.requireService();
        List<Violation> violations = new ArrayList<>();
        Optional<UUID> delivery =
                parameter(
                        "delivery_id",
                        deliveryId,
                        QueryParameters::uuid,
                        "must be a delivery id (a UUID).",
                        violations);
        Optional<DeadLetterKind> wanted =
                parameter(
                        "kind",
                        kind,
                        DeadLetterKind::fromWire,
                        "must be rejected or conflict.",
                        violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        int pageSize = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);

        List<DeadLetter> letters =
                service.list(caller, delivery, wanted, PageCursor.parameter(cursor), pageSize + 1);

        boolean more = letters.size() > pageSize;
        List<DeadLetter> page = more ? letters.subList(0, pageSize) : letters;
        DeadLetter last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new DeadLetterPage(
                page, more ? new PageCursor(last.receivedAt(), last.id()).encode() : null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One dead letter (service role).")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    public DeadLetter find(@PathParam("id") String id) {
        Caller caller = currentCaller.get();
        caller.requireService();
        return QueryParameters.uuid(id)
                .flatMap(uuid -> service.find(caller, uuid))
                .orElseThrow(() -> ProblemException.notFound("No dead letter " + id + "."));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Clear a dead letter once it is handled (service role).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    public Response delete(@PathParam("id") String id) {
        Caller caller = currentCaller.get();
        caller.requireService();
        if (QueryParameters.uuid(id).map(uuid -> service.delete(caller, uuid)).orElse(false)) {
            return Response.noContent().build();
        }
        throw ProblemException.notFound("No dead letter " + id + ".");
    }

    /** An optional parameter read by {@code reader}; a value it cannot read is a violation. */
    private static <T> Optional<T> parameter(
            String name,
            String value,
            Function<String, Optional<T>> reader,
            String rule,
            List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<T> read = reader.apply(value.trim());
        if (read.isEmpty()) {
            violations.add(Violation.atParameter(name, rule));
        }
        return read;
    }
}
