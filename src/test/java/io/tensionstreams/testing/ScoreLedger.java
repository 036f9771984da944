package io.tensionstreams.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.tagging.ArticleText;
import io.tensionstreams.tagging.PairMatch;
import io.tensionstreams.tagging.Tagger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the final scores of a run must be, and what they are: the articles per pair and window that
 * the tagger alone predicts for a corpus, against the {@code read_committed} final-score records.
 * An uninterrupted run equals the prediction (TensionTopologyIntegrationTest); so a run with
 * crashes or restarts that equals it lost nothing and counted nothing twice.
 */
public final class ScoreLedger {
    private static final Tagger TAGGER = Tagger.bundled();
    private static final List<Duration> WINDOWS = List.of(Duration.ofHours(1), Duration.ofDays(1));

    private ScoreLedger() {
    }

    /**
     * {@code count} distinct articles (no two are near-copies) on three stories, {@code spacing}
     * apart from {@code start}. Keep the whole corpus inside the windows' grace: the near-copy stage
     * merges every input partition, so a long corpus would arrive there out of order.
     */
    public static List<Article> corpus(String prefix, int count, Instant start, Duration spacing) {
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            Instant at = start.plus(spacing.multipliedBy(i));
            articles.add(switch (i % 3) {
                case 0 -> Stories.drills(id, at);
                case 1 -> Stories.waterCannon(id, at);
                default -> Stories.talks(id, at);
            });
        }
        return articles;
    }

    /** One article of each story three days later: stream time passes every window and grace of the corpus. */
    public static List<Article> clock(String prefix, Instant corpusStart) {
        Instant later = corpusStart.plus(Duration.ofDays(3));
        return List.of(Stories.drills(prefix + "-clock-0", later), Stories.waterCannon(prefix + "-clock-1", later),
                Stories.talks(prefix + "-clock-2", later));
    }

    /** "pair@windowStart/windowSize" to the number of articles, for the default windows. */
    public static Map<String, Integer> expected(List<Article> articles) {
        Map<String, Integer> expected = new TreeMap<>();
        for (Article article : articles) {
            List<PairMatch> pairs = TAGGER.tag(new ArticleText(article.getId(), article.getTitle(), article.getBody(), null)).pairs();
            for (Duration window : WINDOWS) {
                long start = Math.floorDiv(article.getPublishedAt().toEpochMilli(), window.toMillis()) * window.toMillis();
                for (PairMatch pair : pairs) {
                    expected.merge(key(pair.pair(), start, window.toMillis()), 1, Integer::sum);
                }
            }
        }
        return expected;
    }

    /**
     * Reads the final scores with read_committed until every expected window is there, and returns
     * those windows' article counts. Fails if a window has two final records.
     */
    public static Map<String, Integer> awaitFinals(String bootstrapServers, SchemaRegistryClient registry, String topic,
                                                   Map<String, Integer> expected, Duration atMost) {
        Map<String, Integer> actual = new TreeMap<>();
        try (KafkaConsumer<String, TensionScore> consumer = new KafkaConsumer<>(readCommitted(bootstrapServers), new StringDeserializer(),
                AvroSerdes.specificValue(TensionScore.class, registry).deserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(atMost).pollInSameThread().alias("final scores for " + expected.keySet()).until(() -> {
                for (ConsumerRecord<String, TensionScore> record : consumer.poll(Duration.ofMillis(500))) {
                    TensionScore score = record.value();
                    String key = key(score.getPair(), score.getWindowStart().toEpochMilli(),
                            score.getWindowEnd().toEpochMilli() - score.getWindowStart().toEpochMilli());
                    assertThat(actual.put(key, score.getArticles())).as("one final record per window: " + key).isNull();
                }
                return actual.keySet().containsAll(expected.keySet());
            });
        }
        actual.keySet().retainAll(expected.keySet());
        return actual;
    }

    /** Counts the records a read_committed reader sees on a topic, up to {@code count}. */
    public static void awaitRecords(String bootstrapServers, String topic, int count, Duration atMost) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readCommitted(bootstrapServers), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int[] seen = new int[1];
            await().atMost(atMost).pollInSameThread().alias(count + " records on " + topic).until(() -> {
                seen[0] += consumer.poll(Duration.ofMillis(500)).count();
                return seen[0] >= count;
            });
        }
    }

    /** An idempotent producer of Avro articles, keyed by id, timestamped with publishedAt. */
    public static KafkaProducer<String, Article> producer(String bootstrapServers, SchemaRegistryClient registry) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new StringSerializer(), AvroSerdes.specificValue(Article.class, registry).serializer());
    }

    public static ProducerRecord<String, Article> record(String topic, Article article) {
        return new ProducerRecord<>(topic, null, article.getPublishedAt().toEpochMilli(), article.getId(), article);
    }

    private static Properties readCommitted(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("ledger-reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private static String key(String pair, long windowStart, long windowMillis) {
        return pair + "@" + Instant.ofEpochMilli(windowStart) + "/" + Duration.ofMillis(windowMillis);
    }
}
