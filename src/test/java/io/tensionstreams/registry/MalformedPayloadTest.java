package io.tensionstreams.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.tensionstreams.avro.Article;
import io.tensionstreams.testing.Articles;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MalformedPayloadTest {
    private static SchemaRegistryServer registry;
    private static Serde<Article> serde;
    private static byte[] good;

    @BeforeAll
    static void start() throws Exception {
        registry = SchemaRegistryServer.startInMemory("127.0.0.1", 0);
        serde = AvroSerdes.specificValue(Article.class, SchemaRegistryClient.forUrl(registry.url()));
        good = serde.serializer().serialize("articles", Articles.article("x", "Talks resume", "Both sides met."));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static void assertFault(byte[] payload, String fault) {
        assertThatThrownBy(() -> serde.deserializer().deserialize("articles", payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(fault);
    }

    @Test
    void anEmptyPayloadIsNamed() {
        assertFault(new byte[0], "empty payload");
    }

    @Test
    void aWrongMagicByteIsNamed() {
        byte[] payload = good.clone();
        payload[0] = 0x7b; // '{': someone sent JSON
        assertFault(payload, "unknown magic byte 0x7b");
    }

    @Test
    void aPayloadShorterThanTheHeaderIsNamed() {
        assertFault(new byte[] {0, 0, 1}, "too short");
    }

    @Test
    void anUnknownSchemaIdIsNamed() {
        byte[] payload = good.clone();
        ByteBuffer.wrap(payload).putInt(1, 4242);
        assertFault(payload, "unknown schema id 4242");
    }

    @Test
    void aTruncatedDatumIsNamed() {
        assertFault(Arrays.copyOf(good, good.length - 4), "truncated Avro datum");
    }

    @Test
    void trailingBytesAreNamed() {
        byte[] payload = Arrays.copyOf(good, good.length + 3);
        assertFault(payload, "trailing bytes");
    }
}
