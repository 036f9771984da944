package io.tensionstreams.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in Confluent's wire format, with the subject named by
 * TopicNameStrategy ({@code <topic>-value} or {@code <topic>-key}).
 *
 * <p>With {@code auto.register.schemas=true} (the default) the record's schema is registered on first
 * use; with {@code use.latest.version=true} the subject's latest id is used; otherwise the schema
 * must already be registered. Ids are cached by the client, so the hot path makes no HTTP call.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {
    private SchemaRegistryClient client;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final PortableSchemas portable = new PortableSchemas();
    private final Map<String, Integer> latestIds = new ConcurrentHashMap<>();

    /** For Kafka to instantiate from {@code value.serializer}; {@link #configure} supplies the client. */
    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient client, boolean isKey) {
        this.client = client;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (client == null) {
            client = new SchemaRegistryClient(RegistryConfig.from(configs));
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        String subject = Subjects.of(topic, isKey);
        int id = schemaId(subject, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
            WireFormat.writeHeader(header, id);
            out.write(header.array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(schema, record).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode a " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private int schemaId(String subject, Schema schema) {
        RegistryConfig config = client.config();
        try {
            if (config.useLatestVersion()) {
                return latestIds.computeIfAbsent(subject, s -> client.latest(s).id());
            }
            Schema registered = portable.of(schema);
            return config.autoRegisterSchemas() ? client.register(subject, registered) : client.idOf(subject, registered);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("the Schema Registry refused schema " + schema.getFullName()
                    + " for subject " + subject + ": " + e.getMessage(), e);
        } catch (RegistryUnavailableException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }

    private DatumWriter<Object> writerFor(Schema schema, T record) {
        return writers.computeIfAbsent(schema, s -> record instanceof SpecificRecord
                ? new SpecificDatumWriter<>(s, SpecificData.getForSchema(s))
                : new GenericDatumWriter<>(s, GenericData.get()));
    }
}
