package dev.tokenledger.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Answers every {@link ProblemException} with its problem document; no stack trace logged. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class);

    @Override
    public Response toResponse(ProblemException exception) {
        LOG.debugf("client error %d: %s", exception.status(), exception.getMessage());
        Response.ResponseBuilder response =
                Response.status(exception.status())
                        .type(Problem.MEDIA)
                        .entity(exception.toProblem());
        exception.headers().forEach(response::header);
        return response.build();
    }
}
