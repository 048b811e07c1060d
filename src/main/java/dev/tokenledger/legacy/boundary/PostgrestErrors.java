package dev.tokenledger.legacy.boundary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.legacy.control.PostgrestError;
import dev.tokenledger.platform.problem.ErrorDialect;
import dev.tokenledger.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/**
 * Writes every error of {@code /rest/v1} in PostgREST's shape, {@code {code, message, details,
 * hint}}, whatever raised it: this resource, the token filter (401), the body limit (413), the
 * JAX-RS runtime (404, 405, 415) or an unexpected fault (500). Supabase clients then report an
 * {@code error} instead of failing to parse the body.
 */
@ApplicationScoped
public class PostgrestErrors implements ErrorDialect {

    static final String TABLE = "usage_logs";

    @Inject CompatHeaders compatHeaders;

    @Override
    public boolean appliesTo(UriInfo request) {
        return request.getPath().replaceFirst("^/+", "").startsWith(UsageLogsResource.PATH);
    }

    @Override
    public Response render(Problem problem, Map<String, String> headers) {
        return error(problem.status(), translate(problem), headers);
    }

    Response render(PostgrestError error) {
        return error(
                error.status(),
                body(error.code(), error.getMessage(), error.details(), error.hint()),
                error.headers());
    }

    private Response error(int status, ObjectNode body, Map<String, String> headers) {
        Response.ResponseBuilder response =
                Response.status(status).type("application/json; charset=utf-8").entity(body);
        headers.forEach(response::header);
        Response built = response.build();
        compatHeaders.addTo(built.getHeaders());
        return built;
    }

    /** A problem raised outside this component, given PostgREST's nearest code. */
    static ObjectNode translate(Problem problem) {
        String detail = problem.detail();
        String type = problem.type() == null ? "" : problem.type();
        return switch (type) {
            case "/problems/invalid-token" -> body("PGRST301", detail, null, null);
            case "/problems/unauthorized", "/problems/forbidden" ->
                    body("42501", "permission denied for table " + TABLE, detail, null);
            case "/problems/malformed-request", "/problems/payload-too-large" ->
                    body("PGRST102", detail, null, null);
            case "/problems/unavailable" -> body("PGRST002", detail, null, null);
            case "/problems/query-timeout" ->
                    body("57014", "canceling statement due to statement timeout", detail, null);
            case "/problems/internal-error" ->
                    body(
                            "XX000",
                            detail,
                            "incident " + problem.incident(),
                            "Quote the incident when reporting it.");
            default -> byStatus(problem.status(), detail);
        };
    }

    private static ObjectNode byStatus(int status, String detail) {
        return switch (status) {
            case 404 ->
                    body(
                            "PGRST125",
                            "Invalid path specified in request URL",
                            detail,
                            "usage_logs is served at /rest/v1/usage_logs.");
            case 405 -> body("PGRST117", "Unsupported HTTP method", detail, null);
            case 406 -> body("PGRST107", detail, null, null);
            case 415 ->
                    body(
                            "PGRST107",
                            "The Content-Type of the request must be" + " application/json.",
                            detail,
                            null);
            default -> body(status >= 500 ? "XX000" : "PGRST100", detail, null, null);
        };
    }

    static ObjectNode body(String code, String message, String details, String hint) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", code);
        body.put("details", details);
        body.put("hint", hint);
        body.put("message", message);
        return body;
    }
}
