package dev.tokenledger.platform.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * A way of writing errors other than RFC 9457, for paths whose clients expect another shape (the
 * legacy PostgREST dialect under /rest/v1). Implementations are CDI beans; the first that applies
 * to a request renders every error of that request, whatever raised it.
 */
public interface ErrorDialect {

    boolean appliesTo(UriInfo request);

    /** The response for a problem; keep its status and the given headers. */
    Response render(Problem problem, Map<String, String> headers);
}
