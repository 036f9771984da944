package io.tensionstreams.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;

/**
 * A client of Confluent's Schema Registry REST API, for Avro schemas.
 *
 * <p>Ids are cached both ways (schema to id per subject, and id to schema), so once a schema has
 * been seen the serdes' hot path makes no HTTP call. Works against Confluent Schema Registry,
 * Apicurio's ccompat API, Karapace, Redpanda and the embedded {@link SchemaRegistryServer}.
 */
public class SchemaRegistryClient {
    private final RegistryTransport transport;
    private final RegistryConfig config;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public SchemaRegistryClient(RegistryConfig config) {
        this.config = config;
        this.transport = new RegistryTransport(config);
    }

    public static SchemaRegistryClient forUrl(String url) {
        return new SchemaRegistryClient(RegistryConfig.of(url));
    }

    public RegistryConfig config() {
        return config;
    }

    /** Registers the schema under the subject, or finds it there, and returns its global id. */
    public int register(String subject, Schema schema) {
        return idsOf(subject).computeIfAbsent(schema, s -> {
            int id = transport.post("/subjects/" + encode(subject) + "/versions", Map.of("schema", s.toString())).get("id").asInt();
            schemasById.putIfAbsent(id, s);
            return id;
        });
    }

    /** The id of a schema already registered under the subject (40403 when it is not). */
    public int idOf(String subject, Schema schema) {
        return idsOf(subject).computeIfAbsent(schema, s -> lookup(subject, s).id());
    }

    /** The schema with this global id. */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = transport.get("/schemas/ids/" + id);
        Schema schema = parse(answer.get("schema").asText());
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    /** Whether the schema is registered under the subject, and as which version and id. */
    public SchemaMetadata lookup(String subject, Schema schema) {
        return metadata(transport.post("/subjects/" + encode(subject), Map.of("schema", schema.toString())));
    }

    public SchemaMetadata latest(String subject) {
        return version(subject, "latest");
    }

    public SchemaMetadata version(String subject, int version) {
        return version(subject, String.valueOf(version));
    }

    /** Whether the schema could be registered under the subject's compatibility level (checked against every version it asks for). */
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode answer = transport.post("/compatibility/subjects/" + encode(subject) + "/versions",
                Map.of("schema", schema.toString()));
        return answer.path("is_compatible").asBoolean(false);
    }

    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        transport.get("/subjects").forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        transport.get("/subjects/" + encode(subject) + "/versions").forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    /** The global compatibility level, such as BACKWARD. */
    public String compatibility() {
        return transport.get("/config").get("compatibilityLevel").asText();
    }

    /** Sets the compatibility level of a subject, or the global one when {@code subject} is null. */
    public String setCompatibility(String subject, String level) {
        String path = subject == null ? "/config" : "/config/" + encode(subject);
        return transport.put(path, Map.of("compatibility", level)).get("compatibility").asText();
    }

    private SchemaMetadata version(String subject, String version) {
        SchemaMetadata metadata = metadata(transport.get("/subjects/" + encode(subject) + "/versions/" + version));
        schemasById.computeIfAbsent(metadata.id(), id -> parse(metadata.schema()));
        return metadata;
    }

    private Map<Schema, Integer> idsOf(String subject) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    }

    private static SchemaMetadata metadata(JsonNode node) {
        return new SchemaMetadata(node.get("subject").asText(), node.get("version").asInt(), node.get("id").asInt(),
                node.get("schema").asText());
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
