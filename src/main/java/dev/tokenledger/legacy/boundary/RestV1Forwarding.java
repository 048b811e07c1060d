package dev.tokenledger.legacy.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves Supabase clients at {@code <base>/rest/v1/<table>}, outside the API's {@code /api/v1}: the
 * request is forwarded, unchanged, to the JAX-RS resource that speaks PostgREST. A second JAX-RS
 * application would have been the obvious way, but WildFly allows one servlet mapping per
 * application and SmallRye OpenAPI documents every resource under one application path, so the
 * dialect lives inside the one application and this filter routes to it.
 */
@WebFilter(urlPatterns = RestV1Forwarding.PREFIX + "/*")
public class RestV1Forwarding extends HttpFilter {

    static final String PREFIX = "/rest/v1";
    static final String TARGET = "/api/v1/" + UsageLogsResource.PATH;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path =
                request.getRequestURI()
                        .substring(request.getContextPath().length() + PREFIX.length());
        request.getRequestDispatcher(TARGET + path).forward(request, response);
    }
}
