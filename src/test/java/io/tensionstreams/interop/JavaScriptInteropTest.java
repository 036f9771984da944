package io.tensionstreams.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tensionstreams.avro.Article;
import io.tensionstreams.testing.ScoreLedger;
import io.tensionstreams.testing.SharedBrokerApp;
import io.tensionstreams.testing.Stories;
import io.tensionstreams.topology.TopologyConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with a client nobody here wrote: the npm packages kafkajs 2.2.4 and
 * {@code @kafkajs/confluent-schema-registry} 4.1.0, with their default settings, under Node. They
 * register the project's Article.avsc and publish articles; the application tags and scores them;
 * then they decode every record of every output topic. The packages are installed at test time
 * into {@code target/node-interop} from the pinned lockfile in {@code src/test/node}.
 */
@Tag("interop")
class JavaScriptInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/node-interop");
    private static final Instant HOUR_0 = ScoreLedger.recentHour();

    @BeforeAll
    static void installThePinnedPackages() throws Exception {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "interop.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/kafkajs")) || !Files.isDirectory(WORK.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
            Run npm = run(Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
            assertThat(npm.exitCode).as("npm ci in %s:%n%s", WORK, npm.output).isZero();
        }
    }

    @Test
    void articlesPublishedFromJavaScriptAreScoredAndEveryOutputRecordDecodesInJavaScript() throws Exception {
        try (SharedBrokerApp app = new SharedBrokerApp("js-interop")) {
            // Hourly windows whose finals are written as soon as the hour is over, so that a few articles make every output.
            app.start(TopologyConfig.defaults().withWindows(List.of(Duration.ofHours(1)), Duration.ZERO), 3, 1);
            List<Article> articles = articles();
            List<Article> hourZero = articles.subList(0, articles.size() - 1);

            // The hour's articles first, tagged before the one that closes the hour: with no grace, one behind it would not count.
            JsonNode produced = produce(app, hourZero);
            assertThat(produced.path("produced").asInt()).as(produced.toString()).isEqualTo(hourZero.size());
            // Counted by a read_committed reader: a topic's end offset also counts the transactions' commit markers.
            ScoreLedger.awaitRecords(app.platform.bootstrapServers(), app.names.signals(), hourZero.size(), Duration.ofSeconds(90));
            assertThat(produce(app, articles.subList(hourZero.size(), articles.size())).path("produced").asInt()).isEqualTo(1);

            List<String> outputs = List.of(app.names.signals(), app.names.scores(), app.names.finalScores(), app.names.alerts());
            Map<String, Integer> expected = new LinkedHashMap<>();
            outputs.forEach(topic -> expected.put(topic, 1));
            expected.put(app.names.signals(), articles.size());
            expected.forEach((topic, count) -> ScoreLedger.awaitRecords(app.platform.bootstrapServers(), topic, count, Duration.ofSeconds(90)));
            JsonNode consumed = node("consume", Map.of("topics", outputs, "expected", expected, "quietMillis", 3000, "timeoutMillis", 150_000), app);

            for (String topic : outputs) {
                JsonNode result = consumed.path("topics").path(topic);
                assertThat(result.path("records").asInt()).as(topic + ": " + result).isPositive();
                assertThat(result.path("failures").asInt()).as(topic + ": " + result).isZero();
            }
            assertThat(consumed.path("topics").path(app.names.signals()).path("records").asInt()).isEqualTo(articles.size());
            assertThat(consumed.path("topics").path(app.names.signals()).path("fields").toString()).contains("fingerprint").doesNotContain("simhash");
            assertThat(consumed.path("topics").path(app.names.scores()).path("fields").toString()).contains("intensity", "attentionShare");
        }
    }

    private JsonNode produce(SharedBrokerApp app, List<Article> articles) throws Exception {
        return node("produce", Map.of("articlesTopic", app.names.articles(), "avsc", Path.of("schemas/Article.avsc").toAbsolutePath().toString(),
                "articles", articles.stream().map(JavaScriptInteropTest::asJavaScript).toList()), app);
    }

    /** Four drills reports make CN-TW new and high (a first-seen alert); a report two hours on closes the hour. */
    private static List<Article> articles() {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            articles.add(Stories.drills("js-drills-" + i, HOUR_0.plusSeconds(60L * i)));
        }
        articles.add(Stories.waterCannon("js-cannon", HOUR_0.plusSeconds(600)));
        articles.add(Stories.talks("js-talks", HOUR_0.plus(Duration.ofHours(2))));
        return articles;
    }

    /** An article as a JavaScript caller writes it for the Avro library: plain values, the timestamp in milliseconds. */
    private static Map<String, Object> asJavaScript(Article article) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", article.getId());
        value.put("title", article.getTitle());
        value.put("body", article.getBody());
        value.put("url", null);
        value.put("source", article.getSource());
        value.put("language", "en");
        value.put("publishedAt", article.getPublishedAt().toEpochMilli());
        return value;
    }

    private static JsonNode node(String mode, Map<String, Object> settings, SharedBrokerApp app) throws Exception {
        Map<String, Object> config = new LinkedHashMap<>(settings);
        config.put("brokers", List.of(app.platform.bootstrapServers().split(",")));
        config.put("registry", app.platform.schemaRegistryUrl());
        Path configFile = WORK.resolve(mode + "-" + app.prefix + ".json");
        JSON.writeValue(configFile.toFile(), config);
        Run node = run(Duration.ofMinutes(3), "node", "interop.mjs", mode, configFile.getFileName().toString());
        String[] lines = node.output.strip().split("\n");
        assertThat(node.exitCode).as("node interop.mjs %s:%n%s", mode, node.output).isZero();
        return JSON.readTree(lines[lines.length - 1]);
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs a command in the work directory, its output to a file, so that a hung command is stopped at the timeout. */
    private static Run run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(WORK, command[0] + "-", ".log");
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout + ":\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
