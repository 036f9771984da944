package io.tensionstreams.registry;

/** One change to the registry's state: a schema registered under a subject, or a compatibility setting. */
sealed interface SchemaLogEntry {

    /** A version of a subject. */
    record SchemaRegistered(String subject, int version, int id, String schema) implements SchemaLogEntry {
    }

    /** A compatibility level, for one subject or globally when {@code subject} is null. */
    record ConfigChanged(String subject, CompatibilityLevel level) implements SchemaLogEntry {
    }
}
