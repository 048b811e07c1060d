package dev.tokenledger.requestlog.entity;

import java.util.UUID;

/**
 * A row ready to insert: the server's id, the finished draft, the fingerprint of the caller's
 * original content, which tells a retry from a different request reusing an id, and the namespace
 * the request_id belongs to, its writer's (both null for rows without a request_id).
 */
public record RequestLogRow(
        UUID id, RequestLogDraft content, byte[] contentHash, String requestScope) {

    /** The same row with its request_id in another writer's namespace. */
    public RequestLogRow withRequestScope(String scope) {
        return requestScope == null ? this : new RequestLogRow(id, content, contentHash, scope);
    }

    /** The same row with other content, keeping its id, fingerprint and scope. */
    public RequestLogRow withContent(RequestLogDraft other) {
        return new RequestLogRow(id, other, contentHash, requestScope);
    }
}
