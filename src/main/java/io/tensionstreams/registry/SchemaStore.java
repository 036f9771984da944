package io.tensionstreams.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/**
 * The embedded registry's state and rules: subjects and their versions, global schema ids,
 * compatibility levels. Every change is written to a {@link SchemaLog} before it is applied, so a
 * registry started on the same log sees the same ids.
 *
 * <p>Errors are {@link SchemaRegistryException}s with the status and code Confluent's registry answers.
 */
final class SchemaStore {
    private static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    private final SchemaLog log;
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, TreeMap<Integer, Integer>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;

    SchemaStore(SchemaLog log) {
        this.log = log;
        log.replay(this::apply);
    }

    /** Registers a schema under a subject; the same schema again returns the id it already has. */
    synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String normalized = schema.toString();
        Optional<Integer> existing = versionOf(subject, normalized).map(version -> subjects.get(subject).get(version));
        if (existing.isPresent()) {
            return existing.get();
        }
        List<String> violations = levelOf(subject).violations(schema, schemasOf(subject));
        if (!violations.isEmpty()) {
            throw new SchemaRegistryException.IncompatibleSchema(409, "Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\", details: " + violations);
        }
        int id = idsBySchema.getOrDefault(normalized, nextId());
        TreeMap<Integer, Integer> versions = subjects.get(subject);
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        write(new SchemaLogEntry.SchemaRegistered(subject, version, id, normalized));
        return id;
    }

    /** The version and id under which the subject holds this schema. */
    synchronized SchemaMetadata lookup(String subject, String schemaText) {
        requireSubject(subject);
        String normalized = parse(schemaText).toString();
        int version = versionOf(subject, normalized).orElseThrow(() -> new SchemaRegistryException.SchemaNotFound(404, "Schema not found"));
        return version(subject, version);
    }

    synchronized String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException.SchemaNotFound(404, "Schema " + id + " not found");
        }
        return schema;
    }

    synchronized List<String> subjects() {
        return new ArrayList<>(subjects.keySet());
    }

    synchronized List<Integer> versions(String subject) {
        return new ArrayList<>(requireSubject(subject).keySet());
    }

    synchronized SchemaMetadata latest(String subject) {
        return version(subject, requireSubject(subject).lastKey());
    }

    synchronized SchemaMetadata version(String subject, int version) {
        Integer id = requireSubject(subject).get(version);
        if (id == null) {
            throw new SchemaRegistryException.VersionNotFound(404, "Version " + version + " not found.");
        }
        return new SchemaMetadata(subject, version, id, schemasById.get(id));
    }

    /** The reasons the schema could not be registered under the subject now; empty when it could. */
    synchronized List<String> compatibilityViolations(String subject, String schemaText) {
        return levelOf(subject).violations(parse(schemaText), schemasOf(subject));
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    /** Sets the level of a subject, or the global level when {@code subject} is null. */
    synchronized void setLevel(String subject, CompatibilityLevel level) {
        write(new SchemaLogEntry.ConfigChanged(subject, level));
    }

    private void write(SchemaLogEntry entry) {
        log.append(entry);
        apply(entry);
    }

    private void apply(SchemaLogEntry entry) {
        if (entry instanceof SchemaLogEntry.SchemaRegistered registered) {
            schemasById.put(registered.id(), registered.schema());
            idsBySchema.putIfAbsent(registered.schema(), registered.id());
            subjects.computeIfAbsent(registered.subject(), s -> new TreeMap<>()).put(registered.version(), registered.id());
        } else if (entry instanceof SchemaLogEntry.ConfigChanged config) {
            if (config.subject() == null) {
                globalLevel = config.level();
            } else {
                subjectLevels.put(config.subject(), config.level());
            }
        }
    }

    private CompatibilityLevel levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<Schema> schemasOf(String subject) {
        TreeMap<Integer, Integer> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().map(id -> new Schema.Parser().parse(schemasById.get(id))).toList();
    }

    private Optional<Integer> versionOf(String subject, String normalized) {
        TreeMap<Integer, Integer> versions = subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.entrySet().stream()
                .filter(e -> schemasById.get(e.getValue()).equals(normalized))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private TreeMap<Integer, Integer> requireSubject(String subject) {
        TreeMap<Integer, Integer> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException.SubjectNotFound(404, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private int nextId() {
        return schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /**
     * Parses the schema; its canonical JSON text (Avro's {@code toString}) is what is compared and
     * stored, so whitespace and the order of JSON keys never make a new version.
     */
    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw new SchemaRegistryException.InvalidSchema(422, "Invalid schema: empty");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (AvroRuntimeException | NullPointerException e) {
            // The reason, not the schema: a 422 that echoes a megabyte of schema helps nobody.
            throw new SchemaRegistryException.InvalidSchema(422, "Invalid schema " + abbreviate(schemaText) + ": " + abbreviate(e.getMessage()));
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }
}
