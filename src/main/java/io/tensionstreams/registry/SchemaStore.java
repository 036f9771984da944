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
 * The embedded registry's state and rules: subjects and their versions (live or soft-deleted),
 * global schema ids, compatibility levels and modes. Every change is written to a {@link SchemaLog}
 * before it is applied, so a registry started on the same log sees the same state. A schema id
 * stays readable after every version that uses it is deleted, as in Confluent's registry, so that
 * records written with it still decode.
 *
 * <p>Errors are {@link SchemaRegistryException}s with the status and code Confluent's registry answers.
 */
final class SchemaStore {
    private static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    /** A version of a subject: the schema id it names, and whether it was soft-deleted. */
    private record Version(int id, boolean deleted) {
    }

    /** Which versions or subjects a read includes: the live ones, also the soft-deleted, or only those. */
    enum Deleted {
        EXCLUDED, INCLUDED, ONLY;

        boolean admits(boolean deleted) {
            return this == INCLUDED || (this == ONLY) == deleted;
        }
    }

    private final SchemaLog log;
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final Map<String, Mode> subjectModes = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
    private Mode globalMode = Mode.READWRITE;

    SchemaStore(SchemaLog log) {
        this.log = log;
        log.replay(this::apply);
    }

    /** Registers a schema under a subject; the same schema again returns the id it already has. */
    synchronized int register(String subject, String schemaText) {
        requireWritable(subject);
        Schema schema = parse(schemaText);
        String normalized = schema.toString();
        Optional<Integer> existing = liveVersionOf(subject, normalized).map(version -> subjects.get(subject).get(version).id());
        if (existing.isPresent()) {
            return existing.get();
        }
        List<String> violations = levelOf(subject).violations(schema, liveSchemasOf(subject));
        if (!violations.isEmpty()) {
            throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\", details: " + violations);
        }
        int id = idsBySchema.getOrDefault(normalized, nextId());
        TreeMap<Integer, Version> versions = subjects.get(subject);
        // Soft-deleted versions keep their numbers: a new version comes after them.
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        write(new SchemaLogEntry.SchemaRegistered(subject, version, id, normalized));
        return id;
    }

    /** The version and id under which the subject holds this schema. */
    synchronized SchemaMetadata lookup(String subject, String schemaText, Deleted deleted) {
        TreeMap<Integer, Version> versions = requireSubject(subject, deleted);
        String normalized = parse(schemaText).toString();
        return versions.entrySet().stream()
                .filter(entry -> deleted.admits(entry.getValue().deleted()) && schemasById.get(entry.getValue().id()).equals(normalized))
                .map(entry -> metadata(subject, entry.getKey(), entry.getValue()))
                .findFirst()
                .orElseThrow(() -> new SchemaRegistryException.SchemaNotFound(404, "Schema not found"));
    }

    synchronized String schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException.SchemaNotFound(404, "Schema " + id + " not found");
        }
        return schema;
    }

    /** Subjects whose name starts with {@code prefix}; a subject counts as deleted when all its versions are. */
    synchronized List<String> subjects(String prefix, Deleted deleted) {
        List<String> names = new ArrayList<>();
        subjects.forEach((subject, versions) -> {
            boolean allDeleted = versions.values().stream().allMatch(Version::deleted);
            if (subject.startsWith(prefix) && !versions.isEmpty() && deleted.admits(allDeleted)) {
                names.add(subject);
            }
        });
        return names;
    }

    synchronized List<Integer> versions(String subject, Deleted deleted) {
        TreeMap<Integer, Version> versions = requireSubject(subject, deleted);
        return versions.entrySet().stream().filter(entry -> deleted.admits(entry.getValue().deleted())).map(Map.Entry::getKey).toList();
    }

    synchronized SchemaMetadata latest(String subject) {
        TreeMap<Integer, Version> versions = requireSubject(subject, Deleted.EXCLUDED);
        return versions.descendingMap().entrySet().stream().filter(entry -> !entry.getValue().deleted())
                .map(entry -> metadata(subject, entry.getKey(), entry.getValue())).findFirst().orElseThrow();
    }

    synchronized SchemaMetadata version(String subject, int version) {
        return version(subject, version, Deleted.EXCLUDED);
    }

    synchronized SchemaMetadata version(String subject, int number, Deleted deleted) {
        Version version = requireSubject(subject, deleted).get(number);
        if (version == null || version.deleted() && deleted == Deleted.EXCLUDED) {
            throw new SchemaRegistryException.VersionNotFound(404, "Version " + number + " not found.");
        }
        return metadata(subject, number, version);
    }

    /** Every version that names the schema id, as (subject, version). */
    synchronized List<SchemaMetadata> versionsOfId(int id, Deleted deleted) {
        schemaById(id);
        List<SchemaMetadata> found = new ArrayList<>();
        subjects.forEach((subject, versions) -> versions.forEach((number, version) -> {
            if (version.id() == id && deleted.admits(version.deleted())) {
                found.add(metadata(subject, number, version));
            }
        }));
        return found;
    }

    /** Every version of every subject under the prefix, or only each subject's latest. */
    synchronized List<SchemaMetadata> schemas(String prefix, Deleted deleted, boolean latestOnly) {
        List<SchemaMetadata> found = new ArrayList<>();
        subjects.forEach((subject, versions) -> {
            if (!subject.startsWith(prefix)) {
                return;
            }
            List<SchemaMetadata> admitted = versions.entrySet().stream().filter(entry -> deleted.admits(entry.getValue().deleted()))
                    .map(entry -> metadata(subject, entry.getKey(), entry.getValue())).toList();
            found.addAll(latestOnly && !admitted.isEmpty() ? admitted.subList(admitted.size() - 1, admitted.size()) : admitted);
        });
        return found;
    }

    /**
     * Deletes a subject: softly (its versions stay readable with {@code deleted=true}, its ids for
     * good), or permanently, which Confluent allows only after a soft delete.
     *
     * @return the versions deleted
     */
    synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        requireWritable(subject);
        TreeMap<Integer, Version> versions = requireSubject(subject, Deleted.INCLUDED);
        boolean anyLive = versions.values().stream().anyMatch(version -> !version.deleted());
        if (!permanent && !anyLive) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_SOFT_DELETED,
                    "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
        }
        if (permanent && anyLive) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_SOFT_DELETED,
                    "Subject '" + subject + "' was not deleted first before being permanently deleted");
        }
        List<Integer> deleted = new ArrayList<>();
        new TreeMap<>(versions).forEach((number, version) -> {
            if (permanent) {
                write(new SchemaLogEntry.SchemaDeleted(subject, number));
                deleted.add(number);
            } else if (!version.deleted()) {
                write(new SchemaLogEntry.SchemaRegistered(subject, number, version.id(), schemasById.get(version.id()), true));
                deleted.add(number);
            }
        });
        return deleted;
    }

    /** Deletes one version, softly or (after a soft delete) permanently; returns its number. */
    synchronized int deleteVersion(String subject, String versionText, boolean permanent) {
        requireWritable(subject);
        TreeMap<Integer, Version> versions = requireSubject(subject, Deleted.INCLUDED);
        int number = "latest".equals(versionText) || "-1".equals(versionText)
                ? versions.lastKey() : SchemaStore.versionNumber(versionText);
        Version version = versions.get(number);
        if (version == null) {
            throw new SchemaRegistryException.VersionNotFound(404, "Version " + number + " not found.");
        }
        if (!permanent && version.deleted()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_SOFT_DELETED,
                    "Subject '" + subject + "' Version " + number + " was soft deleted.Set permanent=true to delete permanently");
        }
        if (permanent && !version.deleted()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_SOFT_DELETED,
                    "Subject '" + subject + "' Version " + number + " was not deleted first before being permanently deleted");
        }
        write(permanent ? new SchemaLogEntry.SchemaDeleted(subject, number)
                : new SchemaLogEntry.SchemaRegistered(subject, number, version.id(), schemasById.get(version.id()), true));
        return number;
    }

    /** A version number as the API gives it: a positive int, else Confluent's 42202. */
    static int versionNumber(String text) {
        int version;
        try {
            version = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            version = 0;
        }
        if (version < 1) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_VERSION, "The specified version '" + text
                    + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
        }
        return version;
    }

    /** The reasons the schema could not be registered under the subject now (the check registration makes); empty when it could. */
    synchronized List<String> compatibilityViolations(String subject, String schemaText) {
        return levelOf(subject).violations(parse(schemaText), liveSchemasOf(subject));
    }

    /** The reasons the schema is incompatible with one version of the subject, whatever the level's transitivity. */
    synchronized List<String> compatibilityViolations(String subject, String schemaText, SchemaMetadata against) {
        return levelOf(subject).violations(parse(schemaText), List.of(new Schema.Parser().parse(against.schema())));
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

    /** Removes a subject's own level; returns it. */
    synchronized CompatibilityLevel deleteLevel(String subject) {
        CompatibilityLevel previous = subjectLevels.get(subject);
        if (previous == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                    "Subject '" + subject + "' does not have subject-level compatibility configured");
        }
        write(new SchemaLogEntry.ConfigChanged(subject, null));
        return previous;
    }

    synchronized Mode globalMode() {
        return globalMode;
    }

    synchronized Optional<Mode> subjectMode(String subject) {
        return Optional.ofNullable(subjectModes.get(subject));
    }

    /** Sets the mode of a subject, or the global mode when {@code subject} is null. */
    synchronized void setMode(String subject, Mode mode) {
        write(new SchemaLogEntry.ModeChanged(subject, mode));
    }

    /** Removes a subject's own mode; returns it. */
    synchronized Mode deleteMode(String subject) {
        Mode previous = subjectModes.get(subject);
        if (previous == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_MODE_NOT_CONFIGURED,
                    "Subject '" + subject + "' does not have subject-level mode configured");
        }
        write(new SchemaLogEntry.ModeChanged(subject, null));
        return previous;
    }

    private void write(SchemaLogEntry entry) {
        log.append(entry);
        apply(entry);
    }

    private void apply(SchemaLogEntry entry) {
        if (entry instanceof SchemaLogEntry.SchemaRegistered registered) {
            schemasById.put(registered.id(), registered.schema());
            idsBySchema.putIfAbsent(registered.schema(), registered.id());
            subjects.computeIfAbsent(registered.subject(), s -> new TreeMap<>())
                    .put(registered.version(), new Version(registered.id(), registered.deleted()));
        } else if (entry instanceof SchemaLogEntry.SchemaDeleted deleted) {
            TreeMap<Integer, Version> versions = subjects.get(deleted.subject());
            if (versions != null) {
                versions.remove(deleted.version());
                if (versions.isEmpty()) {
                    subjects.remove(deleted.subject());
                }
            }
        } else if (entry instanceof SchemaLogEntry.ConfigChanged config) {
            if (config.subject() == null) {
                globalLevel = config.level() == null ? DEFAULT_LEVEL : config.level();
            } else if (config.level() == null) {
                subjectLevels.remove(config.subject());
            } else {
                subjectLevels.put(config.subject(), config.level());
            }
        } else if (entry instanceof SchemaLogEntry.ModeChanged mode) {
            if (mode.subject() == null) {
                globalMode = mode.mode() == null ? Mode.READWRITE : mode.mode();
            } else if (mode.mode() == null) {
                subjectModes.remove(mode.subject());
            } else {
                subjectModes.put(mode.subject(), mode.mode());
            }
        }
    }

    /** Registrations and deletions need a writable mode: the global READONLY_OVERRIDE wins, then the subject's own, then the global. */
    private void requireWritable(String subject) {
        Mode effective = globalMode == Mode.READONLY_OVERRIDE ? globalMode : subjectModes.getOrDefault(subject, globalMode);
        if (!effective.allowsWrites()) {
            throw new SchemaRegistryException(422, SchemaRegistryException.OPERATION_NOT_PERMITTED, "Subject " + subject + " is in read-only mode");
        }
    }

    private SchemaMetadata metadata(String subject, int number, Version version) {
        return new SchemaMetadata(subject, number, version.id(), schemasById.get(version.id()));
    }

    private CompatibilityLevel levelOf(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<Schema> liveSchemasOf(String subject) {
        TreeMap<Integer, Version> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(version -> !version.deleted())
                .map(version -> new Schema.Parser().parse(schemasById.get(version.id()))).toList();
    }

    private Optional<Integer> liveVersionOf(String subject, String normalized) {
        TreeMap<Integer, Version> versions = subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        return versions.entrySet().stream()
                .filter(e -> !e.getValue().deleted() && schemasById.get(e.getValue().id()).equals(normalized))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The subject's versions, if it has any the read admits; else Confluent's 40401. */
    private TreeMap<Integer, Version> requireSubject(String subject, Deleted deleted) {
        TreeMap<Integer, Version> versions = subjects.get(subject);
        boolean admitted = versions != null && versions.values().stream().anyMatch(version -> deleted.admits(version.deleted()));
        if (!admitted) {
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
