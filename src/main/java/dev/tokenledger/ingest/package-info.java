/**
 * Gateway ingestion: LiteLLM's logging payloads turned into request logs exactly once, the dead
 * letters that keep every payload that could not become one, and the price catalog that fills in
 * costs a gateway did not know. Writes through {@code requestlog}'s writer and policy; owns the
 * tables {@code ingest_dead_letters} and {@code model_prices}. Does not read or summarise request
 * logs for users: that is {@code requestlog} and {@code usage}.
 */
package dev.tokenledger.ingest;
