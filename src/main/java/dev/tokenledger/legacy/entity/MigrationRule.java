package dev.tokenledger.legacy.entity;

import java.util.List;

/**
 * Something every migrated row must satisfy: a request_logs constraint, a NOT NULL column, or a
 * rule the ledger's API applies that the database does not.
 *
 * @param check a boolean SQL expression over the request_logs row a legacy row becomes; the row
 *     breaks the rule when it is false
 * @param legacyColumns the legacy columns whose values the rule reads
 */
public record MigrationRule(
        String name, String check, List<String> legacyColumns, String description) {}
