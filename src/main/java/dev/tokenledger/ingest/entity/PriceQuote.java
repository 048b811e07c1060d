package dev.tokenledger.ingest.entity;

import java.math.BigDecimal;
import java.util.UUID;

/** The catalog's cost for one request, and the price entry it came from. */
public record PriceQuote(UUID priceId, BigDecimal cost) {}
