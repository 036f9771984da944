package io.tensionstreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.tensionstreams.app.TopicCreator;
import io.tensionstreams.avro.Article;
import io.tensionstreams.embedded.Directories;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.testing.ScoreLedger;
import io.tensionstreams.testing.SideLane;
import io.tensionstreams.testing.SpawnedApp;
import io.tensionstreams.testing.UniqueNames;
import io.tensionstreams.topology.TopicNames;
import io.tensionstreams.topology.TopologyConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code tension run} in its own JVM is killed with SIGKILL in the middle of a 3,000-article
 * stream and started again on the same state directory: the read_committed final scores equal the
 * uninterrupted prediction exactly.
 */
@Tag("reliability")
@Execution(ExecutionMode.CONCURRENT) // its own broker: beside the rest of the suite, see SideLane
@ResourceLock(SideLane.LOCK)
class CrashRecoveryTest {
    /**
     * Enough that the instance dies with transactions open and most of the stream still to come (it
     * is killed once a tenth is through, while the publisher is still writing); the restarted
     * instance then works through the rest at about a hundred articles a second on two busy cores,
     * so every thousand articles more cost the suite some ten seconds for no more of either.
     */
    private static final int ARTICLES = 3_000;
    /**
     * Slow enough that publishing goes on through the crash and the restart: 30 s for the stream,
     * where the first instance has a tenth through some 8-15 s after publishing starts. At 500 a
     * second the publisher had finished before the kill.
     */
    private static final int PUBLISHED_PER_SECOND = 100;
    /** 100 ms apart: the corpus spans 5 minutes, inside the one-hour grace whatever order the partitions are read in. */
    private static final Duration SPACING = Duration.ofMillis(100);
    private static final Instant START = ScoreLedger.recentStart();
    // Its own broker: `run` uses the fixed topic names, which other tests' instances use on the shared one.
    private static EmbeddedPlatform platform;

    @BeforeAll
    static void startBroker() {
        platform = EmbeddedPlatform.start();
    }

    @AfterAll
    static void stopBroker() {
        platform.close();
    }

    /** The instance's own account of what it did with each article (tension_articles_total by outcome). */
    private static String articleCounters(SpawnedApp app) {
        try {
            String url = app.lines().stream().filter(line -> line.startsWith("HTTP: ")).findFirst().orElseThrow().split("\\s+")[1];
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/metrics"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith("tension_articles_total")).toList().toString();
        } catch (Exception e) {
            return "(no metrics: " + e + ")";
        }
    }

    @Test
    void aKilledInstanceRestartedOnItsStateLosesNothingAndCountsNothingTwice() throws Exception {
        TopicNames names = TopologyConfig.defaults().topics();
        new TopicCreator(Map.of("bootstrap.servers", platform.bootstrapServers()), Duration.ofSeconds(30))
                .createMissing(names, 6, Optional.of((short) 1));
        SchemaRegistryClient registry = SchemaRegistryClient.forUrl(platform.schemaRegistryUrl());
        List<Article> corpus = ScoreLedger.corpus(UniqueNames.of("crash"), ARTICLES, START, SPACING);
        Path stateDir = Files.createTempDirectory("tension-crash-");
        String[] run = {"run", "--bootstrap-servers", platform.bootstrapServers(), "--schema-registry-url", platform.schemaRegistryUrl(),
                "--application-id", "crash-test", "--state-dir", stateDir.toString(), "--http-port", "0"};
        try {
            CompletableFuture<Void> publishing;
            try (SpawnedApp first = SpawnedApp.start(run)) {
                first.awaitLine("Running:", Duration.ofSeconds(90));
                publishing = CompletableFuture.runAsync(() -> ScoreLedger.publish(platform.bootstrapServers(), registry, names.articles(), corpus,
                        PUBLISHED_PER_SECOND));
                // Mid-stream: a tenth of the articles are through, transactions are open, the rest are still to come.
                ScoreLedger.awaitRecords(platform.bootstrapServers(), names.signals(), ARTICLES / 10, Duration.ofSeconds(120));
                assertThat(publishing).as("the publisher is still writing when the instance dies").isNotDone();
                first.killHard();
            }
            try (SpawnedApp second = SpawnedApp.start(run)) {
                second.awaitLine("Running:", Duration.ofSeconds(90));
                publishing.get();
                try {
                    ScoreLedger.awaitRecords(platform.bootstrapServers(), names.signals(), ARTICLES, Duration.ofSeconds(180));
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("the restarted instance did not catch up; its article counters: " + articleCounters(second)
                            + "\nopen transactions:\n" + ScoreLedger.openTransactions(platform.bootstrapServers()) + "its output: " + second.lines(), e);
                }
                ScoreLedger.publish(platform.bootstrapServers(), registry, names.articles(), ScoreLedger.clock("crash-clock", START), 0);

                Map<String, Integer> expected = ScoreLedger.expected(corpus);
                assertThat(ScoreLedger.awaitFinals(platform.bootstrapServers(), registry, names.finalScores(), expected, Duration.ofSeconds(120)))
                        .as("output of the restarted instance: %s", second.lines())
                        .isEqualTo(expected);
            }
        } finally {
            Directories.deleteRecursively(stateDir);
        }
    }
}
