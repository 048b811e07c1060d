package dev.tokenledger.legacy.boundary;

import dev.tokenledger.legacy.entity.UsageLogsDryRun;
import dev.tokenledger.legacy.entity.UsageLogsMigrationException;
import dev.tokenledger.legacy.entity.UsageLogsMigrationOptions;
import dev.tokenledger.legacy.entity.UsageLogsMigrationStatus;
import dev.tokenledger.legacy.entity.UsageLogsRetirement;
import dev.tokenledger.legacy.entity.UsageLogsRunReport;
import dev.tokenledger.legacy.entity.UsageLogsVerification;
import dev.tokenledger.legacy.entity.UsageLogsView;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.security.boundary.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operating the usage_logs migration over HTTP, for the service role only: status, dry run, run (in
 * the background, resumable), verification, then renaming and, separately, dropping the legacy
 * table, and the optional read-only view. Options are query parameters, named as the command line's
 * (README, "Migrating a usage_logs table").
 */
@Path("legacy/migration")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "legacy migration")
@SecurityRequirement(name = "bearer")
public class UsageLogsMigrationResource {

    static final int MAX_WAIT_SECONDS = 300;

    @Inject UsageLogsMigrationRunner runner;

    @Inject CurrentCaller currentCaller;

    @Context UriInfo uriInfo;

    @GET
    @Operation(
            summary =
                    "Where the migration stands: phase, progress (rows done, rate, time"
                            + " left), last verification, whether a step is running now.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = UsageLogsMigrationStatus.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "422", ref = "invalid")
    public UsageLogsMigrationStatus status(
            @Parameter(description = SCHEMA) @QueryParam("schema") String schema) {
        return call(() -> runner.migration().status(options("schema", schema).schema()));
    }

    @POST
    @Path("dry-run")
    @Operation(
            summary =
                    "What a run would do, found without writing: counts, rows request_logs would"
                            + " refuse (with reasons), conflicts, totals to fill in, problems.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = UsageLogsDryRun.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    @APIResponse(responseCode = "409", ref = "conflict")
    @APIResponse(responseCode = "422", ref = "invalid")
    public UsageLogsDryRun dryRun(
            @Parameter(description = SCHEMA) @QueryParam("schema") String schema,
            @Parameter(description = TIME_ZONE) @QueryParam("time_zone") String timeZone,
            @Parameter(description = LIST_LIMIT) @QueryParam("list_limit") String listLimit) {
        return call(
                () ->
                        runner.migration()
                                .dryRun(
                                        options(
                                                "schema",
                                                schema,
                                                "time_zone",
                                                timeZone,
                                                "list_limit",
                                                listLimit)));
    }

    @POST
    @Path("run")
    @Operation(
            summary =
                    "Copy every legacy row into request_logs (or resume an interrupted"
                            + " run), then verify per key.",
            description =
                    "The run continues in the background after the response. It answers 200 with"
                        + " the report when it ends within wait_seconds, else 202 with the status"
                        + " and a Location to poll. Rows request_logs would refuse are skipped and"
                        + " listed. A second run copies nothing new.")
    @APIResponse(
            responseCode = "200",
            description = "The run ended within wait_seconds.",
            content = @Content(schema = @Schema(implementation = UsageLogsRunReport.class)))
    @APIResponse(
            responseCode = "202",
            description = "Running; poll the Location.",
            content = @Content(schema = @Schema(implementation = UsageLogsMigrationStatus.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    @APIResponse(responseCode = "409", ref = "conflict")
    @APIResponse(responseCode = "422", ref = "invalid")
    public Response run(
            @Parameter(description = SCHEMA) @QueryParam("schema") String schema,
            @Parameter(description = TIME_ZONE) @QueryParam("time_zone") String timeZone,
            @Parameter(description = "Rows per transaction, 1 to 50000; default 5000.")
                    @QueryParam("batch_size")
                    String batchSize,
            @Parameter(
                            description =
                                    "Pause between batches in ms, 0 to 60000, to spare a busy"
                                            + " database; default 0.")
                    @QueryParam("pause_ms")
                    String pauseMillis,
            @Parameter(description = LIST_LIMIT) @QueryParam("list_limit") String listLimit,
            @Parameter(
                            description =
                                    "How long to wait for the run to end, 0 to 300 s;"
                                            + " default 0.")
                    @QueryParam("wait_seconds")
                    String waitSeconds) {
        UsageLogsMigrationOptions options =
                call(
                        () ->
                                options(
                                        "schema",
                                        schema,
                                        "time_zone",
                                        timeZone,
                                        "batch_size",
                                        batchSize,
                                        "pause_ms",
                                        pauseMillis,
                                        "list_limit",
                                        listLimit));
        int wait = waitSeconds(waitSeconds);

        CompletableFuture<UsageLogsRunReport> outcome = call(() -> runner.start(options));
        try {
            return Response.ok(outcome.get(wait, TimeUnit.SECONDS)).build();
        } catch (TimeoutException stillRunning) {
            return Response.accepted(call(() -> runner.migration().status(options.schema())))
                    .location(statusUri(options.schema()))
                    .build();
        } catch (ExecutionException failed) {
            throw failure(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a run", interrupted);
        }
    }

    @POST
    @Path("verify")
    @Operation(
            summary = "Check every legacy id against request_logs, value by value.",
            description =
                    "passed is true only when every legacy row is in request_logs under"
                            + " its id with equal values; the lists name the rows that are not.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = UsageLogsVerification.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    @APIResponse(responseCode = "409", ref = "conflict")
    @APIResponse(responseCode = "422", ref = "invalid")
    public UsageLogsVerification verify(
            @Parameter(description = SCHEMA) @QueryParam("schema") String schema,
            @Parameter(description = TIME_ZONE) @QueryParam("time_zone") String timeZone,
            @Parameter(description = LIST_LIMIT) @QueryParam("list_limit") String listLimit) {
        return call(
                () ->
                        runner.migration()
                                .verify(
                                        options(
                                                "schema",
                                                schema,
                                                "time_zone",
                                                timeZone,
                                                "list_limit",
                                                listLimit)));
    }

    @POST
    @Path("finish")
    @Operation(
            summary =
                    "Verify under an exclusive lock, then rename usage_logs to"
                            + " usage_logs_retired_<UTC time>. Nothing is dropped.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = UsageLogsRetirement.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    @APIResponse(
            responseCode = "409",
            description =
                    "Verification failed, or the table is in use, not owned by the owner role, or"
                            + " already finished; nothing was renamed.",
            ref = "conflict")
    @APIResponse(responseCode = "422", ref = "invalid")
    public UsageLogsRetirement finish(
            @Parameter(description = SCHEMA) @QueryParam("schema") String schema,
            @Parameter(description = LIST_LIMIT) @QueryParam("list_limit") String listLimit) {
        return call(
                () -> runner.retirer().finish(options("schema", schema, "list_limit", listLimit)));
    }

    @POST
    @Path("drop")
    @Operation(
            summary = "Drop the table finish renamed, after verifying it once more.",
            description = "confirm must name the retired table, as the status shows it.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = UsageLogsRetirement.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "409", ref = "conflict")
    @APIResponse(responseCode = "422", ref = "invalid")
    public UsageLogsRetirement drop(
            @Parameter(description = SCHEMA) @QueryParam("schema") String schema,
            @Parameter(description = "The retired table's name.", required = true)
                    @QueryParam("confirm")
                    String confirm,
            @Parameter(description = LIST_LIMIT) @QueryParam("list_limit") String listLimit) {
        return call(
                () ->
                        runner.retirer()
                                .drop(options("schema", schema, "list_limit", listLimit), confirm));
    }

    @POST
    @Path("view")
    @Operation(
            summary = "Create the read-only usage_logs view over request_logs.",
            description =
                    "Created with security_invoker, so row-level security applies to whoever"
                        + " queries it: users see their own rows, the service role all. Only where"
                        + " no legacy table holds the name; an existing view is kept.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = UsageLogsView.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    @APIResponse(responseCode = "409", ref = "conflict")
    @APIResponse(responseCode = "422", ref = "invalid")
    public UsageLogsView view(
            @Parameter(description = SCHEMA) @QueryParam("schema") String schema) {
        return call(() -> runner.retirer().createView(options("schema", schema)));
    }

    @POST
    @Path("stop")
    @Operation(
            summary = "Stop the migration step running now, on any node or command line.",
            description =
                    "A run on this server stops after its current batch; any other step has its"
                        + " database session ended. Committed batches stay; the next run resumes"
                        + " after the last of them.")
    @APIResponse(responseCode = "200", description = "The step was stopped.")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "409", description = "No step is running.", ref = "conflict")
    public Map<String, Boolean> stop() {
        return call(
                () -> {
                    if (!runner.stop()) {
                        throw UsageLogsMigrationException.conflict("No migration step is running.");
                    }
                    return Map.of("stopped", true);
                });
    }

    private static final String SCHEMA = "Schema of the legacy usage_logs table; default public.";
    private static final String TIME_ZONE =
            "IANA zone the legacy times without zone were"
                    + " written in; default the zone of the first run, else UTC.";
    private static final String LIST_LIMIT = "Rows listed per kind, 1 to 10000; default 100.";

    /** A migration step as the service role; refusals become problem documents. */
    private <T> T call(Step<T> step) {
        currentCaller.get().requireService();
        try {
            return step.run();
        } catch (UsageLogsMigrationException refused) {
            throw problem(refused);
        } catch (SQLException failed) {
            if (UsageLogsMigrationException.isPrivilegeMissing(failed.getSQLState())) {
                throw problem(UsageLogsMigrationException.privilegeMissing(failed.getMessage()));
            }
            throw new IllegalStateException("usage_logs migration step failed", failed);
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws SQLException;
    }

    /** Options from name, value pairs; a value is null when its parameter is absent. */
    private static UsageLogsMigrationOptions options(String... pairs) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            given.put(pairs[i], pairs[i + 1]);
        }
        return UsageLogsMigrationOptions.from(given::get);
    }

    private static int waitSeconds(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds >= 0 && seconds <= MAX_WAIT_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw ProblemException.invalid(
                Violation.atParameter(
                        "wait_seconds",
                        "must be a whole number from 0 to " + MAX_WAIT_SECONDS + "."));
    }

    private URI statusUri(String schema) {
        return uriInfo.getBaseUriBuilder()
                .path(UsageLogsMigrationResource.class)
                .queryParam("schema", schema)
                .build();
    }

    private static RuntimeException failure(Throwable cause) {
        if (cause instanceof UsageLogsMigrationException refused) {
            return problem(refused);
        }
        return cause instanceof RuntimeException unchecked
                ? unchecked
                : new IllegalStateException(cause);
    }

    private static ProblemException problem(UsageLogsMigrationException refused) {
        return switch (refused.kind()) {
            case INVALID ->
                    ProblemException.invalid(
                            Violation.atParameter(refused.option(), refused.getMessage()));
            case NOT_FOUND -> ProblemException.notFound(refused.getMessage());
            case CONFLICT, INTERRUPTED ->
                    ProblemException.conflict(refused.getMessage(), List.of());
        };
    }
}
