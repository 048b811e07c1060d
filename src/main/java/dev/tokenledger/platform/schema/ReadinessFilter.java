package dev.tokenledger.platform.schema;

import dev.tokenledger.platform.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Answers 503 to everything but the health endpoint while the database is not ready. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
@ApplicationScoped
public class ReadinessFilter implements ContainerRequestFilter {

    @Inject SchemaState state;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!state.isReady() && !request.getUriInfo().getPath().startsWith("/health")) {
            throw ProblemException.unavailable(
                    "The database is not ready; see the health endpoint and the server log.");
        }
    }
}
