package dev.tokenledger.legacy.boundary;

import dev.tokenledger.legacy.control.PostgrestError;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * The PostgREST resource answers only at {@code /rest/v1}; its internal path under {@code /api/v1}
 * is not a second address for it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 50)
@ApplicationScoped
public class InternalPathGuard implements ContainerRequestFilter {

    @Context HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
        if (path.startsWith(UsageLogsResource.PATH)
                && servletRequest.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) == null) {
            throw new PostgrestError(
                    404,
                    "PGRST125",
                    "Invalid path specified in request URL",
                    null,
                    "usage_logs is served at /rest/v1/usage_logs.");
        }
    }
}
