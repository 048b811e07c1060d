package dev.tokenledger.testing;

import java.time.Duration;

/**
 * Prints a development token, for curl and for trying the API:
 *
 * <pre>mvn -q test-compile exec:java@token -Drole=authenticated -Dsub=user-123</pre>
 *
 * Signs with TOKENLEDGER_JWT_SECRET when set, else with the development secret that a server
 * started by {@code mvn -Pstart} accepts.
 */
public final class DevTokens {

    /** Must equal the server's built-in development secret (TokenSettings). */
    static final String DEVELOPMENT_SECRET = "token-ledger-development-secret-do-not-deploy";

    private DevTokens() {}

    public static void main(String[] args) {
        String role = System.getProperty("role", "authenticated");
        String subject = System.getProperty("sub",
                role.equals("authenticated") ? "user-123" : null);
        Duration validFor = Duration.ofHours(Long.getLong("hours", 24));
        String secret = System.getenv().getOrDefault("TOKENLEDGER_JWT_SECRET", DEVELOPMENT_SECRET);
        System.out.println(new Tokens(secret).hs256(Tokens.claims(role, subject, validFor)));
    }
}
