package dev.tokenledger.requestlog.entity;

import java.util.UUID;

/**
 * A row ready to insert: the server's id, the finished draft, and the fingerprint of the caller's
 * original content, which tells a retry from a different request reusing an id (null for rows
 * without a request_id, which cannot be retried).
 */
public record RequestLogRow(UUID id, RequestLogDraft content, byte[] contentHash) {}
