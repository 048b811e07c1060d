package dev.tokenledger.security.control;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * How bearer tokens are checked, read from configuration (environment variables such as {@code
 * TOKENLEDGER_JWT_SECRET}, see the README). Validation happens here so that a server with an unsafe
 * setup refuses to start instead of serving.
 */
public record TokenSettings(
        boolean development,
        byte[] secret,
        Optional<String> publicKeyFile,
        Optional<String> jwksFile,
        Optional<String> issuer,
        Optional<String> audience,
        String roleClaim) {

    /** Only ever used when the environment is development and no secret is set. */
    static final String DEVELOPMENT_SECRET = "token-ledger-development-secret-do-not-deploy";

    static final int MINIMUM_SECRET_BYTES = 32;

    public static TokenSettings from(Function<String, Optional<String>> config) {
        boolean development =
                config.apply("tokenledger.environment")
                        .map(value -> value.trim().equalsIgnoreCase("development"))
                        .orElse(false);
        Optional<String> secret = config.apply("tokenledger.jwt.secret").filter(s -> !s.isBlank());
        Optional<String> publicKeyFile = nonBlank(config.apply("tokenledger.jwt.public-key-file"));
        Optional<String> jwksFile = nonBlank(config.apply("tokenledger.jwt.jwks-file"));
        byte[] secretBytes =
                secret.or(
                                () ->
                                        development && publicKeyFile.isEmpty() && jwksFile.isEmpty()
                                                ? Optional.of(DEVELOPMENT_SECRET)
                                                : Optional.empty())
                        .map(value -> value.getBytes(StandardCharsets.UTF_8))
                        .orElse(null);
        TokenSettings settings =
                new TokenSettings(
                        development,
                        secretBytes,
                        publicKeyFile,
                        jwksFile,
                        nonBlank(config.apply("tokenledger.jwt.issuer")),
                        nonBlank(config.apply("tokenledger.jwt.audience")),
                        config.apply("tokenledger.jwt.role-claim").orElse("role"));
        settings.validate();
        return settings;
    }

    public boolean usesDevelopmentSecret() {
        return secret != null
                && new String(secret, StandardCharsets.UTF_8).equals(DEVELOPMENT_SECRET);
    }

    private void validate() {
        if (secret == null && publicKeyFile.isEmpty() && jwksFile.isEmpty()) {
            throw new IllegalStateException(
                    "no token verification key is configured: set "
                            + "TOKENLEDGER_JWT_SECRET (HS256), TOKENLEDGER_JWT_PUBLIC_KEY_FILE or "
                            + "TOKENLEDGER_JWT_JWKS_FILE (RS256/ES256), or TOKENLEDGER_ENVIRONMENT="
                            + "development for the development secret");
        }
        if (secret != null && secret.length < MINIMUM_SECRET_BYTES && !development) {
            throw new IllegalStateException(
                    "TOKENLEDGER_JWT_SECRET is "
                            + secret.length
                            + " bytes; HS256 needs at least "
                            + MINIMUM_SECRET_BYTES
                            + " outside development");
        }
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::trim).filter(s -> !s.isEmpty());
    }
}
