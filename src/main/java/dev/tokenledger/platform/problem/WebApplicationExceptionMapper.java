package dev.tokenledger.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Turns the JAX-RS runtime's own refusals (unknown path, wrong method, unsupported media type,
 * unacceptable Accept header) into problem documents, keeping their status and headers.
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class);

    @Context UriInfo uriInfo;

    @Inject ErrorResponses responses;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(exception, "server error %d from the JAX-RS runtime", status);
        } else {
            LOG.debugf("client error %d: %s", status, exception.getMessage());
        }
        Response.StatusType statusInfo = original.getStatusInfo();
        Problem problem =
                new Problem(
                        "about:blank",
                        statusInfo.getReasonPhrase(),
                        status,
                        describe(status),
                        null,
                        null);
        Map<String, String> headers = new LinkedHashMap<>();
        original.getStringHeaders()
                .forEach(
                        (name, values) -> {
                            if (!name.equalsIgnoreCase("Content-Type") && !values.isEmpty()) {
                                headers.put(name, String.join(", ", values));
                            }
                        });
        return responses.render(uriInfo, problem, headers);
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This resource does not support the method; see the Allow header.";
            case 406 -> "The resource cannot produce any media type the Accept header allows.";
            case 415 -> "The request body must be sent as application/json.";
            default -> "The request could not be processed.";
        };
    }
}
