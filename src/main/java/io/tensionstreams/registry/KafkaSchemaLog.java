package io.tensionstreams.registry;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Keeps the registry's state in a compacted Kafka topic, {@code _schemas} by default, with the key
 * and value JSON of Confluent's own registry, so that ids survive a restart on the same cluster.
 *
 * <p>This log has one writer, the embedded registry of the process that owns the broker; it does
 * not follow writes made by another registry while it runs.
 */
final class KafkaSchemaLog implements SchemaLog {
    static final String DEFAULT_TOPIC = "_schemas";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> clientConfig;
    private final KafkaProducer<String, String> producer;

    KafkaSchemaLog(String bootstrapServers, String topic) {
        this.topic = topic;
        this.clientConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        createTopicIfMissing();
        this.producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
    }

    @Override
    public void replay(Consumer<SchemaLogEntry> apply) {
        TopicPartition partition = new TopicPartition(topic, 0);
        Properties props = new Properties();
        props.putAll(clientConfig);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading the schema log " + topic);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    decode(record.key(), record.value()).ifPresent(apply);
                }
            }
        }
    }

    @Override
    public void append(SchemaLogEntry entry) {
        try {
            producer.send(new ProducerRecord<>(topic, 0, key(entry), value(entry))).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(500, SchemaRegistryException.INTERNAL_ERROR, "interrupted writing to " + topic);
        } catch (ExecutionException | TimeoutException e) {
            throw new SchemaRegistryException(500, SchemaRegistryException.INTERNAL_ERROR,
                    "Error while registering schema: cannot write to " + topic + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private void createTopicIfMissing() {
        try (Admin admin = Admin.create(clientConfig)) {
            NewTopic schemas = new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"));
            admin.createTopics(List.of(schemas)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the schema topic " + topic + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating the schema topic " + topic, e);
        }
    }

    private Properties producerConfig() {
        Properties props = new Properties();
        props.putAll(clientConfig);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return props;
    }

    // Confluent's layout. Keys: {"keytype":"SCHEMA","subject":...,"version":...,"magic":1},
    // {"keytype":"CONFIG","subject":...,"magic":0}, {"keytype":"MODE","subject":...,"magic":0} (subject null: global).
    // Values: {"subject","version","id","schema","deleted"} (deleted true: a soft delete), {"compatibilityLevel": ...},
    // {"mode": ...}; a tombstone (null value) deletes the key: a version deleted for good, a subject's level or mode removed.
    private static String key(SchemaLogEntry entry) {
        ObjectNode key = JSON.createObjectNode();
        if (entry instanceof SchemaLogEntry.SchemaRegistered registered) {
            schemaKey(key, registered.subject(), registered.version());
        } else if (entry instanceof SchemaLogEntry.SchemaDeleted deleted) {
            schemaKey(key, deleted.subject(), deleted.version());
        } else if (entry instanceof SchemaLogEntry.ConfigChanged config) {
            key.put("keytype", "CONFIG").put("subject", config.subject()).put("magic", 0);
        } else if (entry instanceof SchemaLogEntry.ModeChanged mode) {
            key.put("keytype", "MODE").put("subject", mode.subject()).put("magic", 0);
        }
        return key.toString();
    }

    private static void schemaKey(ObjectNode key, String subject, int version) {
        key.put("keytype", "SCHEMA").put("subject", subject).put("version", version).put("magic", 1);
    }

    /** The record's value; null (a tombstone) for a deletion. */
    private static String value(SchemaLogEntry entry) {
        ObjectNode value = JSON.createObjectNode();
        if (entry instanceof SchemaLogEntry.SchemaRegistered registered) {
            value.put("subject", registered.subject()).put("version", registered.version()).put("id", registered.id())
                    .put("schema", registered.schema()).put("deleted", registered.deleted());
        } else if (entry instanceof SchemaLogEntry.ConfigChanged config && config.level() != null) {
            value.put("compatibilityLevel", config.level().name());
        } else if (entry instanceof SchemaLogEntry.ModeChanged mode && mode.mode() != null) {
            value.put("mode", mode.mode().name());
        } else {
            return null;
        }
        return value.toString();
    }

    private static Optional<SchemaLogEntry> decode(String keyText, String valueText) {
        try {
            JsonNode key = JSON.readTree(keyText);
            JsonNode value = valueText == null ? null : JSON.readTree(valueText);
            boolean tombstone = value == null || value.isNull();
            String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
            return switch (key.path("keytype").asText()) {
                case "SCHEMA" -> Optional.of(tombstone ? new SchemaLogEntry.SchemaDeleted(subject, key.path("version").asInt())
                        : new SchemaLogEntry.SchemaRegistered(value.get("subject").asText(), value.get("version").asInt(), value.get("id").asInt(),
                                value.get("schema").asText(), value.path("deleted").asBoolean(false)));
                case "CONFIG" -> tombstone ? Optional.of(new SchemaLogEntry.ConfigChanged(subject, null))
                        : CompatibilityLevel.parse(value.path("compatibilityLevel").asText()).map(level -> new SchemaLogEntry.ConfigChanged(subject, level));
                case "MODE" -> tombstone ? Optional.of(new SchemaLogEntry.ModeChanged(subject, null))
                        : Mode.parse(value.path("mode").asText()).map(mode -> new SchemaLogEntry.ModeChanged(subject, mode));
                default -> Optional.empty(); // NOOP, DELETE_SUBJECT, CLEAR_SUBJECT and others: nothing to apply
            };
        } catch (IOException e) {
            throw new IllegalStateException("unreadable record in the schema log: " + keyText, e);
        }
    }
}
