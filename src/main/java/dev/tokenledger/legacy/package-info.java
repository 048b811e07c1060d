/**
 * The retired {@code usage_logs} table, still spoken by legacy integrators: its field mapping onto
 * {@code request_logs} (one table, {@link dev.tokenledger.legacy.entity.UsageLogColumn}, read by
 * everything here), the PostgREST-dialect endpoint, the SQL translator and the data migration.
 * Stores nothing of its own: every row lives in {@code request_logs}.
 */
package dev.tokenledger.legacy;
