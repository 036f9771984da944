package io.tensionstreams.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka cluster in this JVM: one KRaft process that is both broker and controller.
 *
 * <p>It is a real broker, not a mock: the same transactions, compaction and group protocol as a
 * production cluster, so the embedded default and the integration tests exercise the real thing.
 * Starting it on a data directory that already holds a formatted log reuses that log, which is
 * how restart tests and a persistent {@code --data-dir} work.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "127.0.0.1";
    private static final int START_ATTEMPTS = 3;
    /** Where a broker started without a data directory keeps its log: the JVM's temporary directory. */
    private static final Path TEMP_ROOT = Path.of(System.getProperty("java.io.tmpdir"));

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, boolean deleteOnClose, int brokerPort, int controllerPort, Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * Starts a broker.
     *
     * @param port      the client port, or 0 for any free port
     * @param dataDir   where the log lives, or null for a temporary directory removed on close
     * @param overrides broker properties that replace the defaults
     */
    public static EmbeddedKafka start(int port, Path dataDir, Map<String, String> overrides) {
        return start(port, dataDir, overrides, FreePort::orAny, TEMP_ROOT);
    }

    /**
     * As {@link #start(int, Path, Map)}, with {@code choosePorts} filling in the zeros of (client
     * port, controller port) and a temporary directory, when one is needed, made under {@code tempRoot}.
     */
    static EmbeddedKafka start(int port, Path dataDir, Map<String, String> overrides, UnaryOperator<int[]> choosePorts, Path tempRoot) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(choosePorts.apply(new int[] {port, 0}), dataDir, overrides, tempRoot);
            } catch (RuntimeException e) {
                // A port chosen here is free when chosen, but another process (or an outgoing
                // connection, which draws from the same range) can take it before the broker binds.
                // Fresh ports fix that; a port the caller named is the caller's to fix.
                boolean portsWereChosenHere = port <= 0;
                if (!portsWereChosenHere || !causedByBindFailure(e) || attempt == START_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static EmbeddedKafka startOnce(int[] ports, Path dataDir, Map<String, String> overrides, Path tempRoot) {
        boolean temporary = dataDir == null;
        Path dir = temporary ? createTempDir(tempRoot) : dataDir;
        EmbeddedKafka kafka = new EmbeddedKafka(dir, temporary, ports[0], ports[1], overrides);
        try {
            kafka.startServer();
        } catch (RuntimeException e) {
            // A broker that failed to start leaves no threads and no temporary directory behind.
            kafka.abandon();
            throw e;
        }
        return kafka;
    }

    public static EmbeddedKafka start() {
        return start(0, null, Map.of());
    }

    /** The address clients connect to, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    public int port() {
        return brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and starts it again on the same log and ports, as after a broker restart. */
    public void restart() {
        stopServer();
        startServer();
    }

    /** Stops the broker, keeping its log, so that {@link #restart()} or a new instance can reuse it. */
    public void stop() {
        stopServer();
    }

    @Override
    public void close() {
        stopServer();
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private synchronized void startServer() {
        if (server != null) {
            return;
        }
        Path logDir = dataDir.resolve("kafka-logs");
        KafkaConfig config = new KafkaConfig(brokerProperties(logDir), false);
        formatIfNew(logDir);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    private synchronized void abandon() {
        KafkaRaftServer failed = server;
        server = null;
        if (failed != null) {
            try {
                failed.shutdown();
            } catch (RuntimeException ignored) {
                // It never fully started; what matters is that its directory goes.
            }
        }
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    private synchronized void stopServer() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    private Properties brokerProperties(Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One node cannot hold more than one replica of anything.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // A consumer group forms at once instead of waiting three seconds for more members.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        props.put("unstable.api.versions.enable", "false");
        props.putAll(overrides);
        return props;
    }

    private void formatIfNew(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            // Formatted by an earlier run: keep its cluster id and its data.
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    // Transactions v2 on this single node made exactly-once producers fail with
                    // OutOfOrderSequenceException ("expected sequence 0 ... with no existing state")
                    // on changelog and repartition topics under load (seen in tension bench); v1 does not.
                    .setFeatureLevel("transaction.version", (short) 1)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static Path createTempDir(Path root) {
        try {
            return Files.createTempDirectory(root, "tension-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the embedded broker", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
