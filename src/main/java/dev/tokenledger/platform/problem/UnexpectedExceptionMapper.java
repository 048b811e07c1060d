package dev.tokenledger.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The last resort. A refusal by the database that validation should have caught first still
 * reaches the client as a 4xx (see {@link DatabaseRefusal}); anything else is a fault of ours:
 * the client gets an incident id and nothing of the internals, the log gets the stack trace
 * under the same id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        Optional<ProblemException> refusal = DatabaseRefusal.of(exception);
        if (refusal.isPresent()) {
            LOG.warnf("database refused a request that passed validation: %s",
                    refusal.get().getMessage());
            return new ProblemExceptionMapper().toResponse(refusal.get());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(exception, "unexpected server error, incident %s", incident);
        return new Problem(
                        "/problems/internal-error",
                        "Internal server error",
                        500,
                        "The server failed to process the request.",
                        incident,
                        null)
                .toResponse();
    }
}
