package dev.tokenledger.requestlog.entity;

import java.util.UUID;

/**
 * A row ready to insert: the server's id, the finished draft, and the fingerprint of the
 * caller's original content, which tells a retry from a different request reusing an id.
 */
public record RequestLogRow(UUID id, RequestLogDraft content, byte[] contentHash) {}
