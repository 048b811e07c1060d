package dev.tokenledger.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The last resort. A refusal by the database that validation should have caught first still reaches
 * the client as a 4xx (see {@link DatabaseRefusal}); anything else is a fault of ours: the client
 * gets an incident id and nothing of the internals, the log gets the stack trace under the same id.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Context UriInfo uriInfo;

    @Inject ErrorResponses responses;

    @Override
    public Response toResponse(Throwable exception) {
        Optional<ProblemException> refusal = DatabaseRefusal.of(exception);
        if (refusal.isPresent()) {
            return responses.render(uriInfo, refusal.get().toProblem(), refusal.get().headers());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(exception, "unexpected server error, incident %s", incident);
        Problem problem =
                new Problem(
                        "/problems/internal-error",
                        "Internal server error",
                        500,
                        "The server failed to process the request.",
                        incident,
                        null);
        return responses.render(uriInfo, problem, Map.of());
    }
}
