package io.tensionstreams.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.tensionstreams.embedded.EmbeddedPlatform;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the records a read_committed reader sees on a topic, reading each record once: under
 * exactly-once, offsets overcount (every transaction leaves a commit marker), so records are counted.
 */
final class CommittedCounter implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private long count;

    CommittedCounter(EmbeddedPlatform platform, String topic) {
        this(platform, topic, false);
    }

    /** @param fromEnd count only what is written from now on */
    CommittedCounter(EmbeddedPlatform platform, String topic, boolean fromEnd) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        if (fromEnd) {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before the streams write
        } else {
            consumer.seekToBeginning(partitions);
        }
    }

    /** Reads until {@code expected} records were seen; returns when the first of them were, and how many. */
    FirstOutput awaitAll(long expected) {
        long deadline = System.nanoTime() + ApplicationBench.PHASE_TIMEOUT.toNanos();
        FirstOutput first = null;
        while (count < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + expected + " records, saw " + count);
            }
            count += consumer.poll(Duration.ofMillis(20)).count();
            if (first == null && count > 0) {
                first = new FirstOutput(System.nanoTime(), count);
            }
        }
        return first;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
