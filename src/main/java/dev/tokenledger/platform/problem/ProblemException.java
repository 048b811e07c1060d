package dev.tokenledger.platform.problem;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;

/**
 * A client error that the boundary answers with a problem document. Controls throw it (or a
 * subclass) instead of JAX-RS exceptions; an EJB transaction it passes through rolls back.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> violations;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), Map.of());
    }

    protected ProblemException(
            int status,
            String type,
            String title,
            String detail,
            List<Violation> violations,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException invalid(List<Violation> violations) {
        Violation first = violations.get(0);
        String detail = first.location() + ": " + first.detail();
        if (violations.size() > 1) {
            detail += " (and " + (violations.size() - 1) + " more)";
        }
        return new ProblemException(
                422,
                "/problems/validation-failed",
                "Request validation failed",
                detail,
                violations,
                Map.of());
    }

    public static ProblemException invalid(Violation violation) {
        return invalid(List.of(violation));
    }

    public static ProblemException malformed(String detail) {
        return new ProblemException(
                400, "/problems/malformed-request", "Malformed request", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(
                413, "/problems/payload-too-large", "Payload too large", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "/problems/not-found", "Not found", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(
                401,
                "/problems/unauthorized",
                "Authentication required",
                detail,
                List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"token-ledger\""));
    }

    public static ProblemException invalidToken(String detail) {
        return new ProblemException(
                401,
                "/problems/invalid-token",
                "Invalid token",
                detail,
                List.of(),
                Map.of(
                        "WWW-Authenticate",
                        "Bearer realm=\"token-ledger\", error=\"invalid_token\""));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "/problems/forbidden", "Forbidden", detail);
    }

    /** Forbidden because of what a field says, named like a validation error. */
    public static ProblemException forbidden(Violation violation) {
        return new ProblemException(
                403,
                "/problems/forbidden",
                "Forbidden",
                violation.location() + ": " + violation.detail(),
                List.of(violation),
                Map.of());
    }

    public static ProblemException conflict(String detail, List<Violation> violations) {
        return new ProblemException(
                409, "/problems/conflict", "Conflict", detail, violations, Map.of());
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(
                503,
                "/problems/unavailable",
                "Service unavailable",
                detail,
                List.of(),
                Map.of("Retry-After", "10"));
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), null, violations);
    }

    /** The offending fields, for callers that report them in another dialect. */
    public List<Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
