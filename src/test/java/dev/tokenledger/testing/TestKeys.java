package dev.tokenledger.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;

/**
 * Signing keys for asymmetric test tokens, made fresh for each test run (nothing private is
 * committed). The build runs {@link #main} before the server starts; the server trusts jwks.json,
 * and the tests sign with the private halves.
 */
public final class TestKeys {

    private TestKeys() {}

    public static void main(String[] args) throws JOSEException, IOException {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        RSAKey rsa =
                new RSAKeyGenerator(2048)
                        .keyID("test-rsa")
                        .algorithm(JWSAlgorithm.RS256)
                        .generate();
        ECKey ec =
                new ECKeyGenerator(Curve.P_256)
                        .keyID("test-ec")
                        .algorithm(JWSAlgorithm.ES256)
                        .generate();
        Files.writeString(folder.resolve("rsa-private.json"), rsa.toJSONString());
        Files.writeString(folder.resolve("ec-private.json"), ec.toJSONString());
        Files.writeString(
                folder.resolve("jwks.json"),
                new JWKSet(List.<JWK>of(rsa, ec)).toPublicJWKSet().toString());
    }

    public static RSAKey rsa() {
        return (RSAKey) read("rsa-private.json");
    }

    public static ECKey ec() {
        return (ECKey) read("ec-private.json");
    }

    private static JWK read(String file) {
        try {
            return JWK.parse(Files.readString(Path.of(System.getProperty("test.keys"), file)));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (ParseException broken) {
            throw new IllegalStateException(broken);
        }
    }
}
