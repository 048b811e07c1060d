package dev.tokenledger.usage.boundary;

import dev.tokenledger.platform.http.QueryParameters;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.security.boundary.CurrentCaller;
import dev.tokenledger.usage.entity.GroupOrder;
import dev.tokenledger.usage.entity.Grouping;
import dev.tokenledger.usage.entity.SummaryRequest;
import dev.tokenledger.usage.entity.UsageSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Usage summaries over the caller's rows. */
@Path("usage")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "usage")
@SecurityRequirement(name = "bearer")
public class UsageResource {

    static final int DEFAULT_GROUPS = 1_000;
    static final int MAX_GROUPS = 10_000;

    @Inject UsageService service;

    @Inject CurrentCaller currentCaller;

    @GET
    @Path("summary")
    @Operation(
            summary = "Totals of requests, tokens and cost, optionally grouped.",
            description =
                    "Covers [from, to). A bare date means the start of that day in tz; a time"
                        + " without an offset is read in tz. Grouping by day uses calendar days in"
                        + " tz, so the days of a range add up to the range's totals in every zone.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = UsageSummary.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "422", ref = "invalid")
    public UsageSummary summary(
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "none",
                                                "model",
                                                "day",
                                                "session",
                                                "end_user"
                                            }),
                            description = "end_user is for the service role only; default none.")
                    @QueryParam("group_by")
                    String groupBy,
            @Parameter(description = "Start, inclusive.") @QueryParam("from") String from,
            @Parameter(description = "End, exclusive.") @QueryParam("to") String to,
            @Parameter(description = "IANA time zone for days and local times; default UTC.")
                    @QueryParam("tz")
                    String tz,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "key",
                                                "requests",
                                                "total_tokens",
                                                "total_cost"
                                            }),
                            description = "Order of the groups: by key (default) or biggest first.")
                    @QueryParam("order")
                    String order,
            @Parameter(
                            description =
                                    "At most this many groups, 1 to 10000; default 1000. With"
                                            + " order, the top N (e.g. order=total_cost&limit=10).")
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "Service role: summarise one end user.")
                    @QueryParam("end_user")
                    String endUser) {
        ZoneId zone = QueryParameters.zone(tz);
        Optional<Instant> start = QueryParameters.time("from", from, zone);
        Optional<Instant> end = QueryParameters.time("to", to, zone);
        QueryParameters.requireOrdered(start, end);
        SummaryRequest request =
                new SummaryRequest(
                        start,
                        end,
                        zone,
                        grouping(groupBy),
                        order(order),
                        Optional.of(QueryParameters.limit(limit, DEFAULT_GROUPS, MAX_GROUPS)),
                        QueryParameters.text("end_user", endUser, 255));

        return service.summarise(currentCaller.get(), request);
    }

    private static GroupOrder order(String order) {
        if (order == null || order.isBlank()) {
            return GroupOrder.KEY;
        }
        return GroupOrder.fromWire(order.trim())
                .orElseThrow(
                        () ->
                                ProblemException.invalid(
                                        Violation.atParameter(
                                                "order",
                                                "must be one of key, requests, total_tokens,"
                                                        + " total_cost.")));
    }

    private static Grouping grouping(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return Grouping.NONE;
        }
        return Grouping.fromWire(groupBy.trim())
                .orElseThrow(
                        () ->
                                ProblemException.invalid(
                                        Violation.atParameter(
                                                "group_by",
                                                "must be one of none, model, day, session,"
                                                        + " end_user.")));
    }
}
