package dev.tokenledger.platform.http;

import dev.tokenledger.platform.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses bodies over the documented maximum before reading them: at once when Content-Length says
 * so, otherwise as soon as the streamed body passes the limit.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class BodyLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "tokenledger.http.max-body-bytes", defaultValue = "10485760")
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            throw tooLarge(maxBodyBytes);
        }
        if (request.hasEntity()) {
            request.setEntityStream(
                    new LimitedInputStream(request.getEntityStream(), maxBodyBytes));
        }
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBodyBytes;
        } catch (NumberFormatException unreadable) {
            throw ProblemException.malformed("The Content-Length header is not a number.");
        }
    }

    static ProblemException tooLarge(long limit) {
        return ProblemException.tooLarge(
                "The request body exceeds the maximum of " + limit + " bytes.");
    }
}
