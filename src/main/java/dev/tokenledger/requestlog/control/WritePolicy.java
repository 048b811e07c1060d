package dev.tokenledger.requestlog.control;

import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.entity.AdditionalDetails;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import dev.tokenledger.security.entity.Caller;
import dev.tokenledger.security.entity.CallerRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may write which rows, and what the server stamps on them. Authenticated users write only as
 * themselves; anonymous callers (when allowed) keep the body's end_user but are marked {@code
 * auth_method: anon}; gateways and the service role write for anyone. The {@code auth_method}
 * marker is the server's for everyone but the service role and gateways, which may state it
 * themselves.
 */
@ApplicationScoped
public class WritePolicy {

    public static final String ANONYMOUS_MARK = "anon";
    public static final String USER_MARK = "jwt";
    public static final String SERVICE_MARK = "service";
    public static final String INGEST_MARK = "ingest";

    @Inject
    @ConfigProperty(name = "tokenledger.anonymous-insert", defaultValue = "true")
    boolean anonymousInsert;

    public void requireWriter(Caller caller) {
        if (caller.is(CallerRole.ANON) && !anonymousInsert) {
            caller.require(CallerRole.AUTHENTICATED, CallerRole.SERVICE, CallerRole.INGEST);
        }
    }

    /** The row to insert for a caller's draft; {@code pointer} names the draft in errors. */
    public RequestLogRow stamp(Caller caller, RequestLogDraft draft, String pointer) {
        requireWriter(caller);
        // Only a request_id can be repeated, so only then does the content need a fingerprint.
        byte[] fingerprint = draft.requestId() == null ? null : ContentFingerprint.of(draft);
        RequestLogDraft stamped =
                switch (caller.role()) {
                    case ANON -> mark(draft, ANONYMOUS_MARK);
                    case AUTHENTICATED -> mark(asUser(caller, draft, pointer), USER_MARK);
                    case SERVICE -> markUnlessStated(draft, SERVICE_MARK);
                    case INGEST -> mark(draft, INGEST_MARK);
                };
        if (stamped.createdAt() == null) {
            stamped = stamped.withCreatedAt(Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
        return new RequestLogRow(
                RequestLogIds.next(),
                stamped,
                fingerprint,
                draft.requestId() == null ? null : scope(caller));
    }

    /**
     * Whose request_ids these are: each user's own, all anonymous callers', all gateways', the
     * service role's. The database checks a row's scope against the caller too.
     */
    static String scope(Caller caller) {
        return switch (caller.role()) {
            case AUTHENTICATED -> "user:" + caller.userId();
            case ANON -> "anon";
            case INGEST -> "ingest";
            case SERVICE -> "service";
        };
    }

    private static RequestLogDraft asUser(Caller caller, RequestLogDraft draft, String pointer) {
        if (draft.endUser() == null) {
            return draft.withEndUser(caller.userId());
        }
        if (!draft.endUser().equals(caller.userId())) {
            throw ProblemException.forbidden(
                    Violation.atPointer(
                            Pointers.child(pointer, "end_user"),
                            "an authenticated user can only record usage as themselves."));
        }
        return draft;
    }

    private static RequestLogDraft mark(RequestLogDraft draft, String method) {
        return draft.withDetails(
                draft.additionalDetails().with(AdditionalDetails.AUTH_METHOD, method));
    }

    private static RequestLogDraft markUnlessStated(RequestLogDraft draft, String method) {
        return draft.additionalDetails().has(AdditionalDetails.AUTH_METHOD)
                ? draft
                : mark(draft, method);
    }
}
