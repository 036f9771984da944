package io.tensionstreams.registry;

/** One registered version of a subject, as the registry describes it. */
public record SchemaMetadata(String subject, int version, int id, String schema) {
}
