package io.tensionstreams.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import io.tensionstreams.registry.SchemaRegistryServer;

/**
 * The embedded default: a KRaft broker and a Schema Registry in this JVM, the registry keeping its
 * state in the broker's {@code _schemas} topic. Closing stops the registry first, then the broker.
 */
public final class EmbeddedPlatform implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    private final EmbeddedKafka kafka;
    private final int requestedRegistryPort;
    private SchemaRegistryServer registry;

    private EmbeddedPlatform(EmbeddedKafka kafka, int registryPort) {
        this.kafka = kafka;
        this.requestedRegistryPort = registryPort;
    }

    /**
     * Starts the broker and the registry.
     *
     * @param kafkaPort    broker port, 0 for any free one
     * @param registryPort registry port, 0 for any free one
     * @param dataDir      where the broker keeps its log, or null for a temporary directory
     */
    public static EmbeddedPlatform start(int kafkaPort, int registryPort, Path dataDir) {
        EmbeddedKafka kafka = EmbeddedKafka.start(kafkaPort, dataDir, Map.of());
        EmbeddedPlatform platform = new EmbeddedPlatform(kafka, registryPort);
        try {
            platform.startRegistry();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return platform;
    }

    public static EmbeddedPlatform start() {
        return start(0, 0, null);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** Stops the registry and the broker, keeping the data, and starts both again on it. */
    public void restart() {
        int registryPort = registry.port();
        registry.close();
        kafka.restart();
        startRegistry(registryPort);
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
        kafka.close();
    }

    private void startRegistry() {
        startRegistry(requestedRegistryPort);
    }

    private void startRegistry(int port) {
        try {
            registry = SchemaRegistryServer.start(kafka.bootstrapServers(), HOST, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Schema Registry on port " + port + ": " + e.getMessage(), e);
        }
    }
}
