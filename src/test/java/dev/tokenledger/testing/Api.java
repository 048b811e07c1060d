package dev.tokenledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real-HTTP client for the running server, one line per call in a test. */
public final class Api {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;
    private final List<String> headers;

    private Api(URI base, String token, List<String> headers) {
        this.base = base;
        this.token = token;
        this.headers = headers;
    }

    public static Api at(URL deployment) {
        return new Api(
                URI.create(deployment.toString().replaceAll("/+$", "") + "/"), null, List.of());
    }

    public Api as(String bearerToken) {
        return new Api(base, bearerToken, headers);
    }

    public Api anonymous() {
        return new Api(base, null, headers);
    }

    public Api header(String name, String value) {
        List<String> more = new ArrayList<>(headers);
        more.add(name);
        more.add(value);
        return new Api(base, token, List.copyOf(more));
    }

    public Reply get(String path) {
        return send("GET", path, BodyPublishers.noBody(), null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, BodyPublishers.ofString(json), "application/json");
    }

    public Reply post(String path, Object body) {
        return post(path, write(body));
    }

    public Reply send(String method, String path, BodyPublisher body, String contentType) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", "")))
                        .timeout(Duration.ofSeconds(60))
                        .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!headers.isEmpty()) {
            request.headers(headers.toArray(String[]::new));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** A response: status, headers and the body, parsed as JSON when it is JSON. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException notJson) {
                throw new AssertionError("not JSON (" + status() + "): " + response.body());
            }
        }

        @Override
        public String toString() {
            return status() + " " + response.body();
        }
    }
}
