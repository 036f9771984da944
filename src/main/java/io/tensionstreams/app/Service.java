package io.tensionstreams.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tensionstreams.app.TensionApp;
import io.tensionstreams.app.TopicCreator;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.embedded.Directories;
import io.tensionstreams.http.ActivityFeed;
import io.tensionstreams.http.HttpApi;
import io.tensionstreams.http.ScoreQueries;
import io.tensionstreams.http.TensionMeters;
import io.tensionstreams.registry.RegistryConfig;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.tagging.Tagger;
import io.tensionstreams.topology.TopologyConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Everything {@code run} and {@code demo} start, wired together, and stopped in reverse order:
 * the streams (with a timeout), the HTTP server and metrics, the embedded broker last.
 */
public final class Service implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final int TOP_PAIR_GAUGES = 10;

    private final EmbeddedPlatform platform;
    private final String bootstrapServers;
    private final SchemaRegistryClient registry;
    private final TopologyConfig topology;
    private final TensionApp app;
    private final HttpApi http;
    private final ActivityFeed feed;
    private final Map<String, Object> kafkaClientSettings;
    private final TensionMeters meters;
    private final PrometheusMeterRegistry metrics;
    private final KafkaStreamsMetrics streamsMetrics;
    private final ScheduledExecutorService metricsScheduler;
    private final Path temporaryStateDir;

    private Service(EmbeddedPlatform platform, String bootstrapServers, SchemaRegistryClient registry, TopologyConfig topology, TensionApp app,
                    HttpApi http, ActivityFeed feed, Map<String, Object> kafkaClientSettings, TensionMeters meters, PrometheusMeterRegistry metrics,
                    KafkaStreamsMetrics streamsMetrics, ScheduledExecutorService metricsScheduler, Path temporaryStateDir) {
        this.temporaryStateDir = temporaryStateDir;
        this.platform = platform;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.topology = topology;
        this.app = app;
        this.http = http;
        this.feed = feed;
        this.kafkaClientSettings = kafkaClientSettings;
        this.meters = meters;
        this.metrics = metrics;
        this.streamsMetrics = streamsMetrics;
        this.metricsScheduler = metricsScheduler;
    }

    public static Service start(Settings settings, PrintWriter out) throws IOException {
        out.println("Settings: " + settings.describe());
        Tagger tagger = settings.get("taxonomy") == null ? Tagger.bundled() : Tagger.fromDirectory(Path.of(settings.get("taxonomy")));
        PortCheck.requireFree(settings);
        EmbeddedPlatform platform = settings.get("bootstrap.servers") == null ? startEmbedded(settings, out) : null;
        try {
            return startOn(settings, platform, tagger, out);
        } catch (IOException | RuntimeException e) {
            if (platform != null) {
                platform.close();
            }
            throw e;
        }
    }

    private static Service startOn(Settings settings, EmbeddedPlatform platform, Tagger tagger, PrintWriter out) throws IOException {
        String bootstrap = platform != null ? platform.bootstrapServers() : settings.get("bootstrap.servers");
        Map<String, Object> registrySettings = new HashMap<>(settings.registrySettings());
        registrySettings.put(RegistryConfig.URL, platform != null ? platform.schemaRegistryUrl() : settings.get("schema.registry.url"));
        SchemaRegistryClient registry = new SchemaRegistryClient(RegistryConfig.from(registrySettings));
        TopologyConfig topology = settings.topology();
        Map<String, Object> clientSettings = settings.kafkaClientSettings();
        Duration startupTimeout = Duration.ofSeconds(settings.integer("startup.timeout.seconds"));
        createTopics(settings, bootstrap, topology, clientSettings, startupTimeout, out);
        // The streams would otherwise fail on their first record.
        Preflight.registry(registry);

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindJvmMetrics(metrics);
        ActivityFeed feed = new ActivityFeed(100);
        TensionMeters meters = new TensionMeters(metrics, feed, TOP_PAIR_GAUGES);
        ScoreQueriesHolder queries = new ScoreQueriesHolder();
        HttpApi http = new HttpApi(settings.get("http.host"), settings.integer("http.port"), metrics, queries::state, queries::get, feed,
                topology.evidenceScale());
        HostInfo self = new HostInfo(advertisedHost(settings), http.port());
        Map<String, Object> overrides = new HashMap<>(clientSettings);
        overrides.put("application.server", self.host() + ":" + self.port());
        Path stateDir = stateDir(settings);
        boolean temporaryState = settings.get("state.dir") == null && settings.get("data.dir") == null;
        overrides.put("state.dir", stateDir.toString());
        TensionApp app;
        try {
            app = TensionApp.start(new TensionApp.Settings(settings.get("application.id"), bootstrap, registry, topology, tagger,
                    meters.listeners(), overrides, CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            // A failed start leaves nothing behind: no open port, no temporary state directory.
            http.close();
            if (temporaryState) {
                Directories.deleteRecursively(stateDir);
            }
            throw e;
        }
        queries.set(app.streams(), new ScoreQueries(app.streams(), topology.windows(), self));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-streams-metrics");
            thread.setDaemon(true);
            return thread;
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(app.streams(), Tags.empty(), scheduler, Duration.ofSeconds(5));
        streamsMetrics.bindTo(metrics);
        out.println("HTTP: " + http.url() + "  (dashboard " + http.url() + "/, metrics " + http.url() + "/metrics)");
        if (http.reachableFromOtherMachines()) {
            out.println("warning: the HTTP API has no authentication and listens on " + settings.get("http.host")
                    + ": other machines can reach it; put it behind a proxy or firewall, or keep --http-host 127.0.0.1");
        }
        out.flush();
        return new Service(platform, bootstrap, registry, topology, app, http, feed, clientSettings, meters, metrics, streamsMetrics, scheduler,
                temporaryState ? stateDir : null);
    }

    /**
     * How other instances reach this one for routed queries (Kafka Streams' {@code application.server}):
     * {@code http.advertised.host}, else the bound address, else (bound to every interface) the host name.
     */
    private static String advertisedHost(Settings settings) throws IOException {
        if (settings.get("http.advertised.host") != null) {
            return settings.get("http.advertised.host");
        }
        String bound = settings.get("http.host");
        return "0.0.0.0".equals(bound) || "::".equals(bound) ? java.net.InetAddress.getLocalHost().getHostName() : bound;
    }

    private static EmbeddedPlatform startEmbedded(Settings settings, PrintWriter out) {
        out.println("Starting the embedded Kafka broker and Schema Registry...");
        out.flush();
        Path dataDir = settings.get("data.dir") == null ? null : Path.of(settings.get("data.dir"));
        EmbeddedPlatform platform = EmbeddedPlatform.start(settings.integer("kafka.port"), settings.integer("registry.port"), dataDir);
        out.println("Kafka: " + platform.bootstrapServers());
        out.println("Schema Registry: " + platform.schemaRegistryUrl());
        out.flush();
        EmbeddedAddress.write(new EmbeddedAddress.Address(platform.bootstrapServers(), platform.schemaRegistryUrl()));
        return platform;
    }

    private static void createTopics(Settings settings, String bootstrap, TopologyConfig topology, Map<String, Object> clientSettings,
                                     Duration timeout, PrintWriter out) {
        Map<String, Object> admin = new HashMap<>(clientSettings);
        admin.put("bootstrap.servers", bootstrap);
        Optional<Short> replication = Optional.ofNullable(settings.get("replication.factor")).map(Short::parseShort);
        int partitions = settings.integer("partitions");
        List<String> created = new TopicCreator(admin, timeout).createMissing(topology.topics(), partitions, replication);
        out.println(created.isEmpty() ? "All topics exist." : "Created topics " + created + " with " + partitions + " partitions.");
        out.flush();
    }

    private static Path stateDir(Settings settings) throws IOException {
        if (settings.get("state.dir") != null) {
            return Path.of(settings.get("state.dir"));
        }
        if (settings.get("data.dir") != null) {
            return Path.of(settings.get("data.dir"), "streams");
        }
        // Removed by close(), after the streams have stopped: a JVM shutdown hook could race them.
        return Files.createTempDirectory("tension-state-");
    }

    private static void bindJvmMetrics(PrometheusMeterRegistry metrics) {
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ClassLoaderMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
    }

    public EmbeddedPlatform platform() {
        return platform;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public TopologyConfig topology() {
        return topology;
    }

    public TensionApp app() {
        return app;
    }

    public HttpApi http() {
        return http;
    }

    public ActivityFeed feed() {
        return feed;
    }

    public Map<String, Object> kafkaClientSettings() {
        return kafkaClientSettings;
    }

    public TensionMeters meters() {
        return meters;
    }

    public KafkaStreams.State state() {
        return app.streams().state();
    }

    @Override
    public void close() {
        app.close();
        streamsMetrics.close();
        metricsScheduler.shutdownNow();
        http.close();
        metrics.close();
        if (temporaryStateDir != null) {
            Directories.deleteRecursively(temporaryStateDir);
        }
        if (platform != null) {
            EmbeddedAddress.remove(new EmbeddedAddress.Address(platform.bootstrapServers(), platform.schemaRegistryUrl()));
            platform.close();
        }
    }

    /** The score queries and streams state, known once the streams exist; the HTTP server starts first. */
    private static final class ScoreQueriesHolder {
        private volatile KafkaStreams streams;
        private volatile ScoreQueries queries;

        void set(KafkaStreams streams, ScoreQueries queries) {
            this.streams = streams;
            this.queries = queries;
        }

        ScoreQueries get() {
            return queries;
        }

        KafkaStreams.State state() {
            return streams == null ? KafkaStreams.State.CREATED : streams.state();
        }
    }
}
