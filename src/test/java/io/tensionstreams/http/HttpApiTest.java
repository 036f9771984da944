package io.tensionstreams.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP server's answers that need no streams: errors, methods, paths. */
class HttpApiTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicReference<Supplier<ScoreQueries>> queries = new AtomicReference<>(() -> null);
    private HttpApi api;

    private HttpApi start(String host) throws IOException {
        api = new HttpApi(host, 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> KafkaStreams.State.RUNNING,
                () -> queries.get().get(), new ActivityFeed(10), 20);
        return api;
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(api.url() + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anExceptionInAHandlerIsA500WithTheReasonNotAnEmptyReply() throws Exception {
        start("127.0.0.1");
        queries.set(() -> {
            throw new IllegalStateException("store is migrating");
        });

        HttpResponse<String> response = send("GET", "/api/pairs");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("store is migrating");
    }

    @Test
    void aStoreThatCannotBeReadNowIsA503WithRetryAfterNotAPartialAnswer() throws Exception {
        start("127.0.0.1");
        queries.set(() -> {
            throw new ScoresUnavailableException("store pair-scores-PT1H is not readable now (NOT_ACTIVE: migrating)");
        });

        HttpResponse<String> response = send("GET", "/api/pairs/CN-US/scores");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("not readable now");
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() throws Exception {
        start("127.0.0.1");

        HttpResponse<String> head = send("HEAD", "/health/live");
        HttpResponse<String> post = send("POST", "/health/live");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void aDirectoryOrMissingFileIsA404ThatNamesThePathNotTheClasspath() throws Exception {
        start("127.0.0.1");

        HttpResponse<String> directory = send("GET", "/webjars/chart.js/");
        HttpResponse<String> missing = send("GET", "/webjars/chart.js/nothing.js");

        assertThat(directory.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/webjars/chart.js/nothing.js").doesNotContain("META-INF");
    }

    @Test
    void onAWildcardAddressTheUrlIsOneABrowserOpensAndTheApiSaysItIsReachable() throws Exception {
        start("0.0.0.0");

        assertThat(api.url()).startsWith("http://127.0.0.1:");
        assertThat(api.reachableFromOtherMachines()).isTrue();
        assertThat(send("GET", "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void clientsThatSendOneByteAndWaitCannotKeepHealthFromAnswering() throws Exception {
        start("127.0.0.1");
        URI uri = URI.create(api.url());
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < ServerLimits.WORKERS + 8; i++) {
                Socket socket = new Socket(uri.getHost(), uri.getPort());
                socket.getOutputStream().write('G');
                socket.getOutputStream().flush();
                stalled.add(socket);
            }

            // Bounded by the server's request-time limit (10 s), not by how long the stalled clients wait.
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(api.url() + "/health/ready"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void headersOverTheLimitAreRefusedWith431AndTheServerGoesOnAnswering() throws Exception {
        start("127.0.0.1");

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(api.url() + "/health/live"))
                .header("X-Padding", "a".repeat(ServerLimits.MAX_HEADER_BYTES + 1)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(431);
        assertThat(refused.body()).contains("Request Header Fields Too Large");
        assertThat(send("GET", "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void aLargeRequestBodyIsRefusedWith413BeforeItIsRead() throws Exception {
        start("127.0.0.1");

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(api.url() + "/api/pairs"))
                .method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(64 * 1024))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("Request Entity Too Large");
        assertThat(send("GET", "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void onLoopbackTheApiIsNotReachableFromOtherMachines() throws Exception {
        start("127.0.0.1");

        assertThat(api.reachableFromOtherMachines()).isFalse();
    }
}
