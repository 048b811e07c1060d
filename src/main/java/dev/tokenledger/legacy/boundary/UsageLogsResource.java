package dev.tokenledger.legacy.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.legacy.control.FilterParser;
import dev.tokenledger.legacy.control.LegacySettings;
import dev.tokenledger.legacy.control.PostgrestError;
import dev.tokenledger.legacy.control.Preferences;
import dev.tokenledger.legacy.control.ReadWindow;
import dev.tokenledger.legacy.control.ResponseShape;
import dev.tokenledger.legacy.control.SelectParser;
import dev.tokenledger.legacy.control.UsageLogBodies;
import dev.tokenledger.legacy.control.UsageLogChanges;
import dev.tokenledger.legacy.control.UsageLogJson;
import dev.tokenledger.legacy.entity.Condition;
import dev.tokenledger.legacy.entity.SelectedColumn;
import dev.tokenledger.legacy.entity.UsageLogPage;
import dev.tokenledger.legacy.entity.UsageLogQuery;
import dev.tokenledger.legacy.entity.UsageLogRow;
import dev.tokenledger.platform.http.AnyQueryParameters;
import dev.tokenledger.platform.json.JsonBodies;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.requestlog.control.RequestLogParser.Parsed;
import dev.tokenledger.security.boundary.CurrentCaller;
import dev.tokenledger.security.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The retired usage_logs table in PostgREST's HTTP dialect, answered from request_logs, so Supabase
 * clients keep working with nothing changed but their base URL. Served at {@code
 * /rest/v1/usage_logs} (see {@link RestV1Forwarding}); OpenAPI shows it there.
 */
@Path(UsageLogsResource.PATH)
@RequestScoped
@AnyQueryParameters
@Tag(name = "legacy usage_logs", description = "Deprecated: PostgREST dialect over request_logs")
@SecurityRequirement(name = "bearer")
public class UsageLogsResource {

    public static final String PATH = "legacy/rest-v1";

    @Inject UsageLogsService service;

    @Inject CurrentCaller currentCaller;

    @Inject LegacySettings settings;

    @Context UriInfo uriInfo;

    @Context HttpHeaders headers;

    @GET
    @Path("usage_logs")
    @Operation(
            deprecated = true,
            summary = "Read usage_logs rows (PostgREST dialect).",
            description =
                    "Filters column=op.value with eq, neq, gt, gte, lt, lte, like, ilike, is,"
                        + " isdistinct, in, not., or=(...), and=(...); select, order, limit,"
                        + " offset, the Range header, Prefer: count=exact and Accept:"
                        + " application/vnd.pgrst.object+json. Users see their own rows, the"
                        + " service role every row. Pages hold at most tokenledger.legacy.max-rows"
                        + " rows.")
    @Parameter(name = "select", description = "Columns, e.g. model_name,cost or alias:cost.")
    @Parameter(name = "order", description = "e.g. created_at.desc,cost.asc.nullslast")
    @Parameter(name = "limit", description = "Rows to return (clamped to the maximum page).")
    @Parameter(name = "offset", description = "Rows to skip.")
    @Parameter(name = "or", description = "Alternatives, e.g. (cost.gt.1,model_name.eq.gpt-4o).")
    @Parameter(name = "and", description = "Conditions that must all hold, in the same syntax.")
    @Parameter(
            name = "Range",
            in = ParameterIn.HEADER,
            description = "Rows first-last (with Range-Unit: items), e.g. 0-24.")
    @Parameter(
            name = "Prefer",
            in = ParameterIn.HEADER,
            description = "count=exact (also planned, estimated) adds the total to Content-Range.")
    @Parameter(
            name = "Accept",
            in = ParameterIn.HEADER,
            description =
                    "application/vnd.pgrst.object+json asks for exactly one row as an object.")
    @APIResponse(
            responseCode = "200",
            description = "Rows in usage_logs shape.",
            headers = @Header(name = "Content-Range", description = "first-last/total"),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = UsageLogSchema[].class)))
    @APIResponse(responseCode = "206", description = "Part of a counted result.")
    @APIResponse(responseCode = "400", ref = "postgrestError")
    @APIResponse(responseCode = "401", ref = "postgrestError")
    @APIResponse(responseCode = "403", ref = "postgrestError")
    @APIResponse(responseCode = "406", ref = "postgrestError")
    @APIResponse(responseCode = "416", ref = "postgrestError")
    public Response read() {
        return read(true);
    }

    @HEAD
    @Path("usage_logs")
    @Operation(
            deprecated = true,
            summary = "As GET, headers only: with Prefer: count=exact, just the count.")
    public Response head() {
        return read(false);
    }

    @POST
    @Path("usage_logs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            deprecated = true,
            summary = "Insert usage_logs rows (one object or an array) as request logs.",
            description =
                    "Stored under the ledger's write rules. Prefer: return=representation"
                            + " answers the stored rows (users and the service role only)."
                            + " columns=a,b keeps only those keys of each row. Upserts (Prefer:"
                            + " resolution=..., on_conflict) are refused with 400.")
    @APIResponse(
            responseCode = "201",
            description = "Stored.",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = UsageLogSchema[].class)))
    @APIResponse(responseCode = "400", ref = "postgrestError")
    @APIResponse(responseCode = "401", ref = "postgrestError")
    @APIResponse(responseCode = "403", ref = "postgrestError")
    @APIResponse(responseCode = "413", ref = "postgrestError")
    @APIResponse(responseCode = "415", ref = "postgrestError")
    public Response insert(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            schema =
                                                    @Schema(
                                                            oneOf = {
                                                                UsageLogSchema.class,
                                                                UsageLogSchema[].class
                                                            })))
                    InputStream body) {
        Caller caller = currentCaller.get();
        Ask ask = ask();
        refuseUpsert(ask);
        Parsed parsed =
                UsageLogBodies.drafts(
                        json(body),
                        Optional.ofNullable(parameter("columns")).map(SelectParser::columns));
        if (ask.prefer().representation()
                && ask.shape() == ResponseShape.OBJECT
                && parsed.drafts().size() != 1) {
            throw ResponseShape.notSingular(parsed.drafts().size());
        }

        List<UsageLogRow> rows =
                service.insert(
                        caller, parsed.drafts(), parsed.single(), ask.prefer().representation());

        return written(201, rows, ask);
    }

    @PATCH
    @Path("usage_logs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            deprecated = true,
            summary = "Update the filtered rows; service role only, and a filter is required.",
            description =
                    "limit, offset and order are refused rather than ignored. Prefer:"
                            + " max-affected=N rolls back and answers 400 (PGRST124) when more"
                            + " rows would change; Prefer: return=representation answers them.")
    @APIResponse(responseCode = "204", description = "Updated.")
    @APIResponse(responseCode = "400", ref = "postgrestError")
    @APIResponse(responseCode = "200", description = "Updated; the rows, as Prefer asked.")
    @APIResponse(responseCode = "401", ref = "postgrestError")
    @APIResponse(responseCode = "403", ref = "postgrestError")
    public Response update(
            @RequestBody(
                            required = true,
                            description = "The columns to set;" + " null removes a details key.",
                            content =
                                    @Content(
                                            schema =
                                                    @Schema(implementation = UsageLogSchema.class)))
                    InputStream body) {
        Caller caller = currentCaller.get();
        caller.requireService();
        Ask ask = ask();
        List<Condition> filters = requiredFilters("UPDATE");
        UsageLogChanges changes = UsageLogChanges.of(json(body));

        List<UsageLogRow> rows =
                service.update(
                        caller, filters, changes, ask.singular(), ask.prefer().maxAffected());

        return written(ask.prefer().representation() ? 200 : 204, rows, ask);
    }

    @DELETE
    @Path("usage_logs")
    @Operation(
            deprecated = true,
            summary = "Delete the filtered rows; service role only, and a filter is required.",
            description =
                    "limit, offset and order are refused rather than ignored. Prefer:"
                            + " max-affected=N rolls back and answers 400 (PGRST124) when more"
                            + " rows would go; Prefer: return=representation answers them.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "400", ref = "postgrestError")
    @APIResponse(responseCode = "200", description = "Deleted; the rows, as Prefer asked.")
    @APIResponse(responseCode = "401", ref = "postgrestError")
    @APIResponse(responseCode = "403", ref = "postgrestError")
    public Response delete() {
        Caller caller = currentCaller.get();
        caller.requireService();
        Ask ask = ask();
        List<Condition> filters = requiredFilters("DELETE");

        List<UsageLogRow> rows =
                service.delete(caller, filters, ask.singular(), ask.prefer().maxAffected());

        return written(ask.prefer().representation() ? 200 : 204, rows, ask);
    }

    @GET
    @Path("{table}")
    @Operation(hidden = true)
    public Response readOther(@PathParam("table") String table) {
        throw unknownTable(table);
    }

    @POST
    @Path("{table}")
    @Operation(hidden = true)
    public Response insertOther(@PathParam("table") String table) {
        throw unknownTable(table);
    }

    @PATCH
    @Path("{table}")
    @Operation(hidden = true)
    public Response updateOther(@PathParam("table") String table) {
        throw unknownTable(table);
    }

    @DELETE
    @Path("{table}")
    @Operation(hidden = true)
    public Response deleteOther(@PathParam("table") String table) {
        throw unknownTable(table);
    }

    private Response read(boolean withBody) {
        MultivaluedMap<String, String> parameters = uriInfo.getQueryParameters();
        Ask ask = ask();
        ReadWindow window =
                ReadWindow.of(
                        parameter("limit"),
                        parameter("offset"),
                        headers.getHeaderString("Range"),
                        settings.maxRows());
        UsageLogQuery query =
                new UsageLogQuery(
                        FilterParser.parse(parameters),
                        SelectParser.order(parameter("order")),
                        window.offset(),
                        window.limit(),
                        ask.prefer().count());

        UsageLogPage page = service.read(currentCaller.get(), query);

        ReadWindow.Answer answer = window.answer(page.rows().size(), page.total());
        if (ask.shape() == ResponseShape.OBJECT && page.rows().size() != 1) {
            throw ResponseShape.notSingular(page.rows().size());
        }
        Response.ResponseBuilder response =
                Response.status(answer.status())
                        .type(ask.shape().contentType())
                        .header("Content-Range", answer.contentRange())
                        .header("Preference-Applied", ask.prefer().appliedHeader());
        if (withBody) {
            response.entity(body(page.rows(), ask));
        }
        return response.build();
    }

    /** What the request asks of the answer: its media type, preferences and columns. */
    private record Ask(ResponseShape shape, Preferences prefer, List<SelectedColumn> selection) {

        boolean singular() {
            return prefer.representation() && shape == ResponseShape.OBJECT;
        }
    }

    private Ask ask() {
        return new Ask(
                ResponseShape.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT)),
                Preferences.of(headers.getRequestHeader("Prefer")),
                SelectParser.select(parameter("select")));
    }

    private Response written(int status, List<UsageLogRow> rows, Ask ask) {
        Response.ResponseBuilder response =
                Response.status(status).header("Preference-Applied", ask.prefer().appliedHeader());
        if (ask.prefer().count()) {
            response.header("Content-Range", "*/" + rows.size());
        }
        if (ask.prefer().representation()) {
            response.type(ask.shape().contentType()).entity(body(rows, ask));
        }
        return response.build();
    }

    private static JsonNode body(List<UsageLogRow> rows, Ask ask) {
        return ask.shape() == ResponseShape.OBJECT
                ? UsageLogJson.object(rows.get(0), ask.selection())
                : UsageLogJson.array(rows, ask.selection());
    }

    /**
     * An upsert answered with a plain insert would duplicate rows or fail on the first existing
     * one, so it is refused up front.
     */
    private void refuseUpsert(Ask ask) {
        if (ask.prefer().resolution() != null || parameter("on_conflict") != null) {
            throw new PostgrestError(
                    400,
                    "PGRST100",
                    "Upserts are not supported on usage_logs",
                    "Prefer: resolution=... and on_conflict ask to merge with existing rows; this"
                            + " endpoint only inserts.",
                    "Insert without them: rows with a request_id already stored count once.");
        }
    }

    /**
     * PostgREST narrows an update or delete by limit and order; ignoring them would change every
     * matching row, so they are refused.
     */
    private List<Condition> requiredFilters(String statement) {
        for (String narrowing : List.of("limit", "offset", "order")) {
            if (parameter(narrowing) != null) {
                throw new PostgrestError(
                        400,
                        "PGRST100",
                        narrowing + " is not supported on " + statement,
                        "A limited " + statement + " is not available on usage_logs.",
                        "Filter the rows exactly (e.g. ?id=in.(...)) and send Prefer:"
                                + " max-affected=N to cap how many may change.");
            }
        }
        List<Condition> filters = FilterParser.parse(uriInfo.getQueryParameters());
        if (filters.isEmpty()) {
            throw new PostgrestError(
                    400,
                    "21000",
                    statement + " requires a WHERE clause",
                    "Changing every row at once is refused.",
                    "Add a filter, for example ?id=eq.<uuid>.");
        }
        return filters;
    }

    private String parameter(String name) {
        return uriInfo.getQueryParameters().getFirst(name);
    }

    private static JsonNode json(InputStream body) {
        try {
            return JsonBodies.read(body);
        } catch (ProblemException malformed) {
            throw new PostgrestError(
                    malformed.status(), "PGRST102", malformed.getMessage(), null, null);
        }
    }

    /** Also reached for usage_logs itself when a body is not JSON: JAX-RS found no better match. */
    private PostgrestError unknownTable(String table) {
        if (table.equals("usage_logs")) {
            return new PostgrestError(
                    415,
                    "PGRST107",
                    "The Content-Type of the request must be" + " application/json.",
                    "It was " + headers.getHeaderString(HttpHeaders.CONTENT_TYPE) + ".",
                    null);
        }
        return new PostgrestError(
                404,
                "PGRST205",
                "Could not find the table 'public." + table + "' in the schema cache",
                null,
                "Perhaps you meant the table" + " 'public.usage_logs'");
    }
}
