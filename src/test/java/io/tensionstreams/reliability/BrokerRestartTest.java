package io.tensionstreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tensionstreams.app.TensionApp;
import io.tensionstreams.app.TopicCreator;
import io.tensionstreams.avro.Article;
import io.tensionstreams.embedded.Directories;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.tagging.Tagger;
import io.tensionstreams.testing.ScoreLedger;
import io.tensionstreams.testing.UniqueNames;
import io.tensionstreams.topology.TopicNames;
import io.tensionstreams.topology.TopologyConfig;
import io.tensionstreams.topology.TopologyListeners;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The broker goes down and comes back on the same data while the application runs: the application
 * recovers by itself, and the final scores are exact.
 */
@Tag("reliability")
class BrokerRestartTest {
    private static final Instant START = ScoreLedger.recentStart();

    @Test
    void theApplicationRidesOutABrokerRestartAndTheTotalsAreExact() throws Exception {
        Path stateDir = Files.createTempDirectory("tension-broker-restart-");
        // Its own broker, which this test stops and starts.
        try (EmbeddedPlatform platform = EmbeddedPlatform.start()) {
            SchemaRegistryClient registry = SchemaRegistryClient.forUrl(platform.schemaRegistryUrl());
            String prefix = UniqueNames.of("restart");
            TopicNames names = TopicNames.prefixed(prefix);
            new TopicCreator(Map.of("bootstrap.servers", platform.bootstrapServers()), Duration.ofSeconds(30))
                    .createMissing(names, 6, Optional.of((short) 1));
            List<Article> corpus = ScoreLedger.corpus(prefix, 3_000, START, Duration.ofMillis(500));
            try (TensionApp app = TensionApp.start(new TensionApp.Settings(prefix + "-app", platform.bootstrapServers(), registry,
                    TopologyConfig.defaults().withTopics(names), Tagger.bundled(), TopologyListeners.NONE,
                    Map.<String, Object>of("state.dir", stateDir.toString(), "num.stream.threads", 2), Duration.ofSeconds(30)))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> app.streams().state() == KafkaStreams.State.RUNNING);
                ScoreLedger.publish(platform.bootstrapServers(), registry, names.articles(), corpus.subList(0, 1_500), 0);
                ScoreLedger.awaitRecords(platform.bootstrapServers(), names.signals(), 500, Duration.ofSeconds(60));

                platform.restart();

                ScoreLedger.publish(platform.bootstrapServers(), registry, names.articles(), corpus.subList(1_500, corpus.size()), 0);
                ScoreLedger.awaitRecords(platform.bootstrapServers(), names.signals(), corpus.size(), Duration.ofSeconds(180));
                ScoreLedger.publish(platform.bootstrapServers(), registry, names.articles(), ScoreLedger.clock(prefix, START), 0);
                Map<String, Integer> expected = ScoreLedger.expected(corpus);
                assertThat(ScoreLedger.awaitFinals(platform.bootstrapServers(), registry, names.finalScores(), expected, Duration.ofSeconds(120)))
                        .isEqualTo(expected);
                assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
        } finally {
            Directories.deleteRecursively(stateDir);
        }
    }
}
