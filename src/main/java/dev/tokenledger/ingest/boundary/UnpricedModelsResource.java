package dev.tokenledger.ingest.boundary;

import dev.tokenledger.ingest.entity.Repricing;
import dev.tokenledger.platform.http.QueryParameters;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.control.RequestLogParser;
import dev.tokenledger.security.boundary.CurrentCaller;
import dev.tokenledger.security.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Models whose gateway rows arrived without a usable cost and found no catalog price, and the
 * recomputation that prices them once an admin has added one.
 */
@Path("unpriced-models")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "price catalog")
@SecurityRequirement(name = "bearer")
public class UnpricedModelsResource {

    @Inject PriceCatalogService service;

    @Inject CurrentCaller currentCaller;

    @GET
    @Operation(summary = "Models with unpriced rows and their request counts (service role).")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = UnpricedModelList.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    public UnpricedModelList list() {
        Caller caller = currentCaller.get();
        caller.requireService();
        return new UnpricedModelList(service.unpricedModels(caller));
    }

    @POST
    @Path("recompute")
    @Operation(
            summary = "Price the unpriced rows the catalog now covers (service role).",
            description =
                    "Each row gets the price that applied on its own UTC day, marked cost_source:"
                        + " catalog with the price_id. Rows whose cost the gateway sent are never"
                        + " changed.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = Repricing.class)))
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "422", ref = "invalid")
    public Repricing recompute(
            @Parameter(description = "Only this model's rows.") @QueryParam("model") String model,
            @Parameter(
                            description =
                                    "Also price again rows priced from the catalog before (after"
                                            + " correcting or removing a price); default false.")
                    @QueryParam("include_catalog_priced")
                    String includeCatalogPriced) {
        Caller caller = currentCaller.get();
        caller.requireService();
        boolean catalogPriced = flag("include_catalog_priced", includeCatalogPriced);

        return service.recompute(
                caller,
                QueryParameters.text("model", model, RequestLogParser.MAX_TEXT),
                catalogPriced);
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.trim().equals("false")) {
            return false;
        }
        if (value.trim().equals("true")) {
            return true;
        }
        throw ProblemException.invalid(Violation.atParameter(name, "must be true or false."));
    }
}
