package io.tensionstreams.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tensionstreams.app.Settings;
import picocli.CommandLine.Option;

/** The flags of {@code run} and {@code demo}; each overrides the same setting from the config file and the environment. */
final class ServiceOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings (see README: Configuration).")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster; when absent, an embedded broker and registry start in this JVM.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL,...", description = "Confluent-compatible Schema Registry (needed with --bootstrap-servers).")
    String schemaRegistryUrl;

    @Option(names = "--application-id", description = "Kafka Streams application.id (default tension-streams).")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory (default: under --data-dir, or a temporary one).")
    String stateDir;

    @Option(names = "--partitions", description = "Partitions of topics that are created (default 6).")
    String partitions;

    @Option(names = "--replication-factor", paramLabel = "N", description = "Replication of topics that are created (default: the broker's default).")
    String replicationFactor;

    @Option(names = "--http-host", paramLabel = "ADDRESS", description = "Address the HTTP server binds to (default 127.0.0.1).")
    String httpHost;

    @Option(names = "--http-advertised-host", paramLabel = "HOST", description = "How other instances reach this one (default: --http-host, or the host name when bound to 0.0.0.0).")
    String httpAdvertisedHost;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port for metrics, health, the API and the dashboard (default 8080; 0 for any free port).")
    String httpPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Port of the embedded broker (default 0: any free port).")
    String kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", description = "Port of the embedded Schema Registry (default 0: any free port).")
    String registryPort;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the embedded broker keeps its data (default: a temporary directory, removed on exit).")
    String dataDir;

    @Option(names = "--taxonomy", paramLabel = "DIR", description = "Directory of themes.yaml, actors.yaml and cues.yaml to use instead of the bundled ones.")
    String taxonomy;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other setting, such as kafka.security.protocol=SASL_SSL (repeatable).")
    Map<String, String> extra = new LinkedHashMap<>();

    Settings settings() {
        Map<String, String> flags = new LinkedHashMap<>(extra);
        putIfGiven(flags, "bootstrap.servers", bootstrapServers);
        putIfGiven(flags, "schema.registry.url", schemaRegistryUrl);
        putIfGiven(flags, "application.id", applicationId);
        putIfGiven(flags, "state.dir", stateDir);
        putIfGiven(flags, "partitions", partitions);
        putIfGiven(flags, "replication.factor", replicationFactor);
        putIfGiven(flags, "http.host", httpHost);
        putIfGiven(flags, "http.port", httpPort);
        putIfGiven(flags, "http.advertised.host", httpAdvertisedHost);
        putIfGiven(flags, "kafka.port", kafkaPort);
        putIfGiven(flags, "registry.port", registryPort);
        putIfGiven(flags, "data.dir", dataDir);
        putIfGiven(flags, "taxonomy", taxonomy);
        return Settings.load(configFile, System.getenv(), flags);
    }

    private static void putIfGiven(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
