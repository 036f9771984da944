package io.tensionstreams.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record as {@code consume} shows a dead letter: its key, the reason and origin Kafka Streams
 * wrote into the {@code __streams.errors.*} headers, and the size of the raw value. A record that
 * is not Avro, read from any topic, is shown the same way with the decoding error as its reason.
 */
record DeadLetter(String topic, int partition, long offset, String key, String reason, String exception, String sourceTopic,
                  String sourcePartition, String sourceOffset, int valueBytes) {
    private static final String PREFIX = "__streams.errors.";
    private static final int MAX_KEY_BYTES = 200;

    /** The dead letter in {@code record}, or null when it carries no error headers. */
    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        if (record.headers().lastHeader(PREFIX + "message") == null && record.headers().lastHeader(PREFIX + "exception") == null) {
            return null;
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(), text(record.key()), header(record, "message"),
                header(record, "exception"), header(record, "topic"), header(record, "partition"), header(record, "offset"),
                record.value() == null ? 0 : record.value().length);
    }

    static DeadLetter undecodable(ConsumerRecord<byte[], byte[]> record, String reason) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), text(record.key()), "not readable as Avro: " + reason,
                null, null, null, null, record.value() == null ? 0 : record.value().length);
    }

    /** Bytes as UTF-8 text when they are text, else as hex; long keys are cut. */
    static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        byte[] shown = bytes.length > MAX_KEY_BYTES ? java.util.Arrays.copyOf(bytes, MAX_KEY_BYTES) : bytes;
        String suffix = bytes.length > MAX_KEY_BYTES ? "... (" + bytes.length + " bytes)" : "";
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(shown)).toString() + suffix;
        } catch (CharacterCodingException e) {
            return "0x" + HexFormat.of().formatHex(shown) + suffix;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(PREFIX + name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    String row() {
        String origin = sourceTopic == null ? "" : "  from " + sourceTopic + "-" + sourcePartition + "@" + sourceOffset;
        return "dead letter key=" + key + "  reason: " + reason + origin + "  (" + valueBytes + " bytes at " + topic + "-" + partition + "@"
                + offset + ")";
    }

    ObjectNode json() {
        ObjectNode node = TagsJson.JSON.createObjectNode().put("deadLetter", true).put("topic", topic).put("partition", partition)
                .put("offset", offset).put("key", key).put("reason", reason).put("exception", exception).put("valueBytes", valueBytes);
        node.putObject("source").put("topic", sourceTopic).put("partition", sourcePartition).put("offset", sourceOffset);
        return node;
    }
}
