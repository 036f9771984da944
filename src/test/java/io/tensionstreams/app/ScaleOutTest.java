package io.tensionstreams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tensionstreams.avro.Article;
import io.tensionstreams.embedded.Directories;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.testing.ScoreLedger;
import io.tensionstreams.testing.UniqueNames;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A second instance joins a running one: tasks move to it, the final scores stay exact, and a score
 * query sent to either instance answers for every pair, wherever the pair's state lives.
 */
@Tag("reliability")
class ScaleOutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant START = ScoreLedger.recentStart();

    @Test
    void aSecondInstanceTakesTasksAndEitherAnswersForEveryPair() throws Exception {
        List<Service> services = new ArrayList<>();
        List<Path> stateDirs = new ArrayList<>();
        // Its own broker: the service uses the fixed topic names, which another test's instances use on the shared one.
        try (EmbeddedPlatform platform = EmbeddedPlatform.start()) {
            String applicationId = UniqueNames.of("scale-out");
            List<Article> corpus = ScoreLedger.corpus(applicationId, 2_000, START, Duration.ofSeconds(1));
            Service first = start(platform, applicationId, services, stateDirs);
            await().atMost(Duration.ofSeconds(60)).until(() -> first.state() == KafkaStreams.State.RUNNING);
            int tasksAlone = activeTasks(first);
            java.util.Set<Integer> everySubtopology = subtopologies(first);
            String articles = first.topology().topics().articles();
            ScoreLedger.publish(platform.bootstrapServers(), first.registry(), articles, corpus.subList(0, 1_000), 0);
            ScoreLedger.awaitRecords(platform.bootstrapServers(), first.topology().topics().signals(), 300, Duration.ofSeconds(60));

            Service second = start(platform, applicationId, services, stateDirs);
            await().atMost(Duration.ofSeconds(120)).until(() -> services.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING)
                    && activeTasks(second) > 0);
            assertThat(activeTasks(first)).as("tasks moved to the new instance").isLessThan(tasksAlone);
            assertThat(activeTasks(first) + activeTasks(second)).isEqualTo(tasksAlone);
            // Every stage scales: tagging and near-copy marking (the input's sub-topology) and the aggregation (the pairs').
            assertThat(everySubtopology).as("the input's and the pair aggregation's").hasSize(2);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(subtopologies(first)).isEqualTo(everySubtopology);
                assertThat(subtopologies(second)).isEqualTo(everySubtopology);
            });

            ScoreLedger.publish(platform.bootstrapServers(), first.registry(), articles, corpus.subList(1_000, corpus.size()), 0);
            ScoreLedger.awaitRecords(platform.bootstrapServers(), first.topology().topics().signals(), corpus.size(), Duration.ofSeconds(120));
            Map<String, Integer> expected = ScoreLedger.expected(corpus);

            // Queried before the clock articles below move stream time on: the one-hour windows are kept for their grace only.
            TreeSet<String> pairs = new TreeSet<>();
            expected.keySet().forEach(key -> pairs.add(key.substring(0, key.indexOf('@'))));
            for (String pair : pairs) {
                String path = "/api/pairs/" + pair + "/scores?window=PT1H&from=" + START.minusSeconds(3600) + "&to=" + START.plusSeconds(4 * 3600);
                int articlesOfPair = expected.entrySet().stream().filter(entry -> entry.getKey().startsWith(pair + "@")
                        && entry.getKey().endsWith("/PT1H")).mapToInt(Map.Entry::getValue).sum();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    JsonNode fromFirst = JSON.readTree(get(first, path));
                    JsonNode fromSecond = JSON.readTree(get(second, path));
                    assertThat(fromSecond).as(pair).isEqualTo(fromFirst);
                    int articlesAnswered = 0;
                    for (JsonNode window : fromFirst) {
                        articlesAnswered += window.get("articles").asInt();
                    }
                    assertThat(articlesAnswered).as(pair + " articles over its one-hour windows").isEqualTo(articlesOfPair);
                });
            }

            ScoreLedger.publish(platform.bootstrapServers(), first.registry(), articles, ScoreLedger.clock(applicationId, START), 0);
            assertThat(ScoreLedger.awaitFinals(platform.bootstrapServers(), first.registry(), first.topology().topics().finalScores(), expected,
                    Duration.ofSeconds(120))).isEqualTo(expected);
        } finally {
            services.forEach(Service::close);
            stateDirs.forEach(Directories::deleteRecursively);
        }
    }

    private static Service start(EmbeddedPlatform platform, String applicationId, List<Service> services, List<Path> stateDirs) throws Exception {
        Path stateDir = Files.createTempDirectory("tension-scale-out-");
        stateDirs.add(stateDir);
        Settings settings = Settings.load(null, Map.of(), Map.of("bootstrap.servers", platform.bootstrapServers(), "schema.registry.url",
                platform.schemaRegistryUrl(), "application.id", applicationId, "http.port", "0", "state.dir", stateDir.toString()));
        Service service = Service.start(settings, new PrintWriter(new StringWriter()));
        services.add(service);
        return service;
    }

    private static int activeTasks(Service service) {
        return service.app().streams().metadataForLocalThreads().stream().mapToInt(thread -> thread.activeTasks().size()).sum();
    }

    /** The sub-topologies this instance runs active tasks of. */
    private static java.util.Set<Integer> subtopologies(Service service) {
        java.util.Set<Integer> ids = new java.util.TreeSet<>();
        service.app().streams().metadataForLocalThreads().forEach(thread -> thread.activeTasks()
                .forEach(task -> ids.add(task.taskId().subtopology())));
        return ids;
    }

    private static String get(Service service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.http().url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
