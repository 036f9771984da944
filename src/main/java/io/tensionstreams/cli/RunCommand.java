package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.tensionstreams.app.TensionApp;
import io.tensionstreams.app.TopicCreator;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.topology.TopologyConfig;
import io.tensionstreams.topology.TopologyListeners;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tension run}: the topology, until SIGTERM or Ctrl-C; then a clean shutdown. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run tension-streams. With no --bootstrap-servers it starts an embedded Kafka broker and Schema Registry in this JVM.")
final class RunCommand implements Callable<Integer> {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Kafka cluster to use; when absent, an embedded broker and registry start in this JVM.")
    private String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL,...", description = "Confluent-compatible Schema Registry (needed with --bootstrap-servers).")
    private String schemaRegistryUrl;

    @Option(names = "--application-id", defaultValue = "tension-streams", description = "Kafka Streams application.id (default ${DEFAULT-VALUE}).")
    private String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory (default: a temporary directory).")
    private Path stateDir;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of topics that are created (default ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", description = "Replication of topics that are created (default: the broker's default).")
    private Short replicationFactor;

    @Option(names = "--kafka-port", defaultValue = "0", paramLabel = "PORT",
            description = "Port of the embedded broker; 0 for any free port (default).")
    private int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "0", paramLabel = "PORT",
            description = "Port of the embedded Schema Registry; 0 for any free port (default).")
    private int registryPort;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the embedded broker keeps its data; a temporary directory, removed on exit, when absent.")
    private Path dataDir;

    @Mixin
    private TaxonomyOption taxonomy;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        requireRegistryWithCluster();
        EmbeddedPlatform platform = bootstrapServers == null ? startEmbedded(out) : null;
        String bootstrap = platform != null ? platform.bootstrapServers() : bootstrapServers;
        String registryUrl = platform != null ? platform.schemaRegistryUrl() : schemaRegistryUrl;
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch shutdownDone = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            awaitQuietly(shutdownDone);
        }, "tension-shutdown"));
        TensionApp app = null;
        try {
            TopologyConfig config = TopologyConfig.defaults();
            createTopics(out, bootstrap, config);
            app = TensionApp.start(new TensionApp.Settings(applicationId, bootstrap, SchemaRegistryClient.forUrl(registryUrl), config,
                    taxonomy.tagger(), TopologyListeners.NONE, streamsOverrides(), CLOSE_TIMEOUT));
            out.println("Running: reading " + config.topics().articles() + ", writing " + config.topics().scores() + " and "
                    + config.topics().finalScores() + ". Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        } finally {
            out.println("Shutting down...");
            out.flush();
            if (app != null) {
                app.close();
            }
            if (platform != null) {
                platform.close();
            }
            shutdownDone.countDown();
        }
        return 0;
    }

    private void requireRegistryWithCluster() {
        if (bootstrapServers != null && schemaRegistryUrl == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap-servers needs --schema-registry-url");
        }
    }

    private EmbeddedPlatform startEmbedded(PrintWriter out) {
        out.println("Starting the embedded Kafka broker and Schema Registry...");
        out.flush();
        EmbeddedPlatform platform = EmbeddedPlatform.start(kafkaPort, registryPort, dataDir);
        out.println("Kafka: " + platform.bootstrapServers());
        out.println("Schema Registry: " + platform.schemaRegistryUrl());
        out.flush();
        return platform;
    }

    private void createTopics(PrintWriter out, String bootstrap, TopologyConfig config) {
        List<String> created = new TopicCreator(Map.of("bootstrap.servers", bootstrap), Duration.ofSeconds(30))
                .createMissing(config.topics().all(), partitions, Optional.ofNullable(replicationFactor));
        out.println(created.isEmpty() ? "All topics exist." : "Created topics " + created + " with " + partitions + " partitions.");
        out.flush();
    }

    private Map<String, Object> streamsOverrides() throws java.io.IOException {
        Map<String, Object> overrides = new HashMap<>();
        Path dir = stateDir != null ? stateDir : Files.createTempDirectory("tension-state-");
        overrides.put("state.dir", dir.toString());
        return overrides;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
