package io.tensionstreams.topology;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings the topology relies on: exactly-once, the native dead-letter queue
 * for records that cannot be read or processed, and explicit names for every internal resource.
 */
public final class StreamsSettings {
    private StreamsSettings() {
    }

    /**
     * @param overrides any other Streams or client setting; they win over the defaults here
     */
    public static Properties of(String applicationId, String bootstrapServers, TopicNames topics, Map<String, ?> overrides) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RegistryAwareDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, WritableDeadLetterProcessingHandler.class.getName());
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        // The behaviour Kafka 5.0 makes the default, for the global stores (window totals, near-copy index) too.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        props.putAll(overrides);
        return props;
    }
}
