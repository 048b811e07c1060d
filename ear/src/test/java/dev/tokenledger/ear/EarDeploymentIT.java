package dev.tokenledger.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The EAR serves the same application at the same paths as the WAR. */
class EarDeploymentIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String BASE = System.getProperty("ear.base-url");

    @Test
    void theWrappedApplicationIsReadyAtTheRootContext() throws Exception {
        HttpResponse<String> health = get("/api/v1/health");

        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"database\":\"UP\""), health.body());
    }

    @Test
    void itRecordsARequestLogAndDocumentsItsApi() throws Exception {
        HttpResponse<String> created =
                CLIENT.send(
                        HttpRequest.newBuilder(URI.create(BASE + "/api/v1/request-logs"))
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"model\":\"gpt-4o\",\"end_user\":\"ear-check\",\"total_cost\":0.01}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> openapi = get("/openapi");

        assertEquals(201, created.statusCode(), created.body());
        assertTrue(openapi.body().contains("/api/v1/request-logs"));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(BASE + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
