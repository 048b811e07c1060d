package dev.tokenledger.platform.http;

import dev.tokenledger.platform.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;

/**
 * Bodies are read as uncompressed UTF-8 JSON. A compressed body or another charset would otherwise
 * be read as garbled JSON and refused with a misleading 400; this says what is wrong with a 415
 * instead.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 90)
@ApplicationScoped
public class BodyEncodingFilter implements ContainerRequestFilter {

    private static final Set<String> UTF_8 = Set.of("utf-8", "utf8", "us-ascii");

    @Override
    public void filter(ContainerRequestContext request) {
        String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null
                && !encoding.isBlank()
                && !encoding.trim().equalsIgnoreCase("identity")) {
            throw unsupported(
                    "Content-Encoding "
                            + encoding.trim()
                            + " is not supported; send"
                            + " the body uncompressed.");
        }
        MediaType type = request.getMediaType();
        String charset =
                type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !UTF_8.contains(charset.trim().toLowerCase(Locale.ROOT))) {
            throw unsupported(
                    "Bodies must be UTF-8; charset " + charset.trim() + " is not supported.");
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(
                415, "/problems/unsupported-media-type", "Unsupported Media Type", detail);
    }
}
