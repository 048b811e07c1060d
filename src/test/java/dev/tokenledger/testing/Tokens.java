package dev.tokenledger.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Mints JWTs shaped like Supabase's ({@code sub}, {@code role}, {@code exp}) for tests. */
public final class Tokens {

    private final byte[] secret;

    public Tokens(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Tokens the integration-test server accepts. */
    public static Tokens forTests() {
        return new Tokens(System.getProperty("test.jwt.secret"));
    }

    public String user(String userId) {
        return hs256(claims("authenticated", userId, Duration.ofHours(1)));
    }

    public String anon() {
        return hs256(claims("anon", null, Duration.ofHours(1)));
    }

    public String service() {
        return hs256(claims("service_role", null, Duration.ofHours(1)));
    }

    public String ingest() {
        return hs256(claims("ingest", "gateway", Duration.ofHours(1)));
    }

    public String expiredUser(String userId) {
        return hs256(claims("authenticated", userId, Duration.ofHours(-2)));
    }

    public String hs256(JWTClaimsSet claims) {
        try {
            return sign(new MACSigner(secret), JWSAlgorithm.HS256, null, claims);
        } catch (JOSEException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static String signed(JWK key, JWTClaimsSet claims) {
        try {
            JWSSigner signer =
                    switch (key.getKeyType().getValue()) {
                        case "RSA" -> new RSASSASigner(key.toRSAKey());
                        case "EC" -> new ECDSASigner(key.toECKey());
                        default ->
                                throw new IllegalArgumentException(
                                        "no signer for " + key.getKeyType());
                    };
            JWSAlgorithm algorithm =
                    key.getKeyType().getValue().equals("RSA")
                            ? JWSAlgorithm.RS256
                            : JWSAlgorithm.ES256;
            return sign(signer, algorithm, key.getKeyID(), claims);
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }

    public static JWTClaimsSet claims(String role, String subject, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims =
                new JWTClaimsSet.Builder()
                        .claim("role", role)
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(validFor)));
        if (subject != null) {
            claims.subject(subject);
        }
        return claims.build();
    }

    private static String sign(
            JWSSigner signer, JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims)
            throws JOSEException {
        JWSHeader header = new JWSHeader.Builder(algorithm).keyID(keyId).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
