package io.tensionstreams.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.tensionstreams.avro.Article;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    private static SchemaRegistryServer registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = SchemaRegistryServer.startInMemory("127.0.0.1", 0);
        client = SchemaRegistryClient.forUrl(registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private static final Article ARTICLE = Article.newBuilder()
            .setId("a1")
            .setTitle("Hi")
            .setBody("")
            .setUrl(null)
            .setSource("VOA")
            .setLanguage(null)
            .setPublishedAt(Instant.ofEpochMilli(1000))
            .build();

    // Worked out by hand from the Avro specification: strings are a zig-zag varint length then
    // UTF-8 bytes; a union is the zig-zag index of its branch then the value; longs are zig-zag
    // varints (1000 -> 2000 -> 0xD0 0x0F).
    private static final byte[] EXPECTED = {
            0x00, // magic byte
            0x00, 0x00, 0x00, 0x01, // schema id 1, big-endian
            0x04, 'a', '1', // id "a1"
            0x04, 'H', 'i', // title "Hi"
            0x00, // body ""
            0x00, // url: branch 0 (null)
            0x02, 0x06, 'V', 'O', 'A', // source: branch 1, "VOA"
            0x00, // language: null
            0x02, (byte) 0xD0, 0x0F // publishedAt: branch 1, 1000 ms
    };

    @Test
    void anArticleSerialisesToTheBytesOfTheSpecAndBack() {
        try (var serde = AvroSerdes.specificValue(Article.class, client)) {
            byte[] bytes = serde.serializer().serialize("articles", ARTICLE);

            assertThat(client.latest("articles-value").id()).isEqualTo(1);
            assertThat(bytes).containsExactly(EXPECTED);
            assertThat(serde.deserializer().deserialize("articles", EXPECTED)).isEqualTo(ARTICLE);
        }
    }

    @Test
    void aNullValueStaysNull() {
        try (var serde = AvroSerdes.specificValue(Article.class, client)) {
            assertThat(serde.serializer().serialize("articles", null)).isNull();
            assertThat(serde.deserializer().deserialize("articles", null)).isNull();
        }
    }

    @Test
    void keysAreRegisteredUnderTheKeySubject() {
        try (var serde = AvroSerdes.specific(Article.class, client, true)) {
            serde.serializer().serialize("keyed", ARTICLE);
        }
        assertThat(client.subjects()).contains("keyed-key").doesNotContain("keyed-value");
    }
}
