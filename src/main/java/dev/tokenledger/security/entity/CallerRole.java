package dev.tokenledger.security.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles a token can carry, named as Supabase names them in the {@code role} claim, each with
 * the PostgreSQL role the caller's transactions run as.
 */
public enum CallerRole {
    ANON("anon", "tokenledger_anon"),
    AUTHENTICATED("authenticated", "tokenledger_authenticated"),
    SERVICE("service_role", "tokenledger_service"),
    INGEST("ingest", "tokenledger_ingest");

    private final String claim;
    private final String databaseRole;

    CallerRole(String claim, String databaseRole) {
        this.claim = claim;
        this.databaseRole = databaseRole;
    }

    public String claim() {
        return claim;
    }

    public String databaseRole() {
        return databaseRole;
    }

    public static Optional<CallerRole> fromClaim(String claim) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(claim)).findFirst();
    }
}
