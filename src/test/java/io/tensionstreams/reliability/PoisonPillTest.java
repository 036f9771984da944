package io.tensionstreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.tensionstreams.app.TensionApp;
import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.testing.ScoreLedger;
import io.tensionstreams.testing.SharedBrokerApp;
import io.tensionstreams.testing.Stories;
import io.tensionstreams.testing.UniqueNames;
import io.tensionstreams.topology.TopicNames;
import io.tensionstreams.topology.TopologyConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Good articles interleaved with every kind of bad record the input topic can hold: each bad one
 * reaches the dead-letter topic with its reason, each good one is counted exactly once, and no
 * stream thread dies on the way.
 */
@Tag("reliability")
class PoisonPillTest {
    private static final Instant START = ScoreLedger.recentStart();
    private static final int MAX_BODY_CHARS = 20_000;
    private final SharedBrokerApp fixture = new SharedBrokerApp("poison");
    private final EmbeddedPlatform platform = fixture.platform;
    private final SchemaRegistryClient registry = fixture.registry;
    private final String prefix = fixture.prefix;
    private final TopicNames names = fixture.names;
    private TensionApp app;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void everyBadRecordIsDeadLetteredWithItsReasonAndEveryGoodOneCountsOnce() throws Exception {
        app = fixture.start(TopologyConfig.defaults().withMaxBodyChars(MAX_BODY_CHARS), 6, 2);
        List<String> threadsAtStart = threadNames();

        List<Article> good = new ArrayList<>(ScoreLedger.corpus(prefix, 40, START, Duration.ofSeconds(30)));
        good.add(sixtyCountries(prefix + "-sixty-countries", START.plusSeconds(7)));
        Map<String, byte[]> bad = badRecords();
        publishInterleaved(good, bad);

        ScoreLedger.awaitRecords(platform.bootstrapServers(), names.signals(), good.size(), Duration.ofSeconds(90));
        ScoreLedger.publish(platform.bootstrapServers(), registry, names.articles(), ScoreLedger.clock(prefix, START), 0);
        Map<String, Integer> expected = ScoreLedger.expected(good);
        assertThat(ScoreLedger.awaitFinals(platform.bootstrapServers(), registry, names.finalScores(), expected, Duration.ofSeconds(90)))
                .isEqualTo(expected);

        Map<String, String> reasons = deadLetterReasons(bad.size());
        assertThat(reasons.keySet()).containsExactlyInAnyOrderElementsOf(bad.keySet());
        assertThat(reasons).allSatisfy((key, reason) -> assertThat(reason).as(key).isNotBlank());
        assertThat(reasons.get("bad-not-avro")).contains("unknown magic byte");
        assertThat(reasons.get("bad-magic-byte")).contains("unknown magic byte");
        assertThat(reasons.get("bad-unknown-schema-id")).contains("99999");
        assertThat(reasons.get("bad-truncated")).containsIgnoringCase("truncated");
        assertThat(reasons.get("bad-other-schema")).containsIgnoringCase("TensionScore");
        assertThat(reasons.get("bad-null-value")).contains("null value");
        assertThat(reasons.get("bad-no-text")).contains("neither title nor body");
        assertThat(reasons.get("bad-too-long")).contains("over the limit of " + MAX_BODY_CHARS);
        assertThat(reasons.get("bad-invalid-utf8")).contains("not valid UTF-8");
        assertThat(reasons.get("bad-year-2999")).contains("2999-01-01T00:00:00Z");
        assertThat(reasons.get("bad-year-1970")).contains("before 1990");
        assertThat(reasons.get("bad-near-broker-limit")).as("written truncated, with its reason").contains("unknown magic byte");

        assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(threadNames()).as("no stream thread died and was replaced").isEqualTo(threadsAtStart);
    }

    private List<String> threadNames() {
        return app.streams().metadataForLocalThreads().stream().map(ThreadMetadata::threadName).sorted().toList();
    }

    /** Every kind of bad record, keyed by a name that says what is wrong with it. */
    private Map<String, byte[]> badRecords() {
        byte[] valid = serialize(Stories.waterCannon(prefix + "-template", START));
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("bad-not-avro", "{\"title\": \"JSON, not Avro\"}".getBytes(StandardCharsets.UTF_8));
        bad.put("bad-magic-byte", withByte(valid, 0, (byte) 7));
        bad.put("bad-unknown-schema-id", withSchemaId(valid, 99999));
        bad.put("bad-truncated", Arrays.copyOf(valid, valid.length / 2));
        bad.put("bad-other-schema", otherSchema());
        bad.put("bad-null-value", null);
        bad.put("bad-no-text", serialize(Stories.article(prefix + "-no-text", "", " ", "wire", START.plusSeconds(1))));
        bad.put("bad-too-long", serialize(Stories.article(prefix + "-too-long", "Long", "words ".repeat(MAX_BODY_CHARS / 5), "wire",
                START.plusSeconds(2))));
        bad.put("bad-invalid-utf8", invalidUtf8());
        bad.put("bad-year-2999", serialize(Stories.drills(prefix + "-2999", Instant.parse("2999-01-01T00:00:00Z"))));
        bad.put("bad-year-1970", serialize(Stories.drills(prefix + "-1970", Instant.parse("1970-01-01T00:00:00Z"))));
        // Just under the broker's limit: its dead-letter copy, with the error headers, is over the producer's.
        byte[] nearLimit = new byte[1_048_400];
        Arrays.fill(nearLimit, (byte) 'x');
        bad.put("bad-near-broker-limit", nearLimit);
        return bad;
    }

    /** A real article whose body is named countries, sixty of them: a roll call, not an attack. */
    private static Article sixtyCountries(String id, Instant at) {
        List<String> countries = List.of("China", "Taiwan", "Russia", "Ukraine", "the Philippines", "Vietnam", "Japan", "Australia", "India",
                "North Korea", "South Korea", "Cuba", "Canada", "Britain", "France", "Germany", "Iran", "Israel", "Belarus",
                "the Netherlands", "Cambodia", "Malaysia", "Indonesia", "the United States", "Brazil", "Argentina", "Chile", "Peru",
                "Colombia", "Mexico", "Egypt", "Nigeria", "Kenya", "Ethiopia", "South Africa", "Morocco", "Algeria", "Tunisia", "Ghana",
                "Senegal", "Norway", "Sweden", "Finland", "Denmark", "Poland", "Spain", "Portugal", "Italy", "Greece", "Turkey",
                "Saudi Arabia", "Qatar", "Oman", "Jordan", "Kazakhstan", "Mongolia", "Nepal", "Thailand", "Singapore", "New Zealand");
        assertThat(countries).hasSize(60);
        String body = "Delegates of " + String.join(", ", countries) + " attended the opening of the assembly on Monday. "
                + "The session will discuss trade, fisheries and climate over three days.";
        return Stories.article(id, "Sixty nations open the annual assembly", body, "wire", at);
    }

    private byte[] serialize(Article article) {
        return AvroSerdes.specificValue(Article.class, registry).serializer().serialize(names.articles(), article);
    }

    /** A TensionScore in the wire format, registered under another topic's subject: valid Avro, wrong record. */
    private byte[] otherSchema() {
        TensionScore score = TensionScore.newBuilder().setPair("CN-US").setCountryA("CN").setCountryB("US").setWindowSize("PT1H")
                .setWindowStart(START).setWindowEnd(START.plusSeconds(3600)).setArticles(1).setSources(1).setEscalation(1.0)
                .setDeescalation(0.0).setIndex(10.0).setThemes(List.of()).setTopArticles(List.of()).setFinal$(true).build();
        return AvroSerdes.specificValue(TensionScore.class, registry).serializer().serialize(prefix + "-elsewhere", score);
    }

    /** An article whose body bytes are not UTF-8: the Avro length prefix stays right, the characters do not decode. */
    private byte[] invalidUtf8() {
        byte[] bytes = serialize(Stories.article(prefix + "-utf8", "Ships near the shoal", "MARKER text of the body", "wire",
                START.plusSeconds(3)));
        int at = indexOf(bytes, "MARKER".getBytes(StandardCharsets.US_ASCII));
        byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xFF, (byte) 0xFE};
        System.arraycopy(invalid, 0, bytes, at, invalid.length);
        return bytes;
    }

    private void publishInterleaved(List<Article> good, Map<String, byte[]> bad) throws Exception {
        List<Map.Entry<String, byte[]>> badOnes = new ArrayList<>(bad.entrySet());
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            for (int i = 0; i < good.size(); i++) {
                Article article = good.get(i);
                producer.send(new ProducerRecord<>(names.articles(), null, article.getPublishedAt().toEpochMilli(), bytes(article.getId()),
                        serialize(article))).get();
                if (i < badOnes.size()) {
                    Map.Entry<String, byte[]> poison = badOnes.get(i);
                    producer.send(new ProducerRecord<>(names.articles(), null, article.getPublishedAt().toEpochMilli(), bytes(poison.getKey()),
                            poison.getValue())).get();
                }
            }
        }
    }

    private Map<String, String> deadLetterReasons(int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("dlq-reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, String> reasons = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(names.deadLetters()));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header message = record.headers().lastHeader("__streams.errors.message");
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    assertThat(reasons.put(key, message == null ? "" : new String(message.value(), StandardCharsets.UTF_8)))
                            .as("dead-lettered once: " + key).isNull();
                }
                return reasons.size() >= count;
            });
        }
        return reasons;
    }

    private KafkaProducer<byte[], byte[]> rawProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] withByte(byte[] bytes, int index, byte value) {
        byte[] copy = bytes.clone();
        copy[index] = value;
        return copy;
    }

    private static byte[] withSchemaId(byte[] bytes, int schemaId) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy, 1, 4).putInt(schemaId);
        return copy;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("marker not found");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
