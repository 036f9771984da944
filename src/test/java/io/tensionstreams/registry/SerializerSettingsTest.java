package io.tensionstreams.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.tensionstreams.avro.Article;
import io.tensionstreams.testing.Articles;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serdes configured as Kafka configures them, with Confluent's key names. */
class SerializerSettingsTest {
    private static final Article ARTICLE = Articles.article("s-1", "Sanctions widened", "New entity listings.");
    private SchemaRegistryServer registry;

    @BeforeEach
    void start() throws Exception {
        registry = SchemaRegistryServer.startInMemory("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private AvroSerializer<Article> serializer(Map<String, Object> settings) {
        AvroSerializer<Article> serializer = new AvroSerializer<>();
        serializer.configure(settings, false);
        return serializer;
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsAClearError() {
        var serializer = serializer(Map.of("schema.registry.url", registry.url(), "auto.register.schemas", "false"));

        assertThatThrownBy(() -> serializer.serialize("articles", ARTICLE))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("articles-value")
                .hasMessageContaining("not found");
    }

    /** The project's schema file, as a client in another language registers it. */
    private static org.apache.avro.Schema articleAvsc() throws java.io.IOException {
        return new org.apache.avro.Schema.Parser().parse(java.nio.file.Path.of("schemas/Article.avsc").toFile());
    }

    @Test
    void theJavaPublisherRegistersTheAvscFilesSchemaWithoutJavaOnlyProperties() throws Exception {
        SchemaRegistryClient other = SchemaRegistryClient.forUrl(registry.url());
        int fromFile = other.register("articles-value", articleAvsc());
        var serializer = serializer(Map.of("schema.registry.url", registry.url()));

        byte[] bytes = serializer.serialize("articles", ARTICLE);

        assertThat(Article.getClassSchema().toString()).as("what the generated class carries").contains("avro.java.string");
        assertThat(WireFormat.schemaId("articles", bytes)).isEqualTo(fromFile);
        assertThat(other.versions("articles-value")).as("one version, not a second with the same meaning").containsExactly(1);
        assertThat(other.latest("articles-value").schema()).doesNotContain("avro.java.string");
    }

    @Test
    void withoutAutoRegisterARegisteredSchemaIsUsed() throws Exception {
        int id = SchemaRegistryClient.forUrl(registry.url()).register("articles-value", articleAvsc());
        var serializer = serializer(Map.of("schema.registry.url", registry.url(), "auto.register.schemas", false));

        byte[] bytes = serializer.serialize("articles", ARTICLE);

        assertThat(WireFormat.schemaId("articles", bytes)).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestId() {
        SchemaRegistryClient admin = SchemaRegistryClient.forUrl(registry.url());
        admin.register("articles-value", PortableSchemas.strip(Article.getClassSchema()));
        int latest = admin.register("articles-value", KafkaRoundTripIntegrationTest.articleWithWordCount());
        var serializer = serializer(Map.of("schema.registry.url", registry.url(), "auto.register.schemas", "false",
                "use.latest.version", "true"));

        assertThat(WireFormat.schemaId("articles", serializer.serialize("articles", ARTICLE))).isEqualTo(latest);
    }

    @Test
    void basicAuthCredentialsAreSentAndNeverPrinted() throws Exception {
        AtomicReference<String> authorization = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            RegistryConfig config = RegistryConfig.from(Map.of(
                    "schema.registry.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "alice:s3cret"));

            new SchemaRegistryClient(config).subjects();

            assertThat(authorization.get()).isEqualTo("Basic YWxpY2U6czNjcmV0");
            assertThat(config.toString()).doesNotContain("s3cret");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthAndAppearInNoMessage() throws Exception {
        AtomicReference<String> authorization = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            RegistryConfig config = RegistryConfig.of("http://alice:s3cret@127.0.0.1:" + server.getAddress().getPort());

            assertThatThrownBy(() -> new SchemaRegistryClient(config).subjects()).satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
            assertThat(authorization.get()).isEqualTo("Basic YWxpY2U6czNjcmV0");
            assertThat(config.toString()).doesNotContain("s3cret");
            assertThat(config.urls()).allSatisfy(url -> assertThat(url.toString()).doesNotContain("alice"));
        } finally {
            server.stop(0);
        }
        assertThatThrownBy(() -> RegistryConfig.of("ftp://bob:hunter2@registry:8081")).satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        RegistryConfig unreachable = RegistryConfig.from(Map.of("schema.registry.url", "http://bob:hunter2@127.0.0.1:1",
                "http.connect.timeout.ms", "500"));
        assertThatThrownBy(() -> new SchemaRegistryClient(unreachable).subjects())
                .satisfies(e -> assertThat(e.getMessage()).contains("127.0.0.1:1").doesNotContain("hunter2"));
    }

    @Test
    void aMissingOrMalformedSettingIsNamed() {
        assertThatThrownBy(() -> serializer(Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RegistryConfig.of("ftp://registry:8081")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> RegistryConfig.from(Map.of("schema.registry.url", registry.url(), "http.read.timeout.ms", "-5")))
                .hasMessageContaining("http.read.timeout.ms");
    }
}
