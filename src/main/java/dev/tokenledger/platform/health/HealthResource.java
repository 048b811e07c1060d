package dev.tokenledger.platform.health;

import dev.tokenledger.platform.schema.SchemaState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Readiness for load balancers and operators: is the database reachable and migrated? */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "health")
public class HealthResource {

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    @Inject SchemaState state;

    @Inject Instance<HealthContributor> contributors;

    @GET
    @Operation(summary = "Readiness: database reachable and schema migrated. Needs no token.")
    @APIResponse(
            responseCode = "200",
            description = "Ready.",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @APIResponse(
            responseCode = "503",
            description = "Not ready; `reason` says why.",
            content = @Content(schema = @Schema(implementation = Health.class)))
    public Response health() {
        String problem = state.isReady() ? problem() : state.problem();
        Health health =
                problem == null
                        ? new Health("UP", "UP", state.version(), null)
                        : new Health("DOWN", "DOWN", state.version(), problem);
        return Response.status(problem == null ? 200 : 503).entity(health).build();
    }

    private String problem() {
        String database = databaseProblem();
        if (database != null) {
            return database;
        }
        for (HealthContributor contributor : contributors) {
            Optional<String> problem = contributor.problem();
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        return null;
    }

    private String databaseProblem() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "The database did not answer within 2 s.";
        } catch (SQLException unreachable) {
            return "Cannot connect to the database: " + unreachable.getMessage();
        }
    }

    /** The health document. */
    @Schema(name = "Health")
    public record Health(String status, String database, String schemaVersion, String reason) {}
}
