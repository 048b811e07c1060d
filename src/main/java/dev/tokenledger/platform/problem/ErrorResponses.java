package dev.tokenledger.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * Renders a problem for the current request: in the dialect its path asks for, else as
 * application/problem+json. Every exception mapper answers through here.
 */
@ApplicationScoped
public class ErrorResponses {

    @Inject Instance<ErrorDialect> dialects;

    public Response render(UriInfo request, Problem problem, Map<String, String> headers) {
        if (request != null) {
            for (ErrorDialect dialect : dialects) {
                if (dialect.appliesTo(request)) {
                    return dialect.render(problem, headers);
                }
            }
        }
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(response::header);
        return response.build();
    }
}
