package dev.tokenledger.requestlog.boundary;

import dev.tokenledger.platform.http.QueryParameters;
import dev.tokenledger.platform.json.JsonBodies;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.requestlog.control.RequestLogParser;
import dev.tokenledger.requestlog.control.RequestLogParser.Parsed;
import dev.tokenledger.requestlog.control.WritePolicy;
import dev.tokenledger.requestlog.entity.PageCursor;
import dev.tokenledger.requestlog.entity.RequestLogFilter;
import dev.tokenledger.requestlog.entity.RequestLogRecord;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.requestlog.entity.WriteOutcome.Result;
import dev.tokenledger.security.boundary.CurrentCaller;
import dev.tokenledger.security.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ledger's own API: record request logs and read your own back. */
@Path("request-logs")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "request logs")
@SecurityRequirement(name = "bearer")
public class RequestLogsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    @Inject RequestLogService service;

    @Inject WritePolicy writePolicy;

    @Inject CurrentCaller currentCaller;

    @Context UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record one request log, or a batch of up to 1,000 (all or nothing).",
            description =
                    "Anyone may write: users as themselves, anonymous callers (unless disabled)"
                        + " with their rows marked, gateways and the service role for any end user."
                        + " A request_id already stored with the same content is answered with the"
                        + " stored id and writes nothing.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            oneOf = {
                                                RequestLogInput.class,
                                                RequestLogInput[].class
                                            })))
    @APIResponse(
            responseCode = "201",
            description =
                    "Stored. One object answers with its outcome and a Location header; an array"
                            + " with counts and outcomes in order.",
            content = @Content(schema = @Schema(oneOf = {WriteOutcome.class, WriteResult.class})))
    @APIResponse(
            responseCode = "200",
            description = "Nothing new: every row was a duplicate.",
            content = @Content(schema = @Schema(oneOf = {WriteOutcome.class, WriteResult.class})))
    @APIResponse(responseCode = "400", ref = "malformed")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "409", ref = "conflict")
    @APIResponse(responseCode = "413", ref = "tooLarge")
    @APIResponse(responseCode = "415", ref = "unsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "invalid")
    public Response record(InputStream body) {
        Caller caller = currentCaller.get();
        writePolicy.requireWriter(caller);
        Parsed parsed = RequestLogParser.parse(JsonBodies.read(body));

        List<WriteOutcome> outcomes =
                parsed.single()
                        ? List.of(service.recordOne(caller, parsed.drafts().get(0)))
                        : service.record(caller, parsed.drafts(), false);

        boolean anyCreated = outcomes.stream().anyMatch(o -> o.result() == Result.CREATED);
        Response.ResponseBuilder response = Response.status(anyCreated ? 201 : 200);
        if (!parsed.single()) {
            return response.entity(WriteResult.of(outcomes)).build();
        }
        WriteOutcome outcome = outcomes.get(0);
        return response.location(
                        uriInfo.getAbsolutePathBuilder().path(outcome.id().toString()).build())
                .entity(outcome)
                .build();
    }

    @GET
    @Operation(
            summary = "List your request logs, newest first.",
            description =
                    "Users see their own rows; the service role sees every row and may filter by"
                        + " end_user. Times without an offset are UTC; a bare date means the start"
                        + " of that day.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = RequestLogPage.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "422", ref = "invalid")
    public RequestLogPage list(
            @Parameter(description = "Earliest created_at, inclusive.") @QueryParam("from")
                    String from,
            @Parameter(description = "Latest created_at, exclusive.") @QueryParam("to") String to,
            @QueryParam("model") String model,
            @QueryParam("session_id") String sessionId,
            @QueryParam("status") String status,
            @Parameter(description = "Service role only, or your own id.") @QueryParam("end_user")
                    String endUser,
            @Parameter(description = "Page size, 1 to 1000; default 50.") @QueryParam("limit")
                    String limit,
            @Parameter(description = "next_cursor of the previous page.") @QueryParam("cursor")
                    String cursor) {
        RequestLogFilter filter =
                new RequestLogFilter(
                        QueryParameters.time("from", from, ZoneOffset.UTC),
                        QueryParameters.time("to", to, ZoneOffset.UTC),
                        QueryParameters.text("end_user", endUser, RequestLogParser.MAX_TEXT),
                        QueryParameters.text("model", model, RequestLogParser.MAX_TEXT),
                        QueryParameters.text("session_id", sessionId, RequestLogParser.MAX_TEXT),
                        QueryParameters.text("status", status, RequestLogParser.MAX_STATUS));
        QueryParameters.requireOrdered(filter.from(), filter.to());
        int pageSize = QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Optional<PageCursor> after = PageCursor.parameter(cursor);

        List<RequestLogRecord> rows =
                service.list(currentCaller.get(), filter, after, pageSize + 1);

        boolean more = rows.size() > pageSize;
        List<RequestLogRecord> page = more ? rows.subList(0, pageSize) : rows;
        String next = more ? PageCursor.after(page.get(page.size() - 1)).encode() : null;
        return new RequestLogPage(page.stream().map(RequestLogView::of).toList(), next);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request log; 404 unless it is yours (or you are the service role).")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = RequestLogView.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    public RequestLogView find(@PathParam("id") String id) {
        Caller caller = currentCaller.get();
        caller.requireReader();
        return QueryParameters.uuid(id)
                .flatMap(uuid -> service.find(caller, uuid))
                .map(RequestLogRecord::of)
                .map(RequestLogView::of)
                .orElseThrow(() -> ProblemException.notFound("No request log " + id + "."));
    }
}
