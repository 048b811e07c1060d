package dev.tokenledger.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the configured keys that may verify a token: only keys of the algorithm's own kind (HS256
 * the secret, RS256 RSA keys, ES256 P-256 keys), so a public key is never taken for an HMAC secret.
 * A key with an id (from a JWKS file) must match the token's {@code kid} when the token names one;
 * keys without an id (the secret, a PEM file) are tried for any token.
 */
final class ConfiguredKeySelector implements JWSKeySelector<SecurityContext> {

    private final List<JWK> keys;

    ConfiguredKeySelector(List<JWK> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context)
            throws KeySourceException {
        List<Key> candidates = new ArrayList<>();
        for (JWK key : keys) {
            if (fits(header.getAlgorithm(), key) && sameId(header.getKeyID(), key.getKeyID())) {
                candidates.add(javaKey(key));
            }
        }
        return candidates;
    }

    private static boolean fits(JWSAlgorithm algorithm, JWK key) {
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            return key instanceof OctetSequenceKey;
        }
        if (JWSAlgorithm.RS256.equals(algorithm)) {
            return key instanceof RSAKey;
        }
        return JWSAlgorithm.ES256.equals(algorithm)
                && key instanceof ECKey ec
                && Curve.P_256.equals(ec.getCurve());
    }

    private static boolean sameId(String tokenKeyId, String keyId) {
        return keyId == null || tokenKeyId == null || keyId.equals(tokenKeyId);
    }

    private static Key javaKey(JWK key) throws KeySourceException {
        try {
            if (key instanceof OctetSequenceKey secret) {
                return secret.toSecretKey();
            }
            return key instanceof RSAKey rsa ? rsa.toPublicKey() : ((ECKey) key).toPublicKey();
        } catch (JOSEException unusable) {
            throw new KeySourceException("a configured key is unusable", unusable);
        }
    }
}
