package io.tensionstreams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import io.tensionstreams.app.TensionApp;
import io.tensionstreams.app.TopicCreator;
import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.embedded.Directories;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.tagging.ArticleText;
import io.tensionstreams.tagging.PairMatch;
import io.tensionstreams.testing.ScoreLedger;
import io.tensionstreams.testing.SharedPlatform;
import io.tensionstreams.testing.Stories;
import io.tensionstreams.testing.UniqueNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The topology on the real embedded broker: two instances share six input partitions under exactly-once. */
class TensionTopologyIntegrationTest {
    private static final Instant START = ScoreLedger.recentHour();
    private final EmbeddedPlatform platform = SharedPlatform.get();
    private final SchemaRegistryClient registry = SchemaRegistryClient.forUrl(platform.schemaRegistryUrl());
    private final List<TensionApp> apps = new ArrayList<>();
    private final List<Path> stateDirs = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(TensionApp::close);
        stateDirs.forEach(Directories::deleteRecursively);
    }

    @Test
    void twoInstancesShareTheWorkAndTheFinalScoresAreExact() throws Exception {
        String prefix = UniqueNames.of("it");
        TopicNames names = TopicNames.prefixed(prefix);
        // Two instances interleave six partitions into the one-partition near-duplicate stage, so event
        // time arrives out of order there; the grace must cover that skew (it spans the whole burst here).
        TopologyConfig config = TopologyConfig.defaults().withTopics(names).withWindows(List.of(Duration.ofHours(1)), Duration.ofHours(4));
        new TopicCreator(Map.of("bootstrap.servers", platform.bootstrapServers()), Duration.ofSeconds(30))
                .createMissing(names, 6, Optional.of((short) 1));

        String applicationId = prefix + "-app";
        startInstance(applicationId, config);
        startInstance(applicationId, config);
        await().atMost(Duration.ofSeconds(90)).until(() -> apps.stream().allMatch(app -> app.streams().state() == KafkaStreams.State.RUNNING
                && app.streams().metadataForLocalThreads().stream().anyMatch(thread -> !thread.activeTasks().isEmpty())));

        List<Article> articles = articles();
        publish(names.articles(), articles);
        publishNotAvro(names.articles());
        awaitSignals(names.signals(), articles.size());
        // Only now move stream time far ahead, so that no article is still in flight when its window closes.
        publish(names.articles(), clockArticles());

        Map<String, Integer> expected = expectedArticlesPerPairWindow(articles);
        Map<String, Integer> actual = new TreeMap<>();
        try (KafkaConsumer<String, TensionScore> consumer = readCommitted(names.finalScores())) {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                for (ConsumerRecord<String, TensionScore> record : consumer.poll(Duration.ofMillis(500))) {
                    TensionScore score = record.value();
                    String key = score.getPair() + "@" + score.getWindowStart();
                    assertThat(actual.put(key, score.getArticles())).as("one final record per window: " + key).isNull();
                }
                return actual.keySet().containsAll(expected.keySet());
            });
        }
        Map<String, Integer> closedWindows = new TreeMap<>(actual);
        closedWindows.keySet().retainAll(expected.keySet());
        assertThat(closedWindows).isEqualTo(expected);
        assertThat(apps).allSatisfy(app -> assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING));

        try (KafkaConsumer<byte[], byte[]> dlq = readCommittedBytes(names.deadLetters())) {
            List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(500)).forEach(dead::add);
                return !dead.isEmpty();
            });
            assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("poison");
            assertThat(new String(dead.get(0).headers().lastHeader("__streams.errors.message").value(), StandardCharsets.UTF_8))
                    .contains("unknown magic byte");
        }
    }

    /** Three hours of distinct articles on the pairs of two stories. */
    private static List<Article> articles() {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            Instant at = START.plus(Duration.ofMinutes(5L * i));
            articles.add(i % 3 == 0 ? Stories.drills("it-drills-" + i, at) : Stories.waterCannon("it-cannon-" + i, at));
        }
        return articles;
    }

    /** One more article of each story far later: it moves every pair's stream time past the windows' grace. */
    private static List<Article> clockArticles() {
        Instant later = START.plus(Duration.ofHours(10));
        return List.of(Stories.drills("it-clock-drills", later), Stories.waterCannon("it-clock-cannon", later));
    }

    private void awaitSignals(String topic, int count) {
        Properties props = consumerProps();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int[] seen = new int[1];
            await().atMost(Duration.ofSeconds(180))
                    .conditionEvaluationListener(condition -> { })
                    .alias("signals seen, instance states " + apps.stream().map(app -> app.streams().state()).toList())
                    .until(() -> {
                        seen[0] += consumer.poll(Duration.ofMillis(500)).count();
                        return seen[0] >= count;
                    });
        }
    }

    /** What the final scores must say, from the tagger alone: articles per pair and closed window. */
    private static Map<String, Integer> expectedArticlesPerPairWindow(List<Article> articles) {
        Map<String, Integer> expected = new TreeMap<>();
        for (Article article : articles) {
            Instant window = Instant.ofEpochMilli(article.getPublishedAt().toEpochMilli() / 3_600_000L * 3_600_000L);
            for (PairMatch pair : TopologyFixture.TAGGER.tag(new ArticleText(article.getId(), article.getTitle(), article.getBody(), null)).pairs()) {
                expected.merge(pair.pair() + "@" + window, 1, Integer::sum);
            }
        }
        return expected;
    }

    private void startInstance(String applicationId, TopologyConfig config) throws Exception {
        Path stateDir = Files.createTempDirectory("tension-it-");
        stateDirs.add(stateDir);
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("state.dir", stateDir.toString());
        overrides.put("num.stream.threads", 1);
        apps.add(TensionApp.start(new TensionApp.Settings(applicationId, platform.bootstrapServers(), registry, config,
                TopologyFixture.TAGGER, TopologyListeners.NONE, overrides, Duration.ofSeconds(30))));
    }

    private void publish(String topic, List<Article> articles) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(props, new StringSerializer(),
                AvroSerdes.specificValue(Article.class, registry).serializer())) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(topic, null, article.getPublishedAt().toEpochMilli(), article.getId(), article)).get();
            }
        }
    }

    private void publishNotAvro(String topic) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "poison".getBytes(StandardCharsets.UTF_8), "{\"json\": true}".getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    private KafkaConsumer<String, TensionScore> readCommitted(String topic) {
        KafkaConsumer<String, TensionScore> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(),
                AvroSerdes.specificValue(TensionScore.class, registry).deserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private KafkaConsumer<byte[], byte[]> readCommittedBytes(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }
}
