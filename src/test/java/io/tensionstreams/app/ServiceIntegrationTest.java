package io.tensionstreams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.testing.SharedPlatform;
import io.tensionstreams.testing.UniqueNames;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the whole service (topology, metrics, API, dashboard) against the real embedded
 * broker, fed with the demo's samples.
 */
class ServiceIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Service> SERVICES = new ArrayList<>();
    /** The samples as the demo publishes them: their days moved to this week. */
    private static List<InputArticle> samples;
    /** A query range of daily windows around the samples' days ("&from=...&to=..."). */
    private static String days;

    @BeforeAll
    static void startTwoInstancesAndPublishTheSamples() throws Exception {
        EmbeddedPlatform platform = SharedPlatform.get();
        samples = SampleArticles.recent(Instant.now());
        Instant firstDay = samples.stream().map(InputArticle::published).min(Instant::compareTo).orElseThrow().truncatedTo(ChronoUnit.DAYS);
        Instant lastDay = samples.stream().map(InputArticle::published).max(Instant::compareTo).orElseThrow().truncatedTo(ChronoUnit.DAYS);
        days = "&from=" + firstDay.minus(Duration.ofDays(3)) + "&to=" + lastDay.plus(Duration.ofDays(4));
        String applicationId = UniqueNames.of("service-it");
        for (int i = 0; i < 2; i++) {
            Path stateDir = Files.createTempDirectory("tension-service-it-");
            Settings settings = Settings.load(null, Map.of(), Map.of("bootstrap.servers", platform.bootstrapServers(),
                    "schema.registry.url", platform.schemaRegistryUrl(), "application.id", applicationId, "http.port", "0",
                    "state.dir", stateDir.toString()));
            SERVICES.add(Service.start(settings, new PrintWriter(new StringWriter())));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> SERVICES.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING));
        Service first = SERVICES.get(0);
        try (ArticlePublisher publisher = new ArticlePublisher(first.bootstrapServers(), Map.of(), first.registry(), first.topology().topics().articles())) {
            // All at once, as `tension publish` of the samples does: a backfill of four days over six partitions.
            publisher.publishAll(samples, ArticlePublisher.Progress.none()).requireAll();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> processed() >= samples.size() && get(first, "/api/pairs").body().contains("CN-TW"));
    }

    private static long processed() {
        return SERVICES.stream().mapToLong(service -> service.meters().processed()).sum();
    }

    @AfterAll
    static void stop() {
        SERVICES.forEach(Service::close);
    }

    private static HttpResponse<String> get(Service service, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.http().url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsHoldKafkaStreamsJvmAndTensionMeters() throws Exception {
        for (Service service : SERVICES) {
            assertThat(get(service, "/metrics").body()).contains("kafka_stream_thread_").contains("jvm_memory_used_bytes")
                    .contains("tension_articles_total{outcome=\"tagged\"}").contains("tension_tagging_seconds_bucket")
                    .contains("tension_alerts_total");
        }
        // Scores are counted where a pair's partition is aggregated, so look at both instances.
        String both = get(SERVICES.get(0), "/metrics").body() + get(SERVICES.get(1), "/metrics").body();
        assertThat(both).contains("tension_theme_tags_total{theme=\"ukraine\"}").contains("tension_pair_index{pair=\"");
    }

    @Test
    void everyMetricTheGrafanaDashboardQueriesIsInALiveScrape() {
        // Task-level meters (dropped records) exist while a task is initialised on an instance, so a
        // scrape taken as a rebalance moves tasks may lack them for a moment: scrape until it settles.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = get(SERVICES.get(0), "/metrics").body() + get(SERVICES.get(1), "/metrics").body();
            assertThat(io.tensionstreams.docker.DockerStackTest.dashboardMetrics())
                    .isNotEmpty()
                    .allSatisfy(metric -> assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "[{ ]"));
        });
    }

    @Test
    void healthIsLiveAndReadyWhenTheStreamsRun() throws Exception {
        HttpResponse<String> ready = get(SERVICES.get(1), "/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).get("state").asText()).isEqualTo("RUNNING");
        assertThat(get(SERVICES.get(1), "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void bothInstancesAnswerForEveryPairWhicheverOwnsIt() throws Exception {
        List<String> names = new ArrayList<>();
        // The samples were published at once: the aggregations may still be catching up with the tagging.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode pairsFromFirst = JSON.readTree(get(SERVICES.get(0), "/api/pairs").body());
            JsonNode pairsFromSecond = JSON.readTree(get(SERVICES.get(1), "/api/pairs").body());
            names.clear();
            pairsFromFirst.forEach(pair -> names.add(pair.get("pair").asText()));
            assertThat(names).contains("CN-US", "RU-UA", "CN-TW");
            assertThat(pairsFromSecond.size()).isEqualTo(pairsFromFirst.size());
        });
        for (String pair : names) {
            String path = "/api/pairs/" + pair + "/scores?window=P1D" + days;
            // The last samples may still be moving through the aggregations: the two answers agree once they settle.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode fromFirst = JSON.readTree(get(SERVICES.get(0), path).body());
                JsonNode fromSecond = JSON.readTree(get(SERVICES.get(1), path).body());
                assertThat(fromSecond).as(pair).isEqualTo(fromFirst);
                assertThat(fromFirst.size()).as(pair).isPositive();
            });
        }
    }

    @Test
    void everyWindowCarriesItsIntensityAndItsShareOfTheWindowsArticles() throws Exception {
        String path = "/api/pairs/CN-US/scores?window=P1D" + days;

        // The window totals reach every instance through a global table, a moment after the articles.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JSON.readTree(get(SERVICES.get(0), path).body()))
                .isNotEmpty().allSatisfy(window -> {
                    assertThat(window.get("intensity").asDouble()).isBetween(-100.0, 100.0);
                    // The day's total counts every sample of the day, of any pair, on any partition.
                    assertThat(window.get("windowArticles").asInt()).isGreaterThan(window.get("articles").asInt());
                    assertThat(window.get("attentionShare").asDouble())
                            .isCloseTo(window.get("articles").asDouble() / window.get("windowArticles").asDouble(), within(0.0001));
                }));
    }

    @Test
    void theSamplesPublishedAtOnceAllCountInTheirDays() throws Exception {
        int expected = 0;
        for (InputArticle sample : samples) {
            if (!sample.id().startsWith("copy-of-")) { // the samples' near-copies count as their originals
                expected += io.tensionstreams.tagging.Tagger.bundled().tag(sample.text()).pairs().size();
            }
        }
        int all = expected;

        // Published at once, the samples reach the aggregations over a few seconds: wait until the days add up.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(dailyContributions()).as("every (original sample, pair) in its day, none lost as late").isEqualTo(all));
        String metrics = get(SERVICES.get(0), "/metrics").body() + get(SERVICES.get(1), "/metrics").body();
        assertThat(metrics).doesNotContainPattern("tension_late_contributions_total\\{[^}]*\\} [1-9]");
    }

    private static int dailyContributions() throws Exception {
        int counted = 0;
        for (JsonNode pair : JSON.readTree(get(SERVICES.get(0), "/api/pairs").body())) {
            String path = "/api/pairs/" + pair.get("pair").asText() + "/scores?window=P1D" + days;
            for (JsonNode window : JSON.readTree(get(SERVICES.get(0), path).body())) {
                counted += window.get("articles").asInt();
            }
        }
        return counted;
    }

    @Test
    void aBadWindowOrDateIsA400() throws Exception {
        assertThat(get(SERVICES.get(0), "/api/pairs/CN-US/scores?window=P7D").statusCode()).isEqualTo(400);
        assertThat(get(SERVICES.get(0), "/api/pairs/CN-US/scores?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(get(SERVICES.get(0), "/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void theDashboardDrawsItsChartsAndRowsInARealBrowser() throws Exception {
        Path chromium = Browser.find();
        if (chromium == null) {
            assertThat(System.getenv("CI")).as("CI must have chromium (.ci/run installs it)").isNotEqualToIgnoringCase("true");
            org.junit.jupiter.api.Assumptions.abort("chromium is not installed here; CI installs it and runs this test");
        }
        Service service = SERVICES.get(0);
        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        String dom = Browser.dumpDom(chromium, service.http().url() + "/");
        Browser.screenshot(chromium, service.http().url() + "/", screenshot);

        assertThat(dom).contains("data-ready=\"true\"");
        assertThat(dom).contains("<tr data-pair=\"CN-US\"").contains("<tr data-pair=\"RU-UA\"");
        assertThat(dom).containsPattern("<canvas id=\"trend-chart\"[^>]*style=\"[^\"]*height");
        assertThat(dom).containsPattern("<canvas id=\"themes-chart\"[^>]*style=\"[^\"]*height");
        assertThat(dom).contains("<li class=\"article\">").contains("<mark>");
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    /** Debian's chromium, headless, with the flags this sandbox needs (no network beyond loopback). */
    static final class Browser {
        private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--virtual-time-budget=15000", "--window-size=1400,1100");

        static Path find() {
            for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
                if (Files.isExecutable(Path.of(candidate))) {
                    return Path.of(candidate);
                }
            }
            return null;
        }

        static String dumpDom(Path chromium, String url) throws Exception {
            return run(chromium, List.of("--dump-dom", url));
        }

        static void screenshot(Path chromium, String url, Path file) throws Exception {
            run(chromium, List.of("--screenshot=" + file, url));
        }

        private static String run(Path chromium, List<String> args) throws Exception {
            Path profile = Files.createTempDirectory("chromium-profile-");
            List<String> command = new ArrayList<>();
            command.add(chromium.toString());
            command.addAll(FLAGS);
            command.add("--user-data-dir=" + profile);
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish in 90 s");
            }
            io.tensionstreams.embedded.Directories.deleteRecursively(profile);
            return output;
        }
    }
}
