package io.tensionstreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.tensionstreams.app.TensionApp;
import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.testing.ScoreLedger;
import io.tensionstreams.testing.SharedBrokerApp;
import io.tensionstreams.testing.Stories;
import io.tensionstreams.testing.UniqueNames;
import io.tensionstreams.topology.TopicNames;
import io.tensionstreams.topology.TopologyConfig;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Publishers move to a new Article schema while the application runs: an added optional field is
 * read by the running application; a change that breaks old readers is refused by the registry, and
 * the publisher is told so in words.
 */
@Tag("reliability")
class SchemaEvolutionTest {
    private static final Instant START = ScoreLedger.recentStart();
    private final SharedBrokerApp fixture = new SharedBrokerApp("evolution");
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
    void anAddedOptionalFieldIsReadByTheRunningAppAndABreakingChangeIsRefusedWithA409() throws Exception {
        app = fixture.start(TopologyConfig.defaults(), 3, 1);
        try (KafkaProducer<String, Article> v1 = new KafkaProducer<>(producerProps(), new StringSerializer(),
                AvroSerdes.specificValue(Article.class, registry).serializer())) {
            v1.send(new ProducerRecord<>(names.articles(), prefix + "-v1", Stories.drills(prefix + "-v1", START))).get();
        }

        Schema v2 = withField(Article.getClassSchema(), new Schema.Field("section",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "Newspaper section, added in v2.", JsonProperties.NULL_VALUE));
        try (KafkaProducer<String, GenericRecord> v2Producer = genericProducer()) {
            v2Producer.send(new ProducerRecord<>(names.articles(), prefix + "-v2", asRecord(v2, Stories.waterCannon(prefix + "-v2",
                    START.plusSeconds(60)), "world"))).get();
        }
        assertThat(registry.versions(names.articles() + "-value")).hasSize(2);
        assertThat(signalIds()).containsExactlyInAnyOrder(prefix + "-v1", prefix + "-v2");

        Schema breaking = withField(Article.getClassSchema(), new Schema.Field("priority", Schema.create(Schema.Type.INT),
                "Required and without a default: old articles cannot be read with it.", null));
        try (KafkaProducer<String, GenericRecord> v3Producer = genericProducer()) {
            GenericRecord record = asRecord(breaking, Stories.talks(prefix + "-v3", START.plusSeconds(120)), null);
            record.put("priority", 1);
            assertThatThrownBy(() -> v3Producer.send(new ProducerRecord<>(names.articles(), prefix + "-v3", record)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining(names.articles() + "-value")
                    .hasMessageContaining("409")
                    .hasMessageContaining("incompatible");
        }
        assertThat(registry.versions(names.articles() + "-value")).hasSize(2);
        assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static Schema withField(Schema schema, Schema.Field added) {
        List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(added);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static GenericRecord asRecord(Schema schema, Article article, String section) {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : Article.getClassSchema().getFields()) {
            Object value = article.get(field.name());
            record.put(field.name(), value instanceof Instant instant ? instant.toEpochMilli() : value);
        }
        if (schema.getField("section") != null) {
            record.put("section", section);
        }
        return record;
    }

    private List<String> signalIds() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("signals-reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, ArticleSignal> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerdes.specificValue(ArticleSignal.class, registry).deserializer())) {
            consumer.subscribe(List.of(names.signals()));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> ids.add(record.value().getArticleId()));
                return ids.size() >= 2;
            });
        }
        return ids;
    }

    private KafkaProducer<String, GenericRecord> genericProducer() {
        return new KafkaProducer<>(producerProps(), new StringSerializer(), AvroSerdes.generic(registry, false).serializer());
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        return props;
    }
}
