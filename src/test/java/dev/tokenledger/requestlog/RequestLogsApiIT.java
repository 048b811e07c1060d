package dev.tokenledger.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.Tokens;
import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestLogsApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    final Tokens tokens = Tokens.forTests();

    @Test
    void aLoggedRequestAppearsInItsUsersListAndNowhereElse() {
        String alice = TestData.user();
        String bob = TestData.user();
        Api api = Api.at(base);

        Api.Reply created = api.as(tokens.user(alice))
                .post("/api/v1/request-logs", TestData.log(null, "gpt-4o", 120, 30, "0.0105"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/v1/request-logs/" + id);

        JsonNode alicesRows = api.as(tokens.user(alice)).get("/api/v1/request-logs").json();
        assertThat(alicesRows.get("items")).hasSize(1);
        JsonNode row = alicesRows.get("items").get(0);
        assertThat(row.get("end_user").asText()).isEqualTo(alice);
        assertThat(row.get("total_cost").decimalValue()).isEqualByComparingTo("0.0105");
        assertThat(row.at("/additional_details/total_tokens").asLong()).isEqualTo(150);
        assertThat(row.at("/additional_details/auth_method").asText()).isEqualTo("jwt");

        JsonNode bobsRows = api.as(tokens.user(bob)).get("/api/v1/request-logs").json();
        assertThat(bobsRows.get("items")).isEmpty();
        assertThat(api.as(tokens.user(bob)).get("/api/v1/request-logs/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void aRepeatedRequestIdIsAnsweredFromTheStoredRowAndOtherContentIsAConflict() {
        String alice = TestData.user();
        Map<String, Object> log = TestData.log(null, "gpt-4o", 120, 30, "0.0105");
        log.put("request_id", TestData.requestId());
        Api api = Api.at(base).as(tokens.user(alice));

        Api.Reply first = api.post("/api/v1/request-logs", log);
        Api.Reply again = api.post("/api/v1/request-logs", log);
        log.put("total_cost", new BigDecimal("0.02"));
        Api.Reply changed = api.post("/api/v1/request-logs", log);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("result").asText()).isEqualTo("duplicate");
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(409);
    }
}
