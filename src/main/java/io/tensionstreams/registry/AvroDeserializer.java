package io.tensionstreams.registry;

import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro. The writer's schema is resolved by the id in the header and
 * resolved against the reader's schema, so a record written with a newer compatible schema is read
 * correctly. A specific deserializer reads into its generated class; a generic one (reader schema
 * null) returns a {@link org.apache.avro.generic.GenericRecord} in the writer's schema.
 */
public class AvroDeserializer<T> implements Deserializer<T> {
    private SchemaRegistryClient client;
    private final Schema readerSchema;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private Duration patience = RegistryRetry.DEFAULT_PATIENCE;

    /** A generic deserializer for Kafka to instantiate; {@link #configure} supplies the client. */
    public AvroDeserializer() {
        this(null, null);
    }

    public AvroDeserializer(SchemaRegistryClient client, Schema readerSchema) {
        this.client = client;
        this.readerSchema = readerSchema;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = new SchemaRegistryClient(RegistryConfig.from(configs));
        }
    }

    /** How long a registry outage is retried before the read fails (default 30 s). */
    public AvroDeserializer<T> withPatience(Duration patience) {
        this.patience = patience;
        return this;
    }

    @Override
    public T deserialize(String topic, byte[] payload) {
        if (payload == null) {
            return null;
        }
        int id = WireFormat.schemaId(topic, payload);
        DatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, WireFormat.HEADER_SIZE,
                payload.length - WireFormat.HEADER_SIZE, null);
        T datum = decode(topic, id, reader, decoder);
        assertFullyRead(topic, id, decoder);
        return datum;
    }

    private DatumReader<T> readerFor(int id) {
        Schema writer = writerSchema(id);
        if (readerSchema == null) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        return new SpecificDatumReader<>(writer, readerSchema, SpecificData.getForSchema(readerSchema));
    }

    private Schema writerSchema(int id) {
        try {
            // An outage is retried here, and past the patience it stays a RegistryUnavailableException,
            // which the topology's handler tells apart from a bad record.
            return RegistryRetry.call(() -> client.schemaById(id), patience);
        } catch (SchemaRegistryException.SchemaNotFound e) {
            throw new SerializationException("unknown schema id " + id + ": the Schema Registry has no such schema", e);
        }
    }

    private static <T> T decode(String topic, int id, DatumReader<T> reader, BinaryDecoder decoder) {
        try {
            return reader.read(null, decoder);
        } catch (EOFException e) {
            throw new SerializationException("truncated Avro datum on topic " + topic + " (schema id " + id
                    + "): the payload ends before the record does", e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new SerializationException("corrupt Avro datum on topic " + topic + " (schema id " + id + "): "
                    + e.getMessage(), e);
        }
    }

    private static void assertFullyRead(String topic, int id, BinaryDecoder decoder) {
        try {
            if (!decoder.isEnd()) {
                throw new SerializationException("Avro datum on topic " + topic + " (schema id " + id
                        + ") has trailing bytes: the payload does not match the schema");
            }
        } catch (IOException e) {
            throw new SerializationException("cannot read Avro datum on topic " + topic + ": " + e.getMessage(), e);
        }
    }
}
