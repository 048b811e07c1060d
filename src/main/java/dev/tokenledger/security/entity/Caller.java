package dev.tokenledger.security.entity;

import dev.tokenledger.platform.problem.ProblemException;
import java.util.Objects;

/**
 * The verified caller of one request: a role, the user id from {@code sub} (required for
 * authenticated users, optional otherwise) and whether a token was presented at all, which decides
 * between 401 and 403 when a role may not do something.
 */
public record Caller(CallerRole role, String userId, boolean presentedToken) {

    public Caller {
        Objects.requireNonNull(role, "role");
        if (role == CallerRole.AUTHENTICATED && (userId == null || userId.isBlank())) {
            throw new IllegalArgumentException("an authenticated caller needs a user id");
        }
    }

    public static Caller anonymous() {
        return new Caller(CallerRole.ANON, null, false);
    }

    public static Caller user(String userId) {
        return new Caller(CallerRole.AUTHENTICATED, userId, true);
    }

    public static Caller service() {
        return new Caller(CallerRole.SERVICE, null, true);
    }

    public boolean is(CallerRole other) {
        return role == other;
    }

    /** Readers are users (their own rows) and the service role (all rows). */
    public void requireReader() {
        require(CallerRole.AUTHENTICATED, CallerRole.SERVICE);
    }

    public void requireService() {
        require(CallerRole.SERVICE);
    }

    /** Refuses the call unless the caller has one of the roles: 401 without a token, else 403. */
    public void require(CallerRole... allowed) {
        for (CallerRole candidate : allowed) {
            if (role == candidate) {
                return;
            }
        }
        if (!presentedToken) {
            throw ProblemException.unauthorized("This operation needs a bearer token.");
        }
        throw ProblemException.forbidden(
                "The " + role.claim() + " role may not perform this operation.");
    }
}
