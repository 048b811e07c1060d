package dev.tokenledger.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Answers every {@link ProblemException} with its problem document; no stack trace logged. */
@Provider
@ApplicationScoped
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @Context UriInfo uriInfo;

    @Inject ErrorResponses responses;

    @Override
    public Response toResponse(ProblemException exception) {
        LOG.debugf("client error %d: %s", exception.status(), exception.getMessage());
        return responses.render(uriInfo, exception.toProblem(), exception.headers());
    }
}
