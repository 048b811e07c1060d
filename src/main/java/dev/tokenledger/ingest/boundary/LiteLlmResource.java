package dev.tokenledger.ingest.boundary;

import dev.tokenledger.ingest.control.IngestSettings;
import dev.tokenledger.ingest.control.LiteLlmBody;
import dev.tokenledger.ingest.control.LiteLlmMapper;
import dev.tokenledger.ingest.entity.Delivery;
import dev.tokenledger.ingest.entity.IngestReport;
import dev.tokenledger.ingest.entity.MappedPayload;
import dev.tokenledger.requestlog.control.RequestLogIds;
import dev.tokenledger.security.boundary.CurrentCaller;
import dev.tokenledger.security.entity.Caller;
import dev.tokenledger.security.entity.CallerRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The URL a LiteLLM gateway's generic_api logging callback posts to. */
@Path("ingest/litellm")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "gateway ingestion")
@SecurityRequirement(name = "bearer")
public class LiteLlmResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject IngestService service;

    @Inject IngestSettings settings;

    @Inject CurrentCaller currentCaller;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(
            summary =
                    "Record LiteLLM logging payloads: a JSON array, one object per line,"
                            + " or one object.",
            description =
                    "For the ingest role (gateways) and the service role. Good payloads are stored,"
                        + " each request id once however often it comes; each bad payload and each"
                        + " request id reused with different content is kept as a dead letter with"
                        + " the reason. Everything commits together before the answer.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            oneOf = {
                                                LiteLlmPayloadInput[].class,
                                                LiteLlmPayloadInput.class
                                            })))
    @APIResponse(
            responseCode = "201",
            description = "Stored; at least one row was created.",
            content = @Content(schema = @Schema(implementation = IngestReport.class)))
    @APIResponse(
            responseCode = "200",
            description =
                    "Stored; no new row (duplicates, conflicts"
                            + " or a mix with rejected payloads).",
            content = @Content(schema = @Schema(implementation = IngestReport.class)))
    @APIResponse(responseCode = "400", ref = "malformed")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "413", ref = "tooLarge")
    @APIResponse(responseCode = "415", ref = "unsupportedMediaType")
    @APIResponse(
            responseCode = "422",
            description = "Every payload broke a rule; each was kept" + " as a dead letter.",
            ref = "invalid")
    // TODO(ingest): the body limit is the server-wide TOKENLEDGER_HTTP_MAX_BODY_BYTES; a batch
    // of 512 payloads with long prompts can pass 10 MiB and is then refused (413) and lost by
    // the gateway. A larger limit here needs a streaming parse that drops prompts as it reads.
    public Response ingest(InputStream body) {
        Caller caller = currentCaller.get();
        caller.require(CallerRole.INGEST, CallerRole.SERVICE);
        Delivery delivery = LiteLlmBody.read(body);
        LiteLlmMapper mapper = new LiteLlmMapper(settings.storePrompts());
        List<MappedPayload> payloads = delivery.payloads().stream().map(mapper::map).toList();

        IngestReport report = service.record(caller, RequestLogIds.next(), payloads);

        if (report.rejected() == report.received()) {
            throw RejectedDelivery.of(report, delivery.single());
        }
        return Response.status(report.created() > 0 ? 201 : 200).entity(report).build();
    }
}
