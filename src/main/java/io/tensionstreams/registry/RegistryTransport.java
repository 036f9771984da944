package io.tensionstreams.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends JSON requests to a Confluent-compatible Schema Registry.
 *
 * <p>URLs are tried in turn when one does not answer, starting from the last one that did; an
 * error the registry answers is final and becomes a {@link SchemaRegistryException}.
 */
final class RegistryTransport {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> urls;
    private final String authorization;
    private final RegistryConfig config;
    private final HttpClient http;
    private final AtomicInteger preferred = new AtomicInteger();

    RegistryTransport(RegistryConfig config) {
        this.config = config;
        this.urls = config.urls();
        this.authorization = config.basicAuthUserInfo() == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(config.basicAuthUserInfo().getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, Object body) {
        IOException lastFailure = null;
        int start = preferred.get();
        for (int attempt = 0; attempt < urls.size(); attempt++) {
            int index = (start + attempt) % urls.size();
            try {
                JsonNode answer = sendTo(urls.get(index), method, path, body);
                preferred.set(index);
                return answer;
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryUnavailableException("interrupted while calling the Schema Registry", e);
            }
        }
        throw new RegistryUnavailableException("Schema Registry did not answer " + method + " " + path + " at " + urls
                + " (connect timeout " + config.connectTimeout().toMillis() + " ms, read timeout "
                + config.readTimeout().toMillis() + " ms): " + describe(lastFailure), lastFailure);
    }

    private JsonNode sendTo(URI base, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.readTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 == 2) {
            return JSON.readTree(response.body());
        }
        throw errorOf(response);
    }

    private static SchemaRegistryException errorOf(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        try {
            JsonNode error = JSON.readTree(text);
            if (error != null && error.has("error_code")) {
                return SchemaRegistryException.of(status, error.get("error_code").asInt(), error.path("message").asText());
            }
        } catch (IOException notJson) {
            // A proxy or a server without the registry API answered; report its status and text.
        }
        return SchemaRegistryException.of(status, status, text.isBlank() ? "HTTP " + status : text.strip());
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "no URL";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
