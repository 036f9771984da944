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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.tagging.ArticleText;
import io.tensionstreams.tagging.PairMatch;
import io.tensionstreams.tagging.Tagger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
     * {@code count} distinct articles (no two are near-copies: checked by ScoreLedgerTest) on three stories, {@code spacing}
     * apart from {@code start}. Keep the whole corpus inside the windows' grace: the near-copy stage
     * merges every input partition, so a long corpus would arrive there out of order.
     */
    public static List<Article> corpus(String prefix, int count, Instant start, Duration spacing) {
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            Instant at = start.plus(spacing.multipliedBy(i));
            Article article = switch (i % 3) {
                case 0 -> Stories.drills(id, at);
                case 1 -> Stories.waterCannon(id, at);
                default -> Stories.talks(id, at);
            };
            // Among thousands of copies of one story, a 40-word closing sentence leaves some pairs
            // within the near-copy distance, and a near-copy does not count: the prediction below
            // knows only the tagger, so every article must be unmistakably its own.
            article.setBody(article.getBody() + Stories.signature(id + "/more", 300));
            articles.add(article);
        }
        return articles;
    }

    /**
     * A start for a corpus: four days ago, forty minutes past the hour. Recent on purpose: topic
     * retention (seven days on the broker) counts from record timestamps, and a corpus dated months
     * back is deleted under a test that runs longer than the broker's five-minute retention check.
     * Not later: its clock articles, three days on, must not be in the broker's future (it refuses
     * timestamps more than an hour ahead).
     */
    public static Instant recentStart() {
        return recentHour().plus(Duration.ofMinutes(40));
    }

    /**
     * The start of the hour four days ago: for a test on the broker whose articles must fall in
     * known hours. Recent for the reason {@link #recentStart} gives: a test dated at a fixed day
     * runs into the retention as the calendar moves past it, and loses records mid-test.
     */
    public static Instant recentHour() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofDays(4));
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
            await().atMost(atMost).pollInSameThread().untilAsserted(() -> {
                seen[0] += consumer.poll(Duration.ofMillis(500)).count();
                assertThat(seen[0]).as("records on " + topic).isGreaterThanOrEqualTo(count);
            });
        }
    }

    /**
     * Publishes the articles with an idempotent producer, at about {@code perSecond} (0: as fast as
     * it goes), and fails if any was not acknowledged.
     */
    public static void publish(String bootstrapServers, SchemaRegistryClient registry, String topic, List<Article> articles, int perSecond) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, Article> producer = producer(bootstrapServers, registry)) {
            long start = System.nanoTime();
            for (int i = 0; i < articles.size(); i++) {
                producer.send(record(topic, articles.get(i)), (metadata, error) -> failure.compareAndSet(null, error));
                if (perSecond > 0) {
                    long ahead = start + i * 1_000_000_000L / perSecond - System.nanoTime();
                    if (ahead > 0) {
                        LockSupport.parkNanos(ahead); // pacing a load generator, not waiting on a condition
                    }
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an article was not published to " + topic, failure.get());
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

    /**
     * What a stalled read_committed reader may be waiting for, for a failing test's message: the
     * transactions, the partitions they hold open, each group's committed offsets, and each topic's
     * read_committed end, high watermark and log start (a log start past a committed offset means
     * retention deleted records before they were read).
     */
    public static String openTransactions(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            StringBuilder report = new StringBuilder();
            admin.listTransactions().all().get().forEach(listing -> report.append(listing).append('\n'));
            for (var group : admin.listGroups().all().get()) {
                Map<String, Long> committed = new TreeMap<>();
                admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                        .forEach((partition, offset) -> committed.put(partition.toString(), offset == null ? -1 : offset.offset()));
                report.append("group ").append(group.groupId()).append(" committed ").append(committed).append('\n');
            }
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().values().forEach(topic ->
                    topic.partitions().forEach(partition -> partitions.add(new TopicPartition(topic.name(), partition.partition()))));
            admin.describeProducers(partitions).all().get().forEach((partition, state) -> state.activeProducers().stream()
                    .filter(producer -> producer.currentTransactionStartOffset().isPresent())
                    .forEach(producer -> report.append(partition).append(" held open by ").append(producer).append('\n')));
            admin.listTopics().names().get().stream().sorted().forEach(topic -> report.append(topic).append(": ")
                    .append(endOffsets(admin, topic)).append('\n'));
            return report.toString();
        } catch (Exception e) {
            return "(cannot describe transactions: " + e + ")";
        }
    }

    private static String endOffsets(Admin admin, String topic) {
        try {
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request = new java.util.HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(partition -> request.put(new TopicPartition(topic, partition.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest()));
            Map<TopicPartition, String> ends = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::partition));
            admin.listOffsets(request, new org.apache.kafka.clients.admin.ListOffsetsOptions(org.apache.kafka.common.IsolationLevel.READ_COMMITTED))
                    .all().get().forEach((partition, info) -> ends.put(partition, String.valueOf(info.offset())));
            admin.listOffsets(request, new org.apache.kafka.clients.admin.ListOffsetsOptions(org.apache.kafka.common.IsolationLevel.READ_UNCOMMITTED))
                    .all().get().forEach((partition, info) -> ends.merge(partition, "/" + info.offset(), String::concat));
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> earliest = new java.util.HashMap<>();
            request.keySet().forEach(partition -> earliest.put(partition, org.apache.kafka.clients.admin.OffsetSpec.earliest()));
            admin.listOffsets(earliest).all().get().forEach((partition, info) -> ends.merge(partition, " from " + info.offset(), String::concat));
            return "ends (read_committed/high watermark from log start) " + ends.values();
        } catch (Exception e) {
            return e.toString();
        }
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
