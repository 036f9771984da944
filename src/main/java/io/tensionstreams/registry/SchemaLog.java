package io.tensionstreams.registry;

import java.util.function.Consumer;

/**
 * Where the embedded registry keeps its state: an append-only log of schema registrations and
 * configuration changes, replayed at start-up.
 */
interface SchemaLog extends AutoCloseable {

    /** Replays every entry written so far, oldest first. */
    void replay(Consumer<SchemaLogEntry> apply);

    /** Appends an entry durably; returns only once it is stored. */
    void append(SchemaLogEntry entry);

    @Override
    void close();

    /** A log that keeps nothing, for a registry whose state need not outlive it. */
    static SchemaLog inMemory() {
        return new SchemaLog() {
            @Override
            public void replay(Consumer<SchemaLogEntry> apply) {
            }

            @Override
            public void append(SchemaLogEntry entry) {
            }

            @Override
            public void close() {
            }
        };
    }
}
