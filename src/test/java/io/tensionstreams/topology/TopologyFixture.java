package io.tensionstreams.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.avro.TensionAlert;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.registry.SchemaRegistryServer;
import io.tensionstreams.tagging.Tagger;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The topology under TopologyTestDriver, with the real Avro serdes against an in-memory registry. */
final class TopologyFixture implements AutoCloseable {
    static final Tagger TAGGER = Tagger.bundled();

    final TopologyConfig config;
    final TopologyTestDriver driver;
    final TestInputTopic<String, Article> articles;
    final TestInputTopic<String, byte[]> rawArticles;
    final TestOutputTopic<String, ArticleSignal> signals;
    final TestOutputTopic<String, TensionScore> scores;
    final TestOutputTopic<String, TensionScore> finalScores;
    final TestOutputTopic<String, TensionAlert> alerts;
    final TestOutputTopic<byte[], byte[]> deadLetters;
    private final SchemaRegistryServer registry;
    /** The contributions the topology reported late, as "pair window". */
    final java.util.List<String> late = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DuplicateListener lateContributions = new DuplicateListener() {
        @Override
        public void lateContribution(String pair, java.time.Duration windowSize) {
            late.add(pair + " " + TopologyConfig.label(windowSize));
        }
    };
    private final Path stateDir;

    /** The topology with originals counted at once (no near-copy settle time): the driver's wall clock stands still unless told. */
    TopologyFixture(TopologyConfig config) {
        this(config, false);
    }

    /** @param settleNearCopies keep the settle time of {@code config}: the test advances the wall clock */
    TopologyFixture(TopologyConfig config, boolean settleNearCopies) {
        this.config = settleNearCopies ? config : config.withNearDuplicateSettle(java.time.Duration.ZERO);
        try {
            registry = SchemaRegistryServer.startInMemory("127.0.0.1", 0);
            stateDir = Files.createTempDirectory("tension-ttd-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Topics topics = Topics.of(this.config.topics(), SchemaRegistryClient.forUrl(registry.url()));
        Properties props = StreamsSettings.of("tension-test", "unused:9092", this.config.topics(), Map.of("state.dir", stateDir.toString()));
        TopologyListeners listeners = new TopologyListeners(TaggingListener.NONE, lateContributions, AlertListener.NONE, reason -> { },
                score -> { });
        driver = new TopologyTestDriver(TensionTopology.build(this.config, topics, TAGGER, listeners), props);
        TopicNames names = this.config.topics();
        articles = driver.createInputTopic(names.articles(), new StringSerializer(), topics.articles().valueSerde().serializer());
        rawArticles = driver.createInputTopic(names.articles(), new StringSerializer(), new ByteArraySerializer());
        signals = driver.createOutputTopic(names.signals(), new StringDeserializer(), topics.signals().valueSerde().deserializer());
        scores = driver.createOutputTopic(names.scores(), new StringDeserializer(), topics.scores().valueSerde().deserializer());
        finalScores = driver.createOutputTopic(names.finalScores(), new StringDeserializer(), topics.finalScores().valueSerde().deserializer());
        alerts = driver.createOutputTopic(names.alerts(), new StringDeserializer(), topics.alerts().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(names.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    TopologyFixture() {
        this(TopologyConfig.defaults());
    }

    /** Publishes an article whose record time is its publication time. */
    void publish(Article article) {
        articles.pipeInput(article.getId(), article, article.getPublishedAt());
    }

    void publish(Article article, Instant recordTime) {
        articles.pipeInput(article.getId(), article, recordTime);
    }

    @Override
    public void close() {
        driver.close();
        registry.close();
        io.tensionstreams.embedded.Directories.deleteRecursively(stateDir);
    }
}
