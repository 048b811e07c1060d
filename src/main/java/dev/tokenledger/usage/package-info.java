/**
 * Usage summaries: totals of requests, tokens and cost over a time range, grouped by model, day (in
 * any IANA time zone), session or (service role) end user. One query builder serves every caller of
 * summaries, so a figure is computed one way only. Reads {@code request_logs} directly; writes
 * nothing.
 */
package dev.tokenledger.usage;
