package io.tensionstreams.registry;

/**
 * One change to the registry's state, in the shape of a record of Confluent's {@code _schemas}
 * topic: a version of a subject (soft-deleted or not), a version deleted for good (a tombstone),
 * a compatibility level or a mode (for one subject, or globally when {@code subject} is null; null
 * when the subject's setting was removed, a tombstone).
 */
sealed interface SchemaLogEntry {

    /** A version of a subject; {@code deleted} when it was soft-deleted. */
    record SchemaRegistered(String subject, int version, int id, String schema, boolean deleted) implements SchemaLogEntry {
        SchemaRegistered(String subject, int version, int id, String schema) {
            this(subject, version, id, schema, false);
        }
    }

    /** A version deleted permanently. */
    record SchemaDeleted(String subject, int version) implements SchemaLogEntry {
    }

    /** A compatibility level; a null level removes the subject's own. */
    record ConfigChanged(String subject, CompatibilityLevel level) implements SchemaLogEntry {
    }

    /** A mode; a null mode removes the subject's own. */
    record ModeChanged(String subject, Mode mode) implements SchemaLogEntry {
    }
}
