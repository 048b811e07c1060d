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
import java.util.List;

/**
 * Marks every answer of the compatibility paths (the PostgREST dialect and the SQL translation),
 * errors included, as deprecated (RFC 9745) and points integrators at the request_logs API that
 * replaces them. The usage_logs migration is not deprecated: it is how an operator retires them.
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

    private static final List<String> COMPAT_PATHS = List.of("legacy/rest-v1", "legacy/sql");

    static boolean isLegacy(UriInfo uri) {
        if (uri == null) {
            return false;
        }
        String path = uri.getPath().replaceFirst("^/+", "");
        return COMPAT_PATHS.stream()
                .anyMatch(compat -> path.equals(compat) || path.startsWith(compat + "/"));
    }

    void addTo(MultivaluedMap<String, Object> headers) {
        headers.putSingle("Deprecation", settings.deprecationHeader());
        headers.putSingle("Link", LINK);
        settings.sunsetHeader().ifPresent(date -> headers.putSingle("Sunset", date));
    }
}
