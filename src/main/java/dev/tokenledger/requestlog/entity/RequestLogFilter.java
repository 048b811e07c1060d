package dev.tokenledger.requestlog.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * Which rows a listing wants: a time range [from, to), exact matches on model, session and status,
 * and (for the service role) one end user.
 */
public record RequestLogFilter(
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> endUser,
        Optional<String> model,
        Optional<String> sessionId,
        Optional<String> status) {

    public RequestLogFilter withEndUser(String user) {
        return new RequestLogFilter(from, to, Optional.of(user), model, sessionId, status);
    }
}
