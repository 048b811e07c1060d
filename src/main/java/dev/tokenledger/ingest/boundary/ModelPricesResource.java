package dev.tokenledger.ingest.boundary;

import dev.tokenledger.ingest.control.ModelPriceParser;
import dev.tokenledger.ingest.entity.ModelPrice;
import dev.tokenledger.ingest.entity.ModelPriceDraft;
import dev.tokenledger.platform.http.QueryParameters;
import dev.tokenledger.platform.json.JsonBodies;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.security.boundary.CurrentCaller;
import dev.tokenledger.security.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The price catalog: what models cost per token, managed by the service role. A price applies to
 * gateway rows that arrive without a usable cost; rows already stored are priced by recomputing
 * (see unpriced-models).
 */
@Path("model-prices")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "price catalog")
@SecurityRequirement(name = "bearer")
public class ModelPricesResource {

    @Inject PriceCatalogService service;

    @Inject CurrentCaller currentCaller;

    @Context UriInfo uriInfo;

    @GET
    @Operation(summary = "The whole catalog (service role).")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = ModelPriceList.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    public ModelPriceList list() {
        Caller caller = currentCaller.get();
        caller.requireService();
        return new ModelPriceList(service.list(caller).stream().map(ModelPriceView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a price (service role).",
            description = "One price per pattern and" + " valid_from date; a second is a 409.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ModelPriceInput.class)))
    @APIResponse(
            responseCode = "201",
            description = "Added; Location names it.",
            content = @Content(schema = @Schema(implementation = ModelPriceView.class)))
    @APIResponse(responseCode = "400", ref = "malformed")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "409", description = "The pattern has a price from that date.")
    @APIResponse(responseCode = "415", ref = "unsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "invalid")
    public Response add(InputStream body) {
        Caller caller = currentCaller.get();
        caller.requireService();
        ModelPriceDraft draft = ModelPriceParser.parse(JsonBodies.read(body));

        ModelPrice price = service.add(caller, draft);

        return Response.created(
                        uriInfo.getAbsolutePathBuilder().path(price.getId().toString()).build())
                .entity(ModelPriceView.of(price))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One price (service role).")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = ModelPriceView.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    public ModelPriceView find(@PathParam("id") String id) {
        Caller caller = currentCaller.get();
        caller.requireService();
        return QueryParameters.uuid(id)
                .flatMap(uuid -> service.find(caller, uuid))
                .map(ModelPriceView::of)
                .orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Correct a price (service role).",
            description =
                    "Replaces every"
                            + " field. Rows priced before keep their cost until recomputed with"
                            + " include_catalog_priced=true.")
    @RequestBody(
            required = true,
            content = @Content(schema = @Schema(implementation = ModelPriceInput.class)))
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = ModelPriceView.class)))
    @APIResponse(responseCode = "400", ref = "malformed")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    @APIResponse(
            responseCode = "409",
            description = "The pattern has another price from that" + " date.")
    @APIResponse(responseCode = "422", ref = "invalid")
    public ModelPriceView replace(@PathParam("id") String id, InputStream body) {
        Caller caller = currentCaller.get();
        caller.requireService();
        Optional<UUID> uuid = QueryParameters.uuid(id);
        ModelPriceDraft draft = ModelPriceParser.parse(JsonBodies.read(body));

        return uuid.flatMap(found -> service.replace(caller, found, draft))
                .map(ModelPriceView::of)
                .orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Remove a price (service role).",
            description =
                    "Rows priced with it"
                            + " keep their cost until recomputed with include_catalog_priced=true.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    public Response remove(@PathParam("id") String id) {
        Caller caller = currentCaller.get();
        caller.requireService();
        if (QueryParameters.uuid(id).map(uuid -> service.remove(caller, uuid)).orElse(false)) {
            return Response.noContent().build();
        }
        throw notFound(id);
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No model price " + id + ".");
    }
}
