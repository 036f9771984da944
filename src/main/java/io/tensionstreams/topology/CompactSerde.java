package io.tensionstreams.topology;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary encoding for the values of the hot stores and internal topics (the near-copy
 * index, contributions, window aggregates): a version byte, then the fields in a fixed order.
 * Every record of these passes through a serde several times (store reads on each look-up and
 * update), and JSON data binding cost a quarter of the stream threads' time.
 *
 * <p>Values written as JSON by earlier versions (their first byte is <code>{</code>) are still
 * read, so stores and topics written before the change keep working.
 */
abstract class CompactSerde<T> implements Serde<T> {
    private static final byte VERSION = 1;
    private final Class<T> type;
    private final Deserializer<T> legacyJson;

    CompactSerde(Class<T> type) {
        this.type = type;
        this.legacyJson = new JsonSerde<>(type).deserializer();
    }

    /** Writes the fields of {@code value}, in the order {@link #read} reads them. */
    abstract void write(T value, DataOutput out) throws IOException;

    abstract T read(ByteBuffer in);

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                write(value, out);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName(), e);
            }
            return bytes.toByteArray();
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return legacyJson.deserialize(topic, bytes);
            }
            if (bytes.length == 0 || bytes[0] != VERSION) {
                throw new SerializationException("cannot read " + type.getSimpleName() + ": unknown format "
                        + (bytes.length == 0 ? "(empty)" : "version " + bytes[0]));
            }
            try {
                return read(ByteBuffer.wrap(bytes, 1, bytes.length - 1));
            } catch (BufferUnderflowException | IllegalArgumentException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " (" + bytes.length + " bytes)", e);
            }
        };
    }

    static void writeNullable(String value, DataOutput out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readNullable(ByteBuffer in) {
        return in.get() != 0 ? readString(in) : null;
    }

    /**
     * Reads what {@link DataOutput#writeUTF} wrote: an unsigned 16-bit length, then the bytes, in
     * Java's modified UTF-8, which equals UTF-8 except for U+0000 and characters beyond the BMP;
     * those fall back to {@link java.io.DataInputStream}'s decoder.
     */
    static String readString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        int start = in.arrayOffset() + in.position();
        in.position(in.position() + length);
        byte[] array = in.array();
        for (int i = start; i < start + length; i++) {
            if (array[i] == (byte) 0xC0 || array[i] == (byte) 0xED) {
                return decodeModified(array, start - 2, length + 2);
            }
        }
        return new String(array, start, length, StandardCharsets.UTF_8);
    }

    private static String decodeModified(byte[] array, int offset, int length) {
        try {
            return new java.io.DataInputStream(new java.io.ByteArrayInputStream(array, offset, length)).readUTF();
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed string", e);
        }
    }
}
