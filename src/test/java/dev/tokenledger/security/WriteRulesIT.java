package dev.tokenledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestKeys;
import dev.tokenledger.testing.Tokens;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may write what, and which fields the server owns (mass assignment). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WriteRulesIT {

    static final String PATH = "/api/v1/request-logs";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    JsonNode storedFor(String user) {
        JsonNode items =
                Api.at(base)
                        .as(tokens.service())
                        .get(PATH + "?end_user=" + user)
                        .json()
                        .get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @Test
    void anonymousRowsKeepTheirEndUserAndAreMarkedWhateverTheyClaim() {
        String user = TestData.user();
        String claimingService =
                "{\"model\":\"m\",\"end_user\":\""
                        + user
                        + "\",\"additional_details\":{\"auth_method\":\"service\"}}";

        assertThat(Api.at(base).post(PATH, claimingService).status()).isEqualTo(201);

        JsonNode row = storedFor(user);
        assertThat(row.at("/additional_details/auth_method").asText()).isEqualTo("anon");
        assertThat(row.get("end_user").asText()).isEqualTo(user);
    }

    @Test
    void anAnonKeyIsAnonymousToo() {
        String user = TestData.user();

        Api.at(base)
                .as(tokens.anon())
                .post(PATH, "{\"model\":\"m\",\"end_user\":\"" + user + "\"}");

        assertThat(storedFor(user).at("/additional_details/auth_method").asText())
                .isEqualTo("anon");
    }

    @Test
    void supabaseClientsMayCarryTheTokenInTheApikeyHeader() {
        String user = TestData.user();
        Api apikey = Api.at(base).header("apikey", tokens.user(user));

        assertThat(apikey.post(PATH, "{\"model\":\"m\"}").status()).isEqualTo(201);
        assertThat(apikey.get(PATH).json().get("items")).hasSize(1);
        assertThat(storedFor(user).at("/additional_details/auth_method").asText()).isEqualTo("jwt");
    }

    @Test
    void theAuthorizationHeaderWinsOverApikeyAndABadOneIsNeverDowngraded() {
        String user = TestData.user();
        Api both = Api.at(base).header("apikey", tokens.anon()).as(tokens.user(user));
        Api badBearer = Api.at(base).header("apikey", tokens.anon()).as("not.a.token");

        assertThat(both.get(PATH).status()).isEqualTo(200);
        assertThat(badBearer.post(PATH, "{\"model\":\"m\"}").status()).isEqualTo(401);
        assertThat(
                        Api.at(base)
                                .header("Authorization", "Basic dXNlcjpwYXNz")
                                .post(PATH, "{\"model\":\"m\"}")
                                .status())
                .isEqualTo(401);
    }

    @Test
    void aUserWritesOnlyAsThemselvesAndCannotChooseTheMarker() {
        String user = TestData.user();
        Api api = Api.at(base).as(tokens.user(user));

        Api.Reply forOther =
                api.post(PATH, "{\"model\":\"m\",\"end_user\":\"" + TestData.user() + "\"}");
        api.post(PATH, "{\"model\":\"m\",\"additional_details\":{\"auth_method\":\"service\"}}");

        assertThat(forOther.status()).isEqualTo(403);
        assertThat(forOther.json().get("detail").asText()).contains("/end_user");
        JsonNode row = storedFor(user);
        assertThat(row.get("end_user").asText()).isEqualTo(user);
        assertThat(row.at("/additional_details/auth_method").asText()).isEqualTo("jwt");
    }

    @Test
    void theServiceRoleWritesForAnyoneAndMayStateTheMarkerButGatewaysMayNot() {
        String user = TestData.user();
        String other = TestData.user();

        Api.at(base)
                .as(tokens.service())
                .post(
                        PATH,
                        "{\"model\":\"m\",\"end_user\":\""
                                + user
                                + "\",\"additional_details\":{\"auth_method\":\"api_key\"}}");
        Api.at(base)
                .as(tokens.ingest())
                .post(
                        PATH,
                        "{\"model\":\"m\",\"end_user\":\""
                                + other
                                + "\",\"additional_details\":{\"auth_method\":\"jwt\"}}");

        assertThat(storedFor(user).at("/additional_details/auth_method").asText())
                .isEqualTo("api_key");
        assertThat(storedFor(other).at("/additional_details/auth_method").asText())
                .isEqualTo("ingest");
    }

    @Test
    void idsAreTheServersAndNotGuessable() {
        Api api = Api.at(base).as(tokens.user(TestData.user()));

        Api.Reply withId = api.post(PATH, "{\"model\":\"m\",\"id\":\"" + UUID.randomUUID() + "\"}");
        UUID first = UUID.fromString(api.post(PATH, "{\"model\":\"m\"}").json().get("id").asText());
        UUID second =
                UUID.fromString(api.post(PATH, "{\"model\":\"m\"}").json().get("id").asText());

        assertThat(withId.status()).isEqualTo(422);
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(second.getLeastSignificantBits() - first.getLeastSignificantBits())
                .isNotIn(0L, 1L, -1L);
    }

    @Test
    void rs256AndEs256TokensFromTheConfiguredJwksAreAccepted() {
        String user = TestData.user();
        String rsa =
                Tokens.signed(
                        TestKeys.rsa(),
                        Tokens.claims("authenticated", user, Duration.ofMinutes(5)));
        String ec =
                Tokens.signed(
                        TestKeys.ec(), Tokens.claims("authenticated", user, Duration.ofMinutes(5)));

        assertThat(Api.at(base).as(rsa).post(PATH, "{\"model\":\"m\"}").status()).isEqualTo(201);
        assertThat(Api.at(base).as(ec).get(PATH).json().get("items")).hasSize(1);
    }

    @Test
    void aCallerMayBackdateTheirOwnRowsButNotFarIntoTheFuture() {
        String user = TestData.user();
        Api api = Api.at(base).as(tokens.user(user));

        api.post(PATH, "{\"model\":\"m\",\"created_at\":\"2024-01-01T00:00:00Z\"}");
        Api.Reply future =
                api.post(PATH, "{\"model\":\"m\",\"created_at\":\"2999-01-01T00:00:00Z\"}");

        assertThat(storedFor(user).get("created_at").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(future.status()).isEqualTo(422);
    }
}
