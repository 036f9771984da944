package io.tensionstreams.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps dead letters writable. A record just under the broker's limit, plus the error headers
 * Kafka Streams adds, is over the producer's request size; under exactly-once a refused send aborts
 * the transaction, and the replaced thread reads the same record and fails again, for ever. So a
 * dead letter over {@link #MAX_BYTES} is written truncated: the first {@link #KEPT_BYTES} of its
 * value, the error headers without the stack trace, and {@code __tension.truncated.from} holding the
 * value's original size.
 */
final class DeadLetters {
    static final String TRUNCATED_HEADER = "__tension.truncated.from";
    /** Well under the producer's default request size of 1 MiB, which also counts the batch and record overhead. */
    static final int MAX_BYTES = 900 * 1024;
    static final int KEPT_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /** The dead letters, each small enough to be written. */
    static List<ProducerRecord<byte[], byte[]>> writable(List<ProducerRecord<byte[], byte[]>> records) {
        return records.stream().map(record -> sizeOf(record) <= MAX_BYTES ? record : truncated(record)).toList();
    }

    static int sizeOf(ProducerRecord<byte[], byte[]> record) {
        int size = length(record.key()) + length(record.value());
        for (Header header : record.headers()) {
            size += header.key().length() + length(header.value());
        }
        return size;
    }

    static ProducerRecord<byte[], byte[]> truncated(ProducerRecord<byte[], byte[]> record) {
        int size = length(record.value());
        LOG.warn("a dead letter of {} bytes is too large to write whole; writing its first {} bytes to {} with {}",
                sizeOf(record), KEPT_BYTES, record.topic(), TRUNCATED_HEADER);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().endsWith("stacktrace")) {
                headers.add(header.key(), cut(header.value()));
            }
        }
        headers.add(TRUNCATED_HEADER, String.valueOf(size).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), cut(record.key()), cut(record.value()), headers);
    }

    private static byte[] cut(byte[] bytes) {
        return bytes == null || bytes.length <= KEPT_BYTES ? bytes : Arrays.copyOf(bytes, KEPT_BYTES);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
