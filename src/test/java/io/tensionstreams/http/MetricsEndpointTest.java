package io.tensionstreams.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** The metrics and liveness port of a process without streams, such as {@code tension ingest}. */
class MetricsEndpointTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesPrometheusMetricsAndLivenessAndNothingElse() throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("tension.ingest.items.published").tag("feed", "Harbour Gazette").register(metrics).increment(3);
        try (MetricsEndpoint endpoint = new MetricsEndpoint("127.0.0.1", 0, metrics)) {
            HttpResponse<String> scrape = get(endpoint.url() + "/metrics");
            HttpResponse<String> live = get(endpoint.url() + "/health/live");
            HttpResponse<String> other = get(endpoint.url() + "/api/pairs");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("tension_ingest_items_published_total{feed=\"Harbour Gazette\"} 3.0");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("UP");
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
