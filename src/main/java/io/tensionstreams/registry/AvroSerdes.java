package io.tensionstreams.registry;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Avro serdes in Confluent's wire format that share one registry client. */
public final class AvroSerdes {
    private AvroSerdes() {
    }

    /** A serde for a generated record class; its reader schema is the class's schema. */
    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type, SchemaRegistryClient client, boolean isKey) {
        return Serdes.serdeFrom(new AvroSerializer<>(client, isKey),
                new AvroDeserializer<>(client, SpecificData.get().getSchema(type)));
    }

    public static <T extends SpecificRecord> Serde<T> specificValue(Class<T> type, SchemaRegistryClient client) {
        return specific(type, client, false);
    }

    /** A serde for generic records; reads each record in the schema it was written with. */
    public static Serde<GenericRecord> generic(SchemaRegistryClient client, boolean isKey) {
        return Serdes.serdeFrom(new AvroSerializer<>(client, isKey), new AvroDeserializer<>(client, null));
    }
}
