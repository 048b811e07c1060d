package dev.tokenledger.legacy.entity;

/** One key of an {@code order} parameter; {@code nullsFirst} null means PostgreSQL's default. */
public record OrderKey(UsageLogColumn column, boolean descending, Boolean nullsFirst) {}
