package dev.tokenledger.security.boundary;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.security.control.InvalidTokenException;
import dev.tokenledger.security.control.TokenVerifier;
import dev.tokenledger.security.entity.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Establishes the caller of every request before any resource is chosen. The token comes from
 * {@code Authorization: Bearer} or, as Supabase clients send it, the {@code apikey} header; the
 * Authorization header wins when both are present. No token means an anonymous caller; a token that
 * fails verification is a 401, never a silent downgrade to anonymous.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);
    private static final String BEARER = "bearer ";

    @Inject TokenVerifier verifier;

    @Inject CurrentCaller currentCaller;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = token(request);
        if (token == null) {
            currentCaller.set(Caller.anonymous());
            return;
        }
        try {
            currentCaller.set(verifier.verify(token));
        } catch (InvalidTokenException invalid) {
            logRefusal(request, invalid);
            throw ProblemException.invalidToken(invalid.getMessage());
        }
    }

    /**
     * A gateway does not retry and reports a 401 only in its own debug log: a refused token on the
     * ingestion path is something the operator must hear of. Elsewhere it is the client's business.
     */
    private static void logRefusal(ContainerRequestContext request, InvalidTokenException why) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/ingest")) {
            LOG.warnf(
                    "refused a gateway's token on %s, its delivery is lost: %s",
                    path, why.getMessage());
        } else {
            LOG.debugf("refused a token on %s: %s", path, why.getMessage());
        }
    }

    private static String token(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw ProblemException.invalidToken(
                        "Only bearer tokens are accepted in the Authorization header.");
            }
            return authorization.substring(BEARER.length()).trim();
        }
        String apiKey = request.getHeaderString("apikey");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }
}
