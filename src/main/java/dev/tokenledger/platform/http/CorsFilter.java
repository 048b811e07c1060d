package dev.tokenledger.platform.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin access, so browser clients (supabase-js in a web page, a dashboard) can call the
 * API. Callers authenticate with bearer tokens, never cookies, so allowing other origins hands them
 * nothing they could not send from anywhere else; TOKENLEDGER_HTTP_CORS_ORIGINS narrows it to a
 * comma-separated list of origins, or turns it off with {@code none}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
@ApplicationScoped
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String EXPOSED_HEADERS =
            "Location, Content-Range, Deprecation, Link, Sunset, Retry-After, Preference-Applied";

    @Inject
    @ConfigProperty(name = "tokenledger.http.cors-origins", defaultValue = "*")
    String origins;

    /** Answers a preflight at once: nothing behind it needs to see it. */
    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        String method = request.getHeaderString("Access-Control-Request-Method");
        if (origin == null || method == null || !HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        Response.ResponseBuilder preflight = Response.noContent();
        String allowed = allowedOrigin(origin);
        if (allowed != null) {
            preflight
                    .header("Access-Control-Allow-Origin", allowed)
                    .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .header("Access-Control-Max-Age", "600")
                    .header("Vary", "Origin");
            String headers = request.getHeaderString("Access-Control-Request-Headers");
            if (headers != null) {
                preflight.header("Access-Control-Allow-Headers", headers);
            }
        }
        request.abortWith(preflight.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        String allowed = origin == null ? null : allowedOrigin(origin);
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (allowed != null && !headers.containsKey("Access-Control-Allow-Origin")) {
            headers.putSingle("Access-Control-Allow-Origin", allowed);
            headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            headers.add("Vary", "Origin");
        }
    }

    /** The Access-Control-Allow-Origin value for this origin, or null when it is not allowed. */
    private String allowedOrigin(String origin) {
        String configured = origins == null ? "" : origins.trim();
        if (configured.equals("*")) {
            return "*";
        }
        Set<String> listed =
                Arrays.stream(configured.split(","))
                        .map(String::trim)
                        .filter(entry -> !entry.isEmpty())
                        .collect(Collectors.toSet());
        return listed.contains(origin) ? origin : null;
    }
}
