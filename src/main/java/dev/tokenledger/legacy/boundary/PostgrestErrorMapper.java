package dev.tokenledger.legacy.boundary;

import dev.tokenledger.legacy.control.PostgrestError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Answers the compatibility's own errors with their PostgREST code, details and hint. */
@Provider
@ApplicationScoped
public class PostgrestErrorMapper implements ExceptionMapper<PostgrestError> {

    private static final Logger LOG = Logger.getLogger(PostgrestErrorMapper.class);

    @Inject PostgrestErrors errors;

    @Override
    public Response toResponse(PostgrestError error) {
        LOG.debugf(
                "usage_logs client error %d %s: %s",
                error.status(), error.code(), error.getMessage());
        return errors.render(error);
    }
}
