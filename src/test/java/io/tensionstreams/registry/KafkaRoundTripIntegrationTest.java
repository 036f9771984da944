package io.tensionstreams.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.tensionstreams.avro.Article;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.testing.Articles;
import io.tensionstreams.testing.SharedPlatform;
import io.tensionstreams.testing.UniqueNames;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Articles through a real KRaft broker with the registry serdes. */
class KafkaRoundTripIntegrationTest {
    private final EmbeddedPlatform platform = SharedPlatform.get();
    private final SchemaRegistryClient client = SchemaRegistryClient.forUrl(platform.schemaRegistryUrl());

    @Test
    void articlesProducedWithTheSerdeAreConsumedEqual() throws Exception {
        String topic = UniqueNames.of("articles");
        List<Article> sent = List.of(
                Articles.article("a-1", "Coast guard uses water cannon", "Vessels clashed near the shoal."),
                Articles.article("a-2", "Leaders agree to resume talks", "The ministers met in Geneva."));

        try (var producer = producer(new AvroSerializer<Article>(client, false))) {
            for (Article article : sent) {
                producer.send(new ProducerRecord<>(topic, article.getId(), article)).get();
            }
        }

        assertThat(consume(topic, AvroSerdes.specificValue(Article.class, client).deserializer(), sent.size()))
                .containsExactlyElementsOf(sent);
    }

    @Test
    void aRecordWrittenWithANewerCompatibleSchemaIsReadByTheOlderReader() throws Exception {
        String topic = UniqueNames.of("articles");
        Schema v2 = articleWithWordCount();
        GenericRecord record = new GenericData.Record(v2);
        record.put("id", "v2-1");
        record.put("title", "Drills around the island");
        record.put("body", "The exercise began at dawn.");
        record.put("source", "wire");
        record.put("publishedAt", 1_700_000_000_000L);
        record.put("wordCount", 5);
        client.register(Subjects.of(topic, false), Article.getClassSchema());

        try (var producer = producer(new AvroSerializer<GenericRecord>(client, false))) {
            producer.send(new ProducerRecord<>(topic, "v2-1", record)).get();
        }

        Article read = consume(topic, AvroSerdes.specificValue(Article.class, client).deserializer(), 1).get(0);
        assertThat(client.versions(Subjects.of(topic, false))).containsExactly(1, 2);
        assertThat(read.getId()).isEqualTo("v2-1");
        assertThat(read.getTitle()).isEqualTo("Drills around the island");
        assertThat(read.getPublishedAt().toEpochMilli()).isEqualTo(1_700_000_000_000L);
    }

    /** Article v2: v1 plus an optional field with a default, a BACKWARD-compatible change. */
    static Schema articleWithWordCount() {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Article.getClassSchema().toString());
            tree.withArray("fields").addObject()
                    .put("name", "wordCount")
                    .put("doc", "Words in the body.")
                    .putNull("default")
                    .putArray("type").add("null").add("int");
            return new Schema.Parser().parse(tree.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private <V> KafkaProducer<String, V> producer(Serializer<V> serializer) {
        Properties props = new Properties();
        props.put("bootstrap.servers", platform.bootstrapServers());
        props.put("acks", "all");
        return new KafkaProducer<>(props, new StringSerializer(), serializer);
    }

    private <V> List<V> consume(String topic, Deserializer<V> deserializer, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<V> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= expected;
            });
        }
        return values;
    }
}
