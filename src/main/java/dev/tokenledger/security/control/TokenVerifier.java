package dev.tokenledger.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tokenledger.platform.text.StorableText;
import dev.tokenledger.security.entity.Caller;
import dev.tokenledger.security.entity.CallerRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer tokens with Nimbus JOSE+JWT and reads the caller out of them. Keys are picked by
 * {@link ConfiguredKeySelector}; {@code exp} is required; issuer and audience are checked when
 * configured.
 */
public class TokenVerifier {

    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final int CACHED_TOKENS = 10_000;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String roleClaim;

    public TokenVerifier(TokenSettings settings) {
        this(keys(settings), settings.audience(), settings.issuer(), settings.roleClaim());
    }

    private TokenVerifier(
            List<JWK> keys, Optional<String> audience, Optional<String> issuer, String roleClaim) {
        processor.setJWSKeySelector(new ConfiguredKeySelector(keys));
        // Plain JWTs and OAuth access tokens in the RFC 9068 profile (typ at+jwt) alike.
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(
                        JOSEObjectType.JWT,
                        new JOSEObjectType("at+jwt"),
                        new JOSEObjectType("application/at+jwt"),
                        null));
        DefaultJWTClaimsVerifier<SecurityContext> claims =
                new DefaultJWTClaimsVerifier<>(
                        audience.map(Set::of).orElse(null),
                        issuer.map(name -> new JWTClaimsSet.Builder().issuer(name).build())
                                .orElse(null),
                        Set.of("exp"),
                        null);
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        this.roleClaim = roleClaim;
    }

    /** For a server that refuses to serve: no key, so no token verifies. */
    public static TokenVerifier refusingEveryToken() {
        return new TokenVerifier(List.of(), Optional.empty(), Optional.empty(), "role");
    }

    /**
     * The caller a token stands for. A token verified before is answered from a bounded cache until
     * its own expiry: a busy client sends the same token with every request, and checking the
     * signature each time costs more than the rest of a small request.
     */
    public Caller verify(String token) throws InvalidTokenException {
        Verified known = verified.get(token);
        if (known != null && known.expires().isAfter(Instant.now())) {
            return known.caller();
        }
        JWTClaimsSet claims = claims(token);
        Caller caller = caller(claims);
        // The verifier requires an exp claim by name; "exp": null names it without a time.
        if (claims.getExpirationTime() == null) {
            throw new InvalidTokenException("The token's exp claim must be a time.");
        }
        remember(token, caller, claims.getExpirationTime().toInstant());
        return caller;
    }

    private void remember(String token, Caller caller, Instant expires) {
        if (verified.size() >= CACHED_TOKENS) {
            verified.clear();
        }
        verified.put(token, new Verified(caller, expires));
    }

    private JWTClaimsSet claims(String token) throws InvalidTokenException {
        try {
            return processor.process(token, null);
        } catch (BadJWTException rejected) {
            throw new InvalidTokenException("The token was refused: " + rejected.getMessage());
        } catch (ParseException | BadJOSEException | JOSEException rejected) {
            throw new InvalidTokenException("The token is malformed or its signature is invalid.");
        }
    }

    private Caller caller(JWTClaimsSet claims) throws InvalidTokenException {
        String subject = claims.getSubject();
        if (subject != null && !usableUserId(subject)) {
            throw new InvalidTokenException(
                    "The token's sub claim is not a usable user id (1-255 printable characters).");
        }
        String roleName = stringClaim(claims, roleClaim);
        CallerRole role =
                roleName == null
                        ? defaultRole(subject)
                        : CallerRole.fromClaim(roleName)
                                .orElseThrow(
                                        () ->
                                                new InvalidTokenException(
                                                        "The token's role '"
                                                                + roleName
                                                                + "' is not one of anon,"
                                                                + " authenticated, service_role or"
                                                                + " ingest."));
        if (role == CallerRole.AUTHENTICATED && (subject == null || subject.isBlank())) {
            throw new InvalidTokenException("An authenticated token must carry a sub claim.");
        }
        return new Caller(role, subject == null || subject.isBlank() ? null : subject, true);
    }

    /** A user id is stored as end_user: it must fit the column and be storable text. */
    private static boolean usableUserId(String subject) {
        return StorableText.characters(subject) <= 255
                && StorableText.problem(subject) == null
                && subject.chars().noneMatch(Character::isISOControl);
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

    private static List<JWK> keys(TokenSettings settings) {
        List<JWK> keys = new ArrayList<>();
        if (settings.secret() != null) {
            keys.add(
                    new OctetSequenceKey.Builder(settings.secret())
                            .algorithm(JWSAlgorithm.HS256)
                            .build());
        }
        settings.publicKeyFile().ifPresent(file -> keys.addAll(pemKeys(file)));
        settings.jwksFile().ifPresent(file -> keys.addAll(jwks(file)));
        return keys;
    }

    /** A PEM "PUBLIC KEY" (SubjectPublicKeyInfo), RSA or EC, read with the JDK alone. */
    private static List<JWK> pemKeys(String file) {
        try {
            String base64 =
                    Files.readString(Path.of(file))
                            .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                            .replaceAll("\\s", "");
            X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
            return List.of(publicKey(spec));
        } catch (IOException | IllegalArgumentException | GeneralSecurityException unreadable) {
            throw new IllegalStateException(
                    "TOKENLEDGER_JWT_PUBLIC_KEY_FILE "
                            + file
                            + " is not a readable PEM public key (RSA or EC P-256): "
                            + unreadable.getMessage());
        }
    }

    private static JWK publicKey(X509EncodedKeySpec spec) throws GeneralSecurityException {
        try {
            return new RSAKey.Builder(
                            (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec))
                    .build();
        } catch (InvalidKeySpecException notRsa) {
            ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
            Curve curve = Curve.forECParameterSpec(key.getParams());
            if (curve == null) {
                throw new InvalidKeySpecException("unsupported elliptic curve");
            }
            return new ECKey.Builder(curve, key).build();
        }
    }

    private record Verified(Caller caller, Instant expires) {}

    private static List<JWK> jwks(String file) {
        try {
            return JWKSet.load(Path.of(file).toFile()).toPublicJWKSet().getKeys();
        } catch (IOException | ParseException unreadable) {
            throw new IllegalStateException(
                    "TOKENLEDGER_JWT_JWKS_FILE "
                            + file
                            + " is not a readable JWK set: "
                            + unreadable.getMessage());
        }
    }
}
