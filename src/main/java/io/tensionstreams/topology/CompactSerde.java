package io.tensionstreams.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;

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

    abstract T read(DataInput in) throws IOException;

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
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
                return read(in);
            } catch (IOException e) {
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

    static String readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
