package dev.tokenledger.legacy.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Documents the PostgREST resource where clients reach it, {@code /rest/v1/...}, rather than at its
 * internal JAX-RS path (see {@link RestV1Forwarding}). Named in microprofile-config.properties as
 * {@code mp.openapi.filter}.
 */
public class LegacyOpenApiPaths implements OASFilter {

    private static final String INTERNAL = "/api/v1/" + UsageLogsResource.PATH + "/";
    private static final String PUBLIC = RestV1Forwarding.PREFIX + "/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        Map<String, PathItem> moved = new LinkedHashMap<>();
        paths.getPathItems()
                .forEach(
                        (path, item) -> {
                            if (path.startsWith(INTERNAL)) {
                                moved.put(path, item);
                            }
                        });
        moved.forEach(
                (path, item) -> {
                    paths.removePathItem(path);
                    paths.addPathItem(PUBLIC + path.substring(INTERNAL.length()), item);
                });
    }
}
