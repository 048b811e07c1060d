package dev.tokenledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.tokenledger.security.control.InvalidTokenException;
import dev.tokenledger.security.control.TokenSettings;
import dev.tokenledger.security.control.TokenVerifier;
import dev.tokenledger.security.entity.Caller;
import dev.tokenledger.security.entity.CallerRole;
import dev.tokenledger.testing.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {

    static final String SECRET = "unit-test-secret-of-at-least-32-bytes!!";

    static RSAKey rsa;
    static ECKey ec;

    @TempDir static Path folder;

    @BeforeAll
    static void keys() throws JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    }

    static TokenVerifier verifier(Map<String, String> settings) {
        return new TokenVerifier(
                TokenSettings.from(name -> Optional.ofNullable(settings.get(name))));
    }

    static TokenVerifier withSecret() {
        return verifier(Map.of("tokenledger.jwt.secret", SECRET));
    }

    static TokenVerifier withJwks() throws IOException {
        Path jwks = folder.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(List.of(rsa, ec)).toPublicJWKSet().toString());
        return verifier(Map.of("tokenledger.jwt.jwks-file", jwks.toString()));
    }

    @Test
    void supabaseShapedUserTokenBecomesAnAuthenticatedCaller() throws Exception {
        Caller caller = withSecret().verify(new Tokens(SECRET).user("alice"));

        assertThat(caller).isEqualTo(new Caller(CallerRole.AUTHENTICATED, "alice", true));
    }

    @Test
    void eachRoleClaimMapsToItsCallerRole() throws Exception {
        Tokens tokens = new Tokens(SECRET);
        TokenVerifier verifier = withSecret();

        assertThat(verifier.verify(tokens.anon()).role()).isEqualTo(CallerRole.ANON);
        assertThat(verifier.verify(tokens.service()).role()).isEqualTo(CallerRole.SERVICE);
        assertThat(verifier.verify(tokens.ingest()).role()).isEqualTo(CallerRole.INGEST);
    }

    @Test
    void aTokenVerifiedBeforeIsAnsweredAgainAndARefusedOneStaysRefused() throws Exception {
        TokenVerifier verifier = withSecret();
        String token = new Tokens(SECRET).user("alice");
        String expired = new Tokens(SECRET).expiredUser("alice");

        assertThat(verifier.verify(token)).isEqualTo(verifier.verify(token));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> verifier.verify(expired))
                    .isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void oauthAccessTokensTypedAtJwtAreAccepted() throws Exception {
        SignedJWT accessToken =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .type(new com.nimbusds.jose.JOSEObjectType("at+jwt"))
                                .build(),
                        Tokens.claims("authenticated", "erin", Duration.ofMinutes(5)));
        accessToken.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));

        assertThat(withSecret().verify(accessToken.serialize()).userId()).isEqualTo("erin");
    }

    @Test
    void aSubjectThatCannotBeAUserIdIsRefused() {
        for (String subject : List.of("a\u0000b", "line\nbreak", "x".repeat(256))) {
            String token =
                    new Tokens(SECRET)
                            .hs256(Tokens.claims("authenticated", subject, Duration.ofMinutes(5)));
            assertThatThrownBy(() -> withSecret().verify(token))
                    .as(subject)
                    .isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void expiredTokenIsRefused() {
        assertThatThrownBy(() -> withSecret().verify(new Tokens(SECRET).expiredUser("alice")))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("xpired");
    }

    @Test
    void tokenWithoutExpiryIsRefused() throws Exception {
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder().subject("alice").claim("role", "authenticated").build();

        assertThatThrownBy(() -> withSecret().verify(new Tokens(SECRET).hs256(claims)))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void claimsOfTheWrongShapeAreRefusedAsTokensNotAsServerErrors() throws Exception {
        long soon = Instant.now().plusSeconds(300).getEpochSecond();
        List<String> payloads =
                List.of(
                        "{\"sub\":\"alice\",\"role\":\"authenticated\",\"exp\":null}",
                        "{\"sub\":\"alice\",\"role\":\"authenticated\",\"exp\":\"soon\"}",
                        "{\"sub\":\"alice\",\"role\":\"authenticated\",\"exp\":[1]}",
                        "{\"sub\":\"alice\",\"role\":5,\"exp\":" + soon + "}",
                        "{\"sub\":\"alice\",\"role\":null,\"nbf\":null,\"exp\":null}",
                        "[1,2]");
        List<String> accepted = new ArrayList<>();
        for (String payload : payloads) {
            JWSObject token =
                    new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payload));
            token.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            try {
                withSecret().verify(token.serialize());
                accepted.add(payload);
            } catch (InvalidTokenException refused) {
                // as it should be
            }
        }

        assertThat(accepted).isEmpty();
    }

    @Test
    void aSubjectOf255CharactersIsUsableHoweverManyUtf16UnitsItTakes() throws Exception {
        String emoji = "\uD83D\uDE00".repeat(255);
        String token =
                new Tokens(SECRET)
                        .hs256(Tokens.claims("authenticated", emoji, Duration.ofMinutes(5)));

        assertThat(withSecret().verify(token).userId()).isEqualTo(emoji);
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        String forged = new Tokens("another-secret-that-is-32-bytes-long!!").service();

        assertThatThrownBy(() -> withSecret().verify(forged))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void unsignedTokenIsRefused() {
        String unsigned =
                new PlainJWT(Tokens.claims("service_role", null, Duration.ofHours(1))).serialize();

        assertThatThrownBy(() -> withSecret().verify(unsigned))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void tamperedClaimsAreRefused() {
        String[] parts = new Tokens(SECRET).user("alice").split("\\.");
        String claims =
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("authenticated", "service_role");
        String tampered =
                parts[0]
                        + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                        + "."
                        + parts[2];

        assertThatThrownBy(() -> withSecret().verify(tampered))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> withSecret().verify("not-a-jwt"))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rs256AndEs256TokensVerifyAgainstAJwksFile() throws Exception {
        TokenVerifier verifier = withJwks();

        Caller fromRsa =
                verifier.verify(
                        Tokens.signed(
                                rsa, Tokens.claims("authenticated", "bob", Duration.ofMinutes(5))));
        Caller fromEc =
                verifier.verify(
                        Tokens.signed(
                                ec, Tokens.claims("service_role", null, Duration.ofMinutes(5))));

        assertThat(fromRsa.userId()).isEqualTo("bob");
        assertThat(fromEc.role()).isEqualTo(CallerRole.SERVICE);
    }

    @Test
    void aPemPublicKeyVerifiesItsTokens() throws Exception {
        Path pem = folder.resolve("ec.pem");
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(ec.toPublicKey().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        TokenVerifier verifier =
                verifier(Map.of("tokenledger.jwt.public-key-file", pem.toString()));

        Caller caller =
                verifier.verify(
                        Tokens.signed(
                                ec,
                                Tokens.claims("authenticated", "carol", Duration.ofMinutes(5))));

        assertThat(caller.userId()).isEqualTo("carol");
    }

    @Test
    void aPublicKeyCannotBeUsedAsAnHmacSecret() throws Exception {
        TokenVerifier verifier = withJwks();
        byte[] publicKeyBytes = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT confused =
                new SignedJWT(
                        new JWSHeader(JWSAlgorithm.HS256),
                        Tokens.claims("service_role", null, Duration.ofMinutes(5)));
        confused.sign(new MACSigner(publicKeyBytes));

        assertThatThrownBy(() -> verifier.verify(confused.serialize()))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void hs256IsRefusedWhenOnlyPublicKeysAreConfigured() throws Exception {
        TokenVerifier verifier = withJwks();

        assertThatThrownBy(() -> verifier.verify(new Tokens(SECRET).service()))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() throws Exception {
        TokenVerifier verifier =
                verifier(
                        Map.of(
                                "tokenledger.jwt.secret",
                                SECRET,
                                "tokenledger.jwt.issuer",
                                "https://project.supabase.example/auth/v1",
                                "tokenledger.jwt.audience",
                                "authenticated"));
        Tokens tokens = new Tokens(SECRET);
        JWTClaimsSet right =
                new JWTClaimsSet.Builder(
                                Tokens.claims("authenticated", "alice", Duration.ofMinutes(5)))
                        .issuer("https://project.supabase.example/auth/v1")
                        .audience("authenticated")
                        .build();
        JWTClaimsSet wrongIssuer = new JWTClaimsSet.Builder(right).issuer("https://evil").build();

        assertThat(verifier.verify(tokens.hs256(right)).userId()).isEqualTo("alice");
        assertThatThrownBy(() -> verifier.verify(tokens.hs256(wrongIssuer)))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(tokens.user("alice")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void unknownRoleIsRefused() {
        String token =
                new Tokens(SECRET)
                        .hs256(Tokens.claims("supabase_admin", "x", Duration.ofMinutes(5)));

        assertThatThrownBy(() -> withSecret().verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("supabase_admin");
    }

    @Test
    void authenticatedTokenWithoutSubjectIsRefused() {
        String token =
                new Tokens(SECRET)
                        .hs256(Tokens.claims("authenticated", null, Duration.ofMinutes(5)));

        assertThatThrownBy(() -> withSecret().verify(token))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void tokenWithoutRoleButWithSubjectIsAUser() throws Exception {
        JWTClaimsSet keycloakLike =
                new JWTClaimsSet.Builder(Tokens.claims("ignored", "dave", Duration.ofMinutes(5)))
                        .claim("role", null)
                        .build();

        Caller caller = withSecret().verify(new Tokens(SECRET).hs256(keycloakLike));

        assertThat(caller).isEqualTo(Caller.user("dave"));
    }

    @Test
    void productionRefusesAShortSecretAndAMissingKey() {
        assertThatThrownBy(
                        () ->
                                TokenSettings.from(
                                        name ->
                                                Optional.ofNullable(
                                                        Map.of("tokenledger.jwt.secret", "short")
                                                                .get(name))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32");
        assertThatThrownBy(() -> TokenSettings.from(name -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOKENLEDGER_JWT_SECRET");
    }

    @Test
    void developmentAllowsTheBuiltInSecret() {
        Map<String, String> development = new HashMap<>();
        development.put("tokenledger.environment", "development");

        TokenSettings settings =
                TokenSettings.from(name -> Optional.ofNullable(development.get(name)));

        assertThat(settings.usesDevelopmentSecret()).isTrue();
    }
}
