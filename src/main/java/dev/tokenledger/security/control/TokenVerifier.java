package dev.tokenledger.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tokenledger.security.entity.Caller;
import dev.tokenledger.security.entity.CallerRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer tokens with Nimbus JOSE+JWT and reads the caller out of them. Each algorithm
 * is accepted only with a key of its own kind (HS256 with the secret, RS256 with RSA keys, ES256
 * with P-256 keys), so a public key can never be abused as an HMAC secret; {@code exp} is
 * required; issuer and audience are checked when configured.
 */
public class TokenVerifier {

    private static final int CLOCK_SKEW_SECONDS = 30;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String roleClaim;

    public TokenVerifier(TokenSettings settings) {
        JWKSet keys = keys(settings);
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(algorithms(keys), new ImmutableJWKSet<>(keys)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                settings.audience().map(Set::of).orElse(null),
                settings.issuer()
                        .map(issuer -> new JWTClaimsSet.Builder().issuer(issuer).build())
                        .orElse(null),
                Set.of("exp"),
                null);
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        roleClaim = settings.roleClaim();
    }

    public Caller verify(String token) throws InvalidTokenException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (BadJWTException rejected) {
            throw new InvalidTokenException("The token was refused: " + rejected.getMessage());
        } catch (ParseException | BadJOSEException | JOSEException rejected) {
            throw new InvalidTokenException("The token is malformed or its signature is invalid.");
        }
        return caller(claims);
    }

    private Caller caller(JWTClaimsSet claims) throws InvalidTokenException {
        String subject = claims.getSubject();
        String roleName = stringClaim(claims, roleClaim);
        CallerRole role = roleName == null
                ? defaultRole(subject)
                : CallerRole.fromClaim(roleName).orElseThrow(() -> new InvalidTokenException(
                        "The token's role '" + roleName + "' is not one of anon, authenticated,"
                                + " service_role or ingest."));
        if (role == CallerRole.AUTHENTICATED && (subject == null || subject.isBlank())) {
            throw new InvalidTokenException("An authenticated token must carry a sub claim.");
        }
        return new Caller(role, subject == null || subject.isBlank() ? null : subject, true);
    }

    /** Identity providers other than Supabase put no role claim: a subject means a user. */
    private static CallerRole defaultRole(String subject) throws InvalidTokenException {
        if (subject == null || subject.isBlank()) {
            throw new InvalidTokenException("The token carries neither a role nor a sub claim.");
        }
        return CallerRole.AUTHENTICATED;
    }

    private static String stringClaim(JWTClaimsSet claims, String name)
            throws InvalidTokenException {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException notAString) {
            throw new InvalidTokenException("The token's " + name + " claim must be a string.");
        }
    }

    private static JWKSet keys(TokenSettings settings) {
        List<JWK> keys = new ArrayList<>();
        if (settings.secret() != null) {
            keys.add(new OctetSequenceKey.Builder(settings.secret())
                    .algorithm(JWSAlgorithm.HS256)
                    .build());
        }
        settings.publicKeyFile().ifPresent(file -> keys.addAll(pemKeys(file)));
        settings.jwksFile().ifPresent(file -> keys.addAll(jwks(file)));
        return new JWKSet(keys);
    }

    private static Set<JWSAlgorithm> algorithms(JWKSet keys) {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        for (JWK key : keys.getKeys()) {
            if (key instanceof OctetSequenceKey) {
                algorithms.add(JWSAlgorithm.HS256);
            } else if (key instanceof RSAKey) {
                algorithms.add(JWSAlgorithm.RS256);
            } else if (key instanceof ECKey) {
                algorithms.add(JWSAlgorithm.ES256);
            }
        }
        return algorithms;
    }

    private static List<JWK> pemKeys(String file) {
        try {
            return List.of(JWK.parseFromPEMEncodedObjects(Files.readString(Path.of(file)))
                    .toPublicJWK());
        } catch (IOException | JOSEException unreadable) {
            throw new IllegalStateException("TOKENLEDGER_JWT_PUBLIC_KEY_FILE " + file
                    + " is not a readable PEM public key: " + unreadable.getMessage());
        }
    }

    private static List<JWK> jwks(String file) {
        try {
            return JWKSet.load(Path.of(file).toFile()).toPublicJWKSet().getKeys();
        } catch (IOException | ParseException unreadable) {
            throw new IllegalStateException("TOKENLEDGER_JWT_JWKS_FILE " + file
                    + " is not a readable JWK set: " + unreadable.getMessage());
        }
    }
}
