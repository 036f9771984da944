package io.tensionstreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.testing.ScoreLedger;
import io.tensionstreams.testing.SharedBrokerApp;
import io.tensionstreams.testing.Stories;
import io.tensionstreams.testing.UniqueNames;
import io.tensionstreams.topology.TopologyConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same article published under different keys (another producer's key scheme, a null key) is
 * one article: it lands on different input partitions, and is still counted once.
 */
@Tag("reliability")
class DuplicateKeysTest {
    private static final Instant START = ScoreLedger.recentStart();
    private static final int PARTITIONS = 6;
    private final SharedBrokerApp fixture = new SharedBrokerApp("dupkeys");

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anIdPublishedUnderSeveralKeysIsTaggedOnce() throws Exception {
        fixture.start(TopologyConfig.defaults(), PARTITIONS, 1);
        String id = fixture.prefix + "-story";
        Article story = Stories.drills(id, START);
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(producerProps(), new StringSerializer(),
                AvroSerdes.specificValue(Article.class, fixture.registry).serializer())) {
            for (String key : new String[] {id, "key-a", "key-b", null, "key-c"}) {
                producer.send(new ProducerRecord<>(fixture.names.articles(), key, story)).get();
            }
        }

        await().atMost(Duration.ofSeconds(90)).until(this::everyInputRecordIsCommitted);

        Map<String, Long> signals = signalIds().stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(signals).containsExactly(Map.entry(id, 1L));
    }

    /** The application has consumed and committed every record of the input and its re-keying topic. */
    private boolean everyInputRecordIsCommitted() throws Exception {
        String applicationId = fixture.prefix + "-app";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", fixture.platform.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            List<String> inputs = admin.listTopics().names().get().stream()
                    .filter(topic -> topic.equals(fixture.names.articles()) || topic.startsWith(applicationId) && topic.endsWith("-repartition"))
                    .toList();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(inputs).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(partition -> ends.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all().get();
            return latest.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.containsKey(end.getKey()) && committed.get(end.getKey()).offset() >= end.getValue().offset());
        }
    }

    private List<String> signalIds() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.platform.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("signals-reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, ArticleSignal> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerdes.specificValue(ArticleSignal.class, fixture.registry).deserializer())) {
            consumer.subscribe(List.of(fixture.names.signals()));
            // Read until the topic is drained: the commit check above says nothing more will come.
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                var records = consumer.poll(Duration.ofMillis(500));
                records.forEach(record -> ids.add(record.value().getArticleId()));
                return !ids.isEmpty() && records.isEmpty();
            });
        }
        return ids;
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.platform.bootstrapServers());
        return props;
    }
}
