package io.tensionstreams.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tensionstreams.avro.Article;
import io.tensionstreams.topology.RegistryAwareDeserializationHandler;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.junit.jupiter.api.Test;

/** A Schema Registry that is out for a while is waited for, never a reason to dead-letter a good record. */
class RegistryOutageTest {
    private static final int SCHEMA_ID = 7;

    private static byte[] wireFormat(Article article) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(ByteBuffer.allocate(WireFormat.HEADER_SIZE).put(WireFormat.MAGIC_BYTE).putInt(SCHEMA_ID).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(Article.class).write(article, encoder);
        encoder.flush();
        return bytes.toByteArray();
    }

    @Test
    void aRegistryThatAnswers503ForAWhileIsWaitedFor() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        byte[] schemaAnswer = new ObjectMapper().writeValueAsBytes(java.util.Map.of("schema", Article.getClassSchema().toString()));
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", exchange -> {
            boolean out = requests.incrementAndGet() <= 2;
            byte[] body = out ? "{\"error_code\":50301,\"message\":\"restarting\"}".getBytes(StandardCharsets.UTF_8) : schemaAnswer;
            exchange.sendResponseHeaders(out ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
        try {
            SchemaRegistryClient client = SchemaRegistryClient.forUrl("http://127.0.0.1:" + registry.getAddress().getPort());
            Article article = Article.newBuilder().setId("a-1").setTitle("Talks").setBody("Envoys met.").setPublishedAt(Instant.EPOCH).build();

            Article read = new AvroDeserializer<Article>(client, Article.getClassSchema()).deserialize("articles", wireFormat(article));

            assertThat(read.getId()).isEqualTo("a-1");
            assertThat(requests.get()).isEqualTo(3);
        } finally {
            registry.stop(0);
        }
    }

    @Test
    void anOutageLongerThanThePatienceFailsTheThreadInsteadOfDeadLetteringTheRecord() throws Exception {
        int deadPort;
        try (var socket = new java.net.ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        SchemaRegistryClient client = SchemaRegistryClient.forUrl("http://127.0.0.1:" + deadPort);
        byte[] payload = wireFormat(Article.newBuilder().setId("a-2").setTitle("t").setBody("b").setPublishedAt(Instant.EPOCH).build());
        AvroDeserializer<Article> deserializer = new AvroDeserializer<Article>(client, Article.getClassSchema()).withPatience(Duration.ofSeconds(1));

        RuntimeException failure = null;
        try {
            deserializer.deserialize("articles", payload);
        } catch (RuntimeException e) {
            failure = e;
        }

        assertThat(failure).isInstanceOf(RegistryUnavailableException.class);
        DeserializationExceptionHandler.Response response = new RegistryAwareDeserializationHandler()
                .handleError(null, new ConsumerRecord<>("articles", 0, 42L, new byte[0], payload), failure);
        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void anUnknownSchemaIdIsStillABadRecordNotAnOutage() {
        assertThat(RegistryRetry.isTransient(new SchemaRegistryException.SchemaNotFound(404, "Schema 9 not found"))).isFalse();
        assertThat(RegistryRetry.isTransient(new SchemaRegistryException(503, 50301, "restarting"))).isTrue();
        assertThatThrownBy(() -> RegistryRetry.call(() -> {
            throw new SchemaRegistryException.SchemaNotFound(404, "Schema 9 not found");
        }, Duration.ofSeconds(5))).isInstanceOf(SchemaRegistryException.SchemaNotFound.class);
    }
}
