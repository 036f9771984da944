package io.tensionstreams.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded registry and the client, talking Confluent's REST API over real HTTP. */
class SchemaRegistryHttpTest {
    private static final String V1 = """
            {"type":"record","name":"Quote","namespace":"t","fields":[{"name":"text","type":"string"}]}""";
    private static final String V2_OPTIONAL = """
            {"type":"record","name":"Quote","namespace":"t","fields":[{"name":"text","type":"string"},
             {"name":"lang","type":["null","string"],"default":null}]}""";
    private static final String V2_REQUIRED = """
            {"type":"record","name":"Quote","namespace":"t","fields":[{"name":"text","type":"string"},
             {"name":"lang","type":"string"}]}""";

    private SchemaRegistryServer registry;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() throws Exception {
        registry = SchemaRegistryServer.startInMemory("127.0.0.1", 0);
        client = SchemaRegistryClient.forUrl(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static Schema schema(String text) {
        return new Schema.Parser().parse(text);
    }

    @Test
    void registeringTheSameSchemaAgainReturnsTheSameId() {
        int first = client.register("quotes-value", schema(V1));
        SchemaRegistryClient freshClient = SchemaRegistryClient.forUrl(registry.url());
        int again = freshClient.register("quotes-value", schema(V1));

        assertThat(again).isEqualTo(first);
        assertThat(client.versions("quotes-value")).containsExactly(1);
    }

    @Test
    void whitespaceAndJsonKeyOrderDoNotMakeANewVersion() {
        int first = client.register("quotes-value", schema(V1));
        String reordered = """
                { "fields" : [ { "type" : "string", "name" : "text" } ],
                  "namespace" : "t", "name" : "Quote", "type" : "record" }""";

        JsonNode answer = rawPost("/subjects/quotes-value/versions", "{\"schema\": " + quoted(reordered) + "}");

        assertThat(answer.get("id").asInt()).isEqualTo(first);
        assertThat(client.versions("quotes-value")).containsExactly(1);
    }

    @Test
    void schemasAreFoundByIdLatestVersionAndLookup() {
        int v1 = client.register("quotes-value", schema(V1));
        int v2 = client.register("quotes-value", schema(V2_OPTIONAL));

        assertThat(v2).isNotEqualTo(v1);
        assertThat(SchemaRegistryClient.forUrl(registry.url()).schemaById(v1)).isEqualTo(schema(V1));
        assertThat(client.latest("quotes-value")).isEqualTo(new SchemaMetadata("quotes-value", 2, v2, schema(V2_OPTIONAL).toString()));
        assertThat(client.version("quotes-value", 1).id()).isEqualTo(v1);
        assertThat(client.lookup("quotes-value", schema(V1)).version()).isEqualTo(1);
        assertThat(client.versions("quotes-value")).containsExactly(1, 2);
        assertThat(client.subjects()).containsExactly("quotes-value");
    }

    @Test
    void theSameSchemaUnderAnotherSubjectKeepsItsGlobalId() {
        int id = client.register("a-value", schema(V1));
        assertThat(client.register("b-value", schema(V1))).isEqualTo(id);
    }

    @Test
    void anIncompatibleChangeIsRejectedWith409UnderBackward() {
        client.register("quotes-value", schema(V1));

        assertThat(client.isCompatible("quotes-value", schema(V2_REQUIRED))).isFalse();
        assertThat(client.isCompatible("quotes-value", schema(V2_OPTIONAL))).isTrue();
        assertThatThrownBy(() -> client.register("quotes-value", schema(V2_REQUIRED)))
                .isInstanceOfSatisfying(SchemaRegistryException.IncompatibleSchema.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).as("current Confluent's code").isEqualTo(40901);
                    assertThat(e.getMessage()).contains("incompatible").contains("lang");
                });
    }

    @Test
    void anIncompatibleChangeIsAcceptedUnderNone() {
        client.register("quotes-value", schema(V1));
        assertThat(client.setCompatibility("quotes-value", "NONE")).isEqualTo("NONE");

        client.register("quotes-value", schema(V2_REQUIRED));

        assertThat(client.versions("quotes-value")).containsExactly(1, 2);
        assertThat(client.compatibility()).isEqualTo("BACKWARD");
    }

    @Test
    void forwardRejectsWhatTheOldSchemaCannotRead() {
        String dropsText = """
                {"type":"record","name":"Quote","namespace":"t","fields":[{"name":"lang","type":["null","string"],"default":null}]}""";
        client.setCompatibility(null, "FORWARD");
        client.register("quotes-value", schema(V1));

        assertThat(client.isCompatible("quotes-value", schema(V2_REQUIRED))).isTrue();
        assertThat(client.isCompatible("quotes-value", schema(dropsText))).isFalse();
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersion() {
        String v2DropsText = """
                {"type":"record","name":"Quote","namespace":"t","fields":[{"name":"lang","type":["null","string"],"default":null}]}""";
        String v3AddsCount = """
                {"type":"record","name":"Quote","namespace":"t","fields":[{"name":"lang","type":["null","string"],"default":null},
                 {"name":"n","type":"int"}]}""";
        client.setCompatibility("quotes-value", "NONE");
        client.register("quotes-value", schema(V1));
        client.register("quotes-value", schema(v2DropsText));

        // v2 can read v3's data, v1 cannot (v3 has no text): only the transitive level sees v1.
        client.setCompatibility("quotes-value", "FORWARD");
        assertThat(client.isCompatible("quotes-value", schema(v3AddsCount))).isTrue();
        client.setCompatibility("quotes-value", "FORWARD_TRANSITIVE");
        assertThat(client.isCompatible("quotes-value", schema(v3AddsCount))).isFalse();
    }

    @Test
    void unknownSubjectVersionAndIdHaveConfluentsCodes() {
        client.register("quotes-value", schema(V1));

        assertThatThrownBy(() -> client.latest("nope-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.SubjectNotFound.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> client.version("quotes-value", 7))
                .isInstanceOfSatisfying(SchemaRegistryException.VersionNotFound.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
        assertThatThrownBy(() -> client.schemaById(999))
                .isInstanceOfSatisfying(SchemaRegistryException.SchemaNotFound.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> client.lookup("quotes-value", schema(V2_OPTIONAL)))
                .isInstanceOf(SchemaRegistryException.SchemaNotFound.class);
    }

    @Test
    void aSchemaThatDoesNotParseIs42201() {
        JsonNode error = rawPostExpectingError("/subjects/bad-value/versions", "{\"schema\": \"{\\\"type\\\": \\\"recrod\\\"}\"}", 422);

        assertThat(error.get("error_code").asInt()).isEqualTo(42201);
        assertThat(error.get("message").asText()).contains("Invalid schema");
    }

    @Test
    void anInvalidVersionIs42202AndAnInvalidLevelIs42203() {
        client.register("quotes-value", schema(V1));

        assertThat(rawGetExpectingError("/subjects/quotes-value/versions/zero", 422).get("error_code").asInt()).isEqualTo(42202);
        assertThatThrownBy(() -> client.setCompatibility(null, "SIDEWAYS"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
    }

    @Test
    void subjectConfigFallsBackToGlobalOnlyWhenAsked() {
        assertThat(rawGetExpectingError("/config/quotes-value", 404).get("error_code").asInt()).isEqualTo(40408);
        assertThat(rawGet("/config/quotes-value?defaultToGlobal=true").get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void responsesCarryTheRegistryContentType() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/subjects")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.schemaregistry.v1+json");
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void theClientTriesTheNextUrlWhenOneDoesNotAnswer() {
        int deadPort = freePort();
        RegistryConfig config = RegistryConfig.of("http://127.0.0.1:" + deadPort + "," + registry.url());
        SchemaRegistryClient failover = new SchemaRegistryClient(config);

        assertThat(failover.register("quotes-value", schema(V1))).isPositive();
    }

    @Test
    void noAnsweringUrlGivesAnErrorNamingTheUrls() {
        int deadPort = freePort();
        SchemaRegistryClient dead = SchemaRegistryClient.forUrl("http://127.0.0.1:" + deadPort);

        assertThatThrownBy(() -> dead.subjects())
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + deadPort);
    }

    @Test
    void hostileRequestsAreBoundedAndAnsweredWithConfluentsCodes() {
        JsonNode hugeId = rawGetExpectingError("/schemas/ids/99999999999999999999", 404);
        assertThat(hugeId.get("error_code").asInt()).isEqualTo(40403);

        String bigSchema = "{\"type\":\"record\",\"name\":\"Big\",\"doc\":\"" + "x".repeat(SchemaRegistryServer.MAX_SCHEMA_CHARS)
                + "\",\"fields\":[]}";
        JsonNode tooLarge = rawPostExpectingError("/subjects/big-value/versions", "{\"schema\":" + quoted(bigSchema) + "}", 422);
        assertThat(tooLarge.get("error_code").asInt()).isEqualTo(42209);

        assertThat(statusLineOfAnnouncedUpload(600_000_000L)).as("refused from its headers, before a byte of it is read")
                .startsWith("HTTP/1.1 413");

        assertThat(statusLineWithHeaderOf(io.tensionstreams.http.ServerLimits.MAX_HEADER_BYTES + 1)).startsWith("HTTP/1.1 431");

        String invalid = "{\"type\":\"record\",\"name\":\"Bad\",\"fields\":[{\"name\":\"f\",\"type\":\"nope\"}],\"doc\":\""
                + "z".repeat(10_000) + "\"}";
        JsonNode rejected = rawPostExpectingError("/subjects/bad-value/versions", "{\"schema\":" + quoted(invalid) + "}", 422);
        assertThat(rejected.get("message").asText()).as("the reason, not the whole schema back").hasSizeLessThan(1_000);
    }

    /** Sends a GET with one header of {@code length} characters and reads the answer's status line. */
    private String statusLineWithHeaderOf(int length) {
        URI uri = URI.create(registry.url());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /subjects HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nX-Padding: " + "a".repeat(length)
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends the headers of a POST announcing {@code length} bytes, none of them, and reads the answer's status line. */
    private String statusLineOfAnnouncedUpload(long length) {
        URI uri = URI.create(registry.url());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /subjects/huge-value/versions HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode rawGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(registry.url() + path)).GET().build(), 200);
    }

    private JsonNode rawGetExpectingError(String path, int status) {
        return send(HttpRequest.newBuilder(URI.create(registry.url() + path)).GET().build(), status);
    }

    private JsonNode rawPost(String path, String body) {
        return rawPostExpectingError(path, body, 200);
    }

    private JsonNode rawPostExpectingError(String path, String body, int status) {
        return send(HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), status);
    }

    private static JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
