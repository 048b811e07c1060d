package dev.tokenledger.legacy.boundary;

import dev.tokenledger.legacy.control.LegacySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Marks every answer of the legacy paths, errors included, as deprecated (RFC 9745) and points
 * integrators at the request_logs API that replaces them.
 */
@Provider
@ApplicationScoped
public class CompatHeaders implements ContainerResponseFilter {

    static final String LINK =
            "</api/v1/request-logs>; rel=\"successor-version\","
                    + " </openapi>; rel=\"deprecation\"; type=\"application/yaml\"";

    @Inject LegacySettings settings;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (isLegacy(request.getUriInfo())) {
            addTo(response.getHeaders());
        }
    }

    static boolean isLegacy(UriInfo uri) {
        return uri != null && uri.getPath().replaceFirst("^/+", "").startsWith("legacy/");
    }

    void addTo(MultivaluedMap<String, Object> headers) {
        headers.putSingle("Deprecation", settings.deprecationHeader());
        headers.putSingle("Link", LINK);
        settings.sunsetHeader().ifPresent(date -> headers.putSingle("Sunset", date));
    }
}
