package io.tensionstreams.registry;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: byte 0 is the magic byte {@code 0x00}, bytes 1-4 the schema id as a
 * big-endian int32, and the rest the Avro binary encoding of the datum.
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The schema id in the header of {@code payload}, after checking the header is well formed. */
    public static int schemaId(String topic, byte[] payload) {
        if (payload.length == 0) {
            throw new SerializationException("empty payload on topic " + topic
                    + ": expected the Confluent wire format (magic byte 0x00, 4-byte schema id, Avro datum)");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "unknown magic byte 0x%02x on topic %s: expected 0x00 (the payload is not in the Confluent wire format)",
                    payload[0], topic));
        }
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("payload of " + payload.length + " bytes on topic " + topic
                    + " is too short for the 5-byte wire-format header");
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }

    static void writeHeader(ByteBuffer out, int schemaId) {
        out.put(MAGIC_BYTE).putInt(schemaId);
    }
}
