package io.tensionstreams.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tensionstreams.testing.SharedPlatform;
import io.tensionstreams.testing.UniqueNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parts of Confluent's REST API that tools call besides registering and reading: deletes
 * (soft, then permanent), modes, listings by id and prefix, compatibility against every version,
 * each with Confluent's status and error code.
 */
class SchemaRegistryApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "{\"type\":\"record\",\"name\":\"Quote\",\"namespace\":\"t\",\"fields\":[{\"name\":\"text\",\"type\":\"string\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"Quote\",\"namespace\":\"t\",\"fields\":[{\"name\":\"text\",\"type\":\"string\"},"
            + "{\"name\":\"lang\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    /** Readable with V2's data (lang has a default), not with V1's: incompatible with V1 only under BACKWARD_TRANSITIVE. */
    private static final String V3 = "{\"type\":\"record\",\"name\":\"Quote\",\"namespace\":\"t\",\"fields\":[{\"name\":\"text\",\"type\":\"string\"},"
            + "{\"name\":\"lang\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"source\",\"type\":\"string\",\"default\":\"\"}]}";

    private SchemaRegistryServer registry;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        registry = SchemaRegistryServer.startInMemory("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void aSubjectIsSoftDeletedThenPermanentlyAndItsIdsStayReadable() {
        int id1 = register("quotes-value", V1);
        register("quotes-value", V2);

        assertThat(call("DELETE", "/subjects/quotes-value?permanent=true", null, 404).get("error_code").asInt())
                .as("not soft-deleted first").isEqualTo(40405);
        assertThat(ints(call("DELETE", "/subjects/quotes-value", null, 200))).containsExactly(1, 2);
        assertThat(strings(call("GET", "/subjects", null, 200))).isEmpty();
        assertThat(strings(call("GET", "/subjects?deleted=true", null, 200))).containsExactly("quotes-value");
        assertThat(strings(call("GET", "/subjects?deletedOnly=true", null, 200))).containsExactly("quotes-value");
        assertThat(call("GET", "/subjects/quotes-value/versions", null, 404).get("error_code").asInt()).isEqualTo(40401);
        assertThat(ints(call("GET", "/subjects/quotes-value/versions?deleted=true", null, 200))).containsExactly(1, 2);
        JsonNode again = call("DELETE", "/subjects/quotes-value", null, 404);
        assertThat(again.get("error_code").asInt()).isEqualTo(40404);
        assertThat(again.get("message").asText()).isEqualTo("Subject 'quotes-value' was soft deleted.Set permanent=true to delete permanently");

        assertThat(ints(call("DELETE", "/subjects/quotes-value?permanent=true", null, 200))).containsExactly(1, 2);

        assertThat(strings(call("GET", "/subjects?deleted=true", null, 200))).isEmpty();
        assertThat(call("GET", "/schemas/ids/" + id1, null, 200).get("schema").asText()).contains("Quote");
        assertThat(call("DELETE", "/subjects/nothing-here", null, 404).get("error_code").asInt()).isEqualTo(40401);
    }

    @Test
    void aVersionIsSoftDeletedThenPermanentlyWithConfluentsCodes() {
        int id1 = register("quotes-value", V1);
        register("quotes-value", V2);

        assertThat(call("DELETE", "/subjects/quotes-value/versions/2?permanent=true", null, 404).get("error_code").asInt()).isEqualTo(40407);
        assertThat(call("DELETE", "/subjects/quotes-value/versions/1", null, 200).asInt()).isEqualTo(1);
        assertThat(call("DELETE", "/subjects/quotes-value/versions/1", null, 404).get("error_code").asInt()).isEqualTo(40406);
        assertThat(ints(call("GET", "/subjects/quotes-value/versions", null, 200))).containsExactly(2);
        assertThat(call("GET", "/subjects/quotes-value/versions/1", null, 404).get("error_code").asInt()).isEqualTo(40402);
        assertThat(call("GET", "/subjects/quotes-value/versions/1?deleted=true", null, 200).get("id").asInt()).isEqualTo(id1);
        assertThat(call("DELETE", "/subjects/quotes-value/versions/7", null, 404).get("error_code").asInt()).isEqualTo(40402);
        assertThat(call("DELETE", "/subjects/quotes-value/versions/x", null, 422).get("error_code").asInt()).isEqualTo(42202);

        assertThat(call("DELETE", "/subjects/quotes-value/versions/1?permanent=true", null, 200).asInt()).isEqualTo(1);

        assertThat(ints(call("GET", "/subjects/quotes-value/versions?deleted=true", null, 200))).containsExactly(2);
        // The schema comes back as a new version, under its old id.
        assertThat(register("quotes-value", V1)).isEqualTo(id1);
        assertThat(ints(call("GET", "/subjects/quotes-value/versions", null, 200))).containsExactly(2, 3);
    }

    @Test
    void schemasAreListedByIdByPrefixAndByType() {
        int id = register("news-articles-value", V1);
        register("news-signals-value", V1);
        int id2 = register("other-value", V2);

        assertThat(strings(call("GET", "/schemas/types", null, 200))).containsExactly("AVRO");
        assertThat(call("GET", "/schemas/ids/" + id + "/schema", null, 200).get("name").asText()).isEqualTo("Quote");
        assertThat(strings(call("GET", "/schemas/ids/" + id + "/subjects", null, 200))).containsExactly("news-articles-value", "news-signals-value");
        JsonNode versions = call("GET", "/schemas/ids/" + id + "/versions", null, 200);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("subject").asText()).isEqualTo("news-articles-value");
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(call("GET", "/schemas/ids/999/subjects", null, 404).get("error_code").asInt()).isEqualTo(40403);
        assertThat(strings(call("GET", "/subjects?subjectPrefix=news-", null, 200))).containsExactly("news-articles-value", "news-signals-value");
        JsonNode all = call("GET", "/schemas", null, 200);
        assertThat(all).hasSize(3);
        assertThat(call("GET", "/schemas?subjectPrefix=other", null, 200).get(0).get("id").asInt()).isEqualTo(id2);
        assertThat(call("GET", "/subjects/other-value/versions/1/referencedby", null, 200)).isEmpty();
        assertThat(call("GET", "/subjects/other-value/versions/9/referencedby", null, 404).get("error_code").asInt()).isEqualTo(40402);
    }

    @Test
    void aReadOnlyModeRefusesChangesAndIsSetPerSubjectOrGlobally() {
        register("quotes-value", V1);

        assertThat(call("GET", "/mode", null, 200).get("mode").asText()).isEqualTo("READWRITE");
        assertThat(call("GET", "/mode/quotes-value", null, 404).get("error_code").asInt()).isEqualTo(40409);
        assertThat(call("GET", "/mode/quotes-value?defaultToGlobal=true", null, 200).get("mode").asText()).isEqualTo("READWRITE");
        assertThat(call("PUT", "/mode/quotes-value", "{\"mode\":\"sideways\"}", 422).get("error_code").asInt()).isEqualTo(42204);
        assertThat(call("PUT", "/mode/quotes-value", "{\"mode\":\"READONLY\"}", 200).get("mode").asText()).isEqualTo("READONLY");

        assertThat(call("POST", "/subjects/quotes-value/versions", body(V2), 422).get("error_code").asInt()).isEqualTo(42205);
        assertThat(call("DELETE", "/subjects/quotes-value", null, 422).get("error_code").asInt()).isEqualTo(42205);
        register("other-value", V1);
        assertThat(call("DELETE", "/mode/quotes-value", null, 200).get("mode").asText()).isEqualTo("READONLY");
        assertThat(call("DELETE", "/mode/quotes-value", null, 404).get("error_code").asInt()).isEqualTo(40409);
        register("quotes-value", V2);

        call("PUT", "/mode", "{\"mode\":\"READONLY_OVERRIDE\"}", 200);
        call("PUT", "/mode/quotes-value", "{\"mode\":\"READWRITE\"}", 200);
        assertThat(call("POST", "/subjects/quotes-value/versions", body(V3), 422).get("error_code").asInt())
                .as("the global override wins over the subject's own mode").isEqualTo(42205);
    }

    @Test
    void aSubjectsLevelIsRemovedAndCompatibilityIsCheckedAgainstEveryVersion() {
        register("quotes-value", V1);
        register("quotes-value", V2);
        call("PUT", "/config/quotes-value", "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}", 200);

        assertThat(call("POST", "/compatibility/subjects/quotes-value/versions/latest", body(V3), 200).get("is_compatible").asBoolean()).isTrue();
        JsonNode againstAll = call("POST", "/compatibility/subjects/quotes-value/versions?verbose=true", body(V3), 200);
        assertThat(againstAll.get("is_compatible").asBoolean()).isTrue();
        String dropsText = "{\"type\":\"record\",\"name\":\"Quote\",\"namespace\":\"t\",\"fields\":[{\"name\":\"lang\",\"type\":[\"null\",\"string\"],"
                + "\"default\":null},{\"name\":\"body\",\"type\":\"string\"}]}";
        assertThat(call("POST", "/compatibility/subjects/quotes-value/versions", body(dropsText), 200).get("is_compatible").asBoolean()).isFalse();

        assertThat(call("DELETE", "/config/quotes-value", null, 200).get("compatibilityLevel").asText()).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(call("DELETE", "/config/quotes-value", null, 404).get("error_code").asInt()).isEqualTo(40408);
        assertThat(call("GET", "/config/quotes-value", null, 404).get("error_code").asInt()).isEqualTo(40408);
        JsonNode incompatible = call("POST", "/subjects/quotes-value/versions", body(dropsText), 409);
        assertThat(incompatible.get("error_code").asInt()).isEqualTo(40901);
    }

    @Test
    void deletesModesAndLevelsSurviveARestartInConfluentsLayout() throws Exception {
        String bootstrap = SharedPlatform.get().bootstrapServers();
        String topic = UniqueNames.of("_schemas-api");
        registry.close();
        registry = new SchemaRegistryServer(new KafkaSchemaLog(bootstrap, topic), "127.0.0.1", 0);
        int id1 = register("quotes-value", V1);
        register("quotes-value", V2);
        register("gone-value", V1);
        call("DELETE", "/subjects/quotes-value/versions/1", null, 200);
        call("DELETE", "/subjects/gone-value", null, 200);
        call("DELETE", "/subjects/gone-value?permanent=true", null, 200);
        call("PUT", "/mode/quotes-value", "{\"mode\":\"READONLY\"}", 200);
        call("PUT", "/config/quotes-value", "{\"compatibility\":\"FULL\"}", 200);
        call("DELETE", "/config/quotes-value", null, 200);
        registry.close();

        registry = new SchemaRegistryServer(new KafkaSchemaLog(bootstrap, topic), "127.0.0.1", 0);

        assertThat(ints(call("GET", "/subjects/quotes-value/versions", null, 200))).containsExactly(2);
        assertThat(ints(call("GET", "/subjects/quotes-value/versions?deleted=true", null, 200))).containsExactly(1, 2);
        assertThat(strings(call("GET", "/subjects?deleted=true", null, 200))).containsExactly("quotes-value");
        assertThat(call("GET", "/schemas/ids/" + id1, null, 200).get("schema").asText()).contains("Quote");
        assertThat(call("GET", "/mode/quotes-value", null, 200).get("mode").asText()).isEqualTo("READONLY");
        assertThat(call("GET", "/config/quotes-value", null, 404).get("error_code").asInt()).isEqualTo(40408);
        List<String> values = values(bootstrap, topic);
        assertThat(values).as("a soft delete is the version again with deleted: true")
                .anyMatch(value -> value != null && value.contains("\"version\":1") && value.contains("\"deleted\":true"));
        assertThat(values).as("a permanent delete and a removed level are tombstones").filteredOn(value -> value == null).hasSize(2);
    }

    private static List<String> values(String bootstrap, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    private int register(String subject, String schema) {
        return call("POST", "/subjects/" + subject + "/versions", body(schema), 200).get("id").asInt();
    }

    private static String body(String schema) {
        try {
            return JSON.writeValueAsString(Map.of("schema", schema));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(String method, String path, String body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asInt()));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
