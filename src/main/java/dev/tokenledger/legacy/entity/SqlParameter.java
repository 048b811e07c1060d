package dev.tokenledger.legacy.entity;

/**
 * A literal of the legacy SQL, moved out of the text into a bind parameter.
 *
 * @param value a String, Integer, Long or BigDecimal, exactly as written
 * @param type how it is bound: {@code unknown} (typed by PostgreSQL from where it is used, as a
 *     quoted literal is), {@code text}, {@code integer}, {@code bigint} or {@code numeric}
 */
public record SqlParameter(Object value, String type) {}
