/**
 * The ledger itself: the {@code RequestLog} entity and its JSONB details, validating and writing
 * rows (one, a batch, idempotently by {@code request_id}), and reading a caller's own rows.
 * Aggregates live in {@code usage}; gateway formats in {@code ingest}; the retired usage_logs shape
 * in {@code legacy}. All of them write through {@code RequestLogWriter}.
 */
package dev.tokenledger.requestlog;
