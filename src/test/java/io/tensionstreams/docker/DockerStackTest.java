package io.tensionstreams.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of docker/ without a Docker engine: the compose stack has its parts, Prometheus
 * scrapes the app where it serves metrics, and Grafana's queries name real metrics (checked against
 * a live scrape in ServiceIntegrationTest). .ci/run adds `docker-compose config` and dockerfilelint.
 */
public class DockerStackTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DOCKER = Path.of("docker");
    private static final Pattern METRIC = Pattern.compile("\\b((?:tension|kafka|jvm|process)_[a-z0-9_]+)\\b");

    /** The metric names the Grafana dashboard queries. */
    public static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/tension-streams.json").toFile());
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher matcher = METRIC.matcher(target.get("expr").asText());
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void theStackHasKafkaARegistryTwoAppsAPublisherPrometheusAndGrafana() throws IOException {
        JsonNode services = YAML.readTree(DOCKER.resolve("compose.yaml").toFile()).get("services");

        assertThat(services.get("kafka").get("image").asText()).startsWith("apache/kafka:");
        assertThat(services.get("kafka").get("environment").get("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(services.get("schema-registry").get("image").asText()).startsWith("confluentinc/cp-schema-registry:");
        assertThat(services.get("prometheus").get("image").asText()).startsWith("prom/prometheus:");
        assertThat(services.get("grafana").get("image").asText()).startsWith("grafana/grafana:");
        assertThat(services.get("publisher").get("command").toString()).contains("publish").contains("/app/samples/articles.jsonl");
        List<String> advertised = new ArrayList<>();
        for (String app : List.of("app1", "app2")) {
            JsonNode environment = services.get(app).get("environment");
            assertThat(environment.get("TENSION_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
            assertThat(environment.get("TENSION_SCHEMA_REGISTRY_URL").asText()).isEqualTo("http://schema-registry:8081");
            advertised.add(environment.get("TENSION_HTTP_ADVERTISED_HOST").asText());
        }
        assertThat(advertised).containsExactly("app1", "app2");
    }

    @Test
    void prometheusScrapesBothInstancesOnTheAppsMetricsPathAndPort() throws IOException {
        JsonNode job = YAML.readTree(DOCKER.resolve("prometheus/prometheus.yml").toFile()).get("scrape_configs").get(0);
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));

        assertThat(job.get("metrics_path").asText()).isEqualTo("/metrics");
        assertThat(dockerfile).contains("TENSION_HTTP_PORT=8080").contains("EXPOSE 8080").contains("/health/ready");
        assertThat(job.get("static_configs").get(0).get("targets")).extracting(JsonNode::asText).containsExactly("app1:8080", "app2:8080");
    }

    @Test
    void theImageRunsAsANonRootUserWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));

        assertThat(dockerfile).containsPattern("(?m)^FROM maven:\\S+ AS build$").containsPattern("(?m)^FROM eclipse-temurin:17-jre\\S*$")
                .containsPattern("(?m)^USER tension$").contains("HEALTHCHECK").contains("MaxRAMPercentage");
        assertThat(dashboardMetrics()).contains("tension_pair_index", "tension_articles_total", "kafka_consumer_fetch_manager_records_lag_max",
                "kafka_stream_client_state");
    }
}
