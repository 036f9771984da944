package io.tensionstreams.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import io.tensionstreams.app.TensionApp;
import io.tensionstreams.app.TopicCreator;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.embedded.Directories;
import io.tensionstreams.registry.AvroSerdes;
import io.tensionstreams.registry.SchemaRegistryClient;
import io.tensionstreams.tagging.Tagger;
import io.tensionstreams.topology.PassthroughTopology;
import io.tensionstreams.topology.StreamsSettings;
import io.tensionstreams.topology.TopicNames;
import io.tensionstreams.topology.TopologyConfig;
import io.tensionstreams.topology.TopologyListeners;
import io.tensionstreams.topology.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tension bench}: the throughput, latency and memory of the whole application on this
 * machine, against a passthrough baseline, with the embedded broker in the same JVM.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure publish throughput, end-to-end throughput (full topology and a passthrough baseline, exactly-once), "
                + "publish-to-score latency at a fixed rate, and memory, on an embedded broker.")
final class BenchCommand implements Callable<Integer> {
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(5);
    private static final double JIT_SETTLED = 0.2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--articles", defaultValue = "20000", description = "Articles pre-loaded for the throughput phases (default ${DEFAULT-VALUE}).")
    private int articles;

    @Option(names = "--rate", defaultValue = "500", description = "Offered load of the latency phase, articles/s (default ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--latency-seconds", defaultValue = "20", description = "Length of the latency phase (default ${DEFAULT-VALUE}).")
    private int latencySeconds;

    @Option(names = "--latency-warmup", defaultValue = "5",
            description = "Seconds the latency phase runs at the same rate before it measures: the new application's first "
                    + "transactions and fetch sessions are start-up, not steady state (default ${DEFAULT-VALUE}).")
    private int latencyWarmupSeconds;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the input topic (default ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--threads", defaultValue = "2", description = "Kafka Streams threads per instance (default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--instances", defaultValue = "1",
            description = "Instances of the application (same application id, in this JVM, each with its own state) in the full-topology phase (default ${DEFAULT-VALUE}).")
    private int instances;

    @Option(names = "--scaling", defaultValue = "true", negatable = true,
            description = "Also run the full topology with 1 and with 2 stream threads and report both running rates (default ${DEFAULT-VALUE}).")
    private boolean scaling;

    @Option(names = "--per-day", defaultValue = "1000000",
            description = "Articles per day of event time: the generated publication times are spaced at this rate (default ${DEFAULT-VALUE}, a news firehose).")
    private long perDay;

    @Option(names = "--warmup-rounds", defaultValue = "3",
            description = "At most this many warm-up rounds; they stop once the JIT compiles for less than a fifth of a round (default ${DEFAULT-VALUE}).")
    private int warmupRounds;

    @Option(names = "--warmup", defaultValue = "4000",
            description = "Articles per warm-up round through every throughput phase, unmeasured, so the JIT has compiled the hot code (default ${DEFAULT-VALUE}; 0 skips).")
    private int warmup;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    private Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        resetPeaks();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("articles", articles);
        figures.put("articlesPerDayOfEventTime", perDay);
        figures.put("partitions", partitions);
        figures.put("streamThreads", threads);
        figures.put("instances", instances);
        try (EmbeddedPlatform platform = EmbeddedPlatform.start()) {
            SchemaRegistryClient registry = SchemaRegistryClient.forUrl(platform.schemaRegistryUrl());
            out.println("tension bench: " + articles + " articles, " + partitions + " partitions, " + instances + " instance(s) of "
                    + threads + " stream threads, exactly-once");
            warmUp(platform, registry, figures, out);
            out.flush();
            TopologyConfig config = throughputRound(platform, registry, "bench", articles, figures, out);
            if (scaling) {
                scalingRounds(platform, registry, config, figures, out);
            }
            latencyPhase(platform, registry, config, figures, out);
        }
        figures.put("peakHeapMiB", round(peakHeapBytes() / 1048576.0));
        figures.put("peakRssMiB", round(peakRssBytes() / 1048576.0));
        out.printf("%-44s %10.1f%n", "peak heap (MiB, broker included)", peakHeapBytes() / 1048576.0);
        out.printf("%-44s %10.1f%n", "peak resident memory (MiB, broker included)", peakRssBytes() / 1048576.0);
        out.flush();
        if (json != null) {
            Files.writeString(json, TagsJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
            out.println("Wrote " + json);
        }
        return 0;
    }

    /**
     * Runs unmeasured rounds through every throughput phase until the JIT compilers settle: the
     * broker, the clients and Kafka Streams are a lot of code, and on two cores a compiler thread
     * still busy with it takes half the machine from the phases being measured. A round counts as
     * settled when compiling took less than {@link #JIT_SETTLED} of its wall-clock time.
     */
    private void warmUp(EmbeddedPlatform platform, SchemaRegistryClient registry, Map<String, Object> figures, PrintWriter out) throws Exception {
        if (warmup <= 0 || warmupRounds <= 0) {
            return;
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        List<Double> shares = new ArrayList<>();
        for (int round = 1; round <= warmupRounds; round++) {
            long compilingBefore = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            throughputRound(platform, registry, "warmup" + round, warmup, new LinkedHashMap<>(), new PrintWriter(Writer.nullWriter()));
            double share = (jit.getTotalCompilationTime() - compilingBefore) / ((System.nanoTime() - start) / 1e6);
            shares.add(round(share));
            out.printf("warm-up round %d (%d articles, not measured): JIT compiling %.0f%% of the round%n", round, warmup, share * 100);
            out.flush();
            if (share < JIT_SETTLED) {
                break;
            }
        }
        figures.put("warmupJitShares", shares);
    }

    /** Publishes {@code count} generated articles, then runs the full and the passthrough topology over them. */
    private TopologyConfig throughputRound(EmbeddedPlatform platform, SchemaRegistryClient registry, String prefix, int count,
                                           Map<String, Object> figures, PrintWriter out) throws Exception {
        TopologyConfig config = TopologyConfig.defaults().withTopics(TopicNames.prefixed(prefix)).withPartitions(partitions);
        List<String> topics = new ArrayList<>(config.topics().all());
        topics.add(prefix + "-passthrough");
        new TopicCreator(Map.of("bootstrap.servers", platform.bootstrapServers()), Duration.ofSeconds(30))
                .createMissing(topics, partitions, Optional.of((short) 1));
        // Recent publication times: retention (seven days by default) counts from record timestamps downstream.
        Duration span = eventTimeSpan(count);
        List<InputArticle> generated = BenchArticles.generate(count, 42, Instant.now().minus(span).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                span, DemoCommand.samples());
        publishPhase(platform, registry, config, generated, figures, out);
        // The baseline first, then the full topology, over the same pre-loaded articles.
        Rates passthrough = passthroughPhase(platform, registry, config, prefix, count, figures, out);
        Rates full = fullPhase(platform, registry, config, prefix + "-full", count, instances, threads, figures, out);
        figures.put("fullOverPassthrough", round(full.endToEnd() / passthrough.endToEnd()));
        figures.put("fullOverPassthroughRunning", round(full.running() / passthrough.running()));
        out.printf("%-44s %10.2f%n", "full / passthrough, end to end", full.endToEnd() / passthrough.endToEnd());
        out.printf("%-44s %10.2f%n", "full / passthrough, running", full.running() / passthrough.running());
        out.flush();
        return config;
    }

    /**
     * The event time the generated articles cover. A backlog of the firehose is dense in event time:
     * spreading a few thousand articles over days instead would make the merge of the input partitions
     * in the one-partition near-copy stage jump stream time past the grace, and drop contributions.
     */
    private Duration eventTimeSpan(int count) {
        return Duration.ofMillis(Duration.ofDays(1).toMillis() * count / perDay);
    }

    private void publishPhase(EmbeddedPlatform platform, SchemaRegistryClient registry, TopologyConfig config, List<InputArticle> generated,
                              Map<String, Object> figures, PrintWriter out) throws InterruptedException {
        int count = generated.size();
        long bytes = generated.stream().mapToLong(a -> a.title().length() + a.body().length()).sum();
        long start = System.nanoTime();
        try (ArticlePublisher publisher = new ArticlePublisher(platform.bootstrapServers(), Map.of(), registry, config.topics().articles())) {
            publisher.publishAll(generated, ArticlePublisher.Progress.none()).requireAll();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        figures.put("publishArticlesPerSecond", round(count / seconds));
        figures.put("publishMBPerSecond", round(bytes / seconds / 1e6));
        out.printf("%-44s %10.0f   (%.1f MB/s)%n", "publish (articles/s)", count / seconds, bytes / seconds / 1e6);
        out.flush();
    }

    /**
     * The full topology over the same pre-loaded articles with one stream thread, then two, each a
     * fresh application: how every stage's throughput grows with threads (this machine has two cores).
     */
    private void scalingRounds(EmbeddedPlatform platform, SchemaRegistryClient registry, TopologyConfig config, Map<String, Object> figures,
                               PrintWriter out) throws Exception {
        Map<String, Double> running = new LinkedHashMap<>();
        for (int streamThreads : List.of(1, 2)) {
            Rates rates = fullPhase(platform, registry, config, "bench-scaling-" + streamThreads, articles, 1, streamThreads, new LinkedHashMap<>(),
                    new PrintWriter(java.io.Writer.nullWriter()));
            running.put(streamThreads + " thread" + (streamThreads == 1 ? "" : "s"), round(rates.running()));
            out.printf("%-44s %10.0f%n", "  running, full topology, " + streamThreads + " stream thread" + (streamThreads == 1 ? "" : "s"),
                    rates.running());
            out.flush();
        }
        figures.put("fullRunningArticlesPerSecondByThreads", running);
    }

    /** From the streams' start to the last score update, for the pre-loaded articles, on {@code instanceCount} instances of one application. */
    private Rates fullPhase(EmbeddedPlatform platform, SchemaRegistryClient registry, TopologyConfig config, String applicationId, int count,
                            int instanceCount, int streamThreads, Map<String, Object> figures, PrintWriter out) throws Exception {
        List<Path> stateDirs = new ArrayList<>();
        List<TensionApp> apps = new ArrayList<>();
        Tagger tagger = Tagger.bundled();
        // From the signals' current end: the earlier rounds wrote to the same topic.
        CommittedCounter signals = new CommittedCounter(platform, config.topics().signals(), true);
        long start = System.nanoTime();
        try (signals) {
            for (int i = 0; i < instanceCount; i++) {
                Path stateDir = Files.createTempDirectory("tension-bench-");
                stateDirs.add(stateDir);
                Map<String, Object> overrides = streamsOverrides(stateDir);
                overrides.put("num.stream.threads", streamThreads);
                apps.add(TensionApp.start(new TensionApp.Settings(applicationId, platform.bootstrapServers(), registry, config, tagger,
                        TopologyListeners.NONE, overrides, Duration.ofSeconds(30))));
            }
            FirstOutput first = signals.awaitAll(count);
            Map<String, Double> threadTime = threadTimeShares(apps.get(0).streams());
            long last = awaitQuiet(platform, config.topics().scores());
            Rates rates = new Rates(count, start, first, last);
            figures.put("fullStreamThreadTimeShares", threadTime);
            out.printf("%-44s %s%n", "  stream threads' time (poll/process/commit)", threadTime);
            rates.report("full", "full topology", figures, out);
            return rates;
        } finally {
            apps.forEach(TensionApp::close);
            stateDirs.forEach(Directories::deleteRecursively);
        }
    }

    /**
     * Where the stream threads spend their time (Kafka Streams' poll-, process-, commit- and
     * punctuate-ratio, averaged over the threads): what bounds the throughput, waiting or computing.
     */
    private static Map<String, Double> threadTimeShares(KafkaStreams streams) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String ratio : List.of("poll-ratio", "process-ratio", "commit-ratio", "punctuate-ratio")) {
            double mean = streams.metrics().values().stream()
                    .filter(metric -> metric.metricName().group().equals("stream-thread-metrics") && metric.metricName().name().equals(ratio))
                    .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue()).filter(Double::isFinite).average().orElse(Double.NaN);
            shares.put(ratio.replace("-ratio", ""), round(mean));
        }
        return shares;
    }

    private Rates passthroughPhase(EmbeddedPlatform platform, SchemaRegistryClient registry, TopologyConfig config, String prefix, int count,
                                    Map<String, Object> figures, PrintWriter out) throws Exception {
        Topics topics = Topics.of(config.topics(), registry);
        AtomicLong seen = new AtomicLong();
        Path stateDir = Files.createTempDirectory("tension-bench-pass-");
        Properties props = StreamsSettings.of(prefix + "-passthrough-app", platform.bootstrapServers(), config.topics(), streamsOverrides(stateDir));
        long start = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(PassthroughTopology.build(topics.articles(), prefix + "-passthrough", seen::incrementAndGet), props)) {
            streams.start();
            FirstOutput first;
            long last;
            try (CommittedCounter output = new CommittedCounter(platform, prefix + "-passthrough")) {
                first = output.awaitAll(count);
                last = System.nanoTime();
            }
            Rates rates = new Rates(count, start, first, last);
            rates.report("passthrough", "passthrough", figures, out);
            return rates;
        } finally {
            Directories.deleteRecursively(stateDir);
        }
    }

    /** Articles published now, at a fixed rate; latency is the time from publishing to the committed score update they cause. */
    private void latencyPhase(EmbeddedPlatform platform, SchemaRegistryClient registry, TopologyConfig config, Map<String, Object> figures,
                              PrintWriter out) throws Exception {
        TopologyConfig latencyConfig = config.withTopics(TopicNames.prefixed("bench-latency"));
        new TopicCreator(Map.of("bootstrap.servers", platform.bootstrapServers()), Duration.ofSeconds(30))
                .createMissing(latencyConfig.topics(), partitions, Optional.of((short) 1));
        Path stateDir = Files.createTempDirectory("tension-bench-latency-");
        List<Long> latencies = new ArrayList<>();
        try (TensionApp app = TensionApp.start(new TensionApp.Settings("bench-latency", platform.bootstrapServers(), registry, latencyConfig,
                Tagger.bundled(), TopologyListeners.NONE, streamsOverrides(stateDir), Duration.ofSeconds(30)));
             KafkaConsumer<String, TensionScore> scores = scoresConsumer(platform, registry, latencyConfig.topics().scores());
             ArticlePublisher publisher = new ArticlePublisher(platform.bootstrapServers(), Map.of(), registry, "bench-latency-articles")) {
            awaitCondition(() -> app.streams().state() == KafkaStreams.State.RUNNING, "the streams to run");
            List<InputArticle> stories = DemoCommand.samples();
            // Scores carry the time of their newest article: updates caused by warm-up articles are not counted.
            long phaseStart = System.currentTimeMillis() + Duration.ofSeconds(latencyWarmupSeconds).toMillis();
            long end = System.nanoTime() + Duration.ofSeconds(latencyWarmupSeconds + latencySeconds).toNanos();
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            int sent = 0;
            while (System.nanoTime() < end) {
                if (System.nanoTime() >= next) {
                    InputArticle story = stories.get(sent % stories.size());
                    publisher.publishAsync(new InputArticle("latency-" + sent, story.title(), story.body() + " Item " + sent + ".", null,
                            story.source(), Instant.now(), "latency"));
                    sent++;
                    next += interval;
                }
                // Read scores until the next article is due: a poll(0) loop here would spin a core
                // away from the streams it measures.
                readScores(scores, phaseStart, latencies, Math.max(0, next - System.nanoTime()));
            }
            publisher.flush();
            collectLatencies(scores, phaseStart, latencies, Duration.ofSeconds(5));
            figures.put("latencyOfferedRate", rate);
            figures.put("latencyWarmupSeconds", latencyWarmupSeconds);
            figures.put("latencyArticlesSent", sent);
        } finally {
            Directories.deleteRecursively(stateDir);
        }
        latencies.sort(Long::compare);
        out.printf("%-44s %10d   (after %d s of warm-up, %d s measured)%n", "publish to score update, samples", latencies.size(), latencyWarmupSeconds,
                latencySeconds);
        for (int percentile : new int[] {50, 95, 99}) {
            long value = latencies.isEmpty() ? -1 : latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(percentile / 100.0 * latencies.size()) - 1));
            figures.put("latencyP" + percentile + "Ms", value);
            out.printf("%-44s %10d%n", "publish to score update, p" + percentile + " (ms) at " + rate + "/s", value);
        }
        figures.put("latencySamples", latencies.size());
        out.flush();
    }

    private static void readScores(KafkaConsumer<String, TensionScore> consumer, long phaseStart, List<Long> latencies, long forNanos) {
        for (ConsumerRecord<String, TensionScore> record : consumer.poll(Duration.ofNanos(forNanos))) {
            if (record.timestamp() >= phaseStart) {
                latencies.add(System.currentTimeMillis() - record.timestamp());
            }
        }
    }

    /** Reads the scores that come in the next {@code quiet}: the last articles' updates. */
    private static void collectLatencies(KafkaConsumer<String, TensionScore> consumer, long phaseStart, List<Long> latencies, Duration quiet) {
        long until = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < until) {
            readScores(consumer, phaseStart, latencies, Duration.ofMillis(200).toNanos());
        }
    }

    private static KafkaConsumer<String, TensionScore> scoresConsumer(EmbeddedPlatform platform, SchemaRegistryClient registry, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, TensionScore> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerdes.specificValue(TensionScore.class, registry).deserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private Map<String, Object> streamsOverrides(Path stateDir) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("state.dir", stateDir.toString());
        overrides.put("num.stream.threads", threads);
        return overrides;
    }

    /**
     * The throughput of one phase, two ways: end to end, from the streams' start (start-up, task
     * assignment and the first transactions included), and running, the records after the first
     * committed output over the time from it to the last (what the topology sustains once it runs, a
     * long-running service's rate).
     */
    private record Rates(int count, long start, FirstOutput first, long last) {
        double endToEnd() {
            return count / ((last - start) / 1e9);
        }

        /** The records that came after the first read, over the time since: the first transaction's records arrived at once. */
        double running() {
            return (count - first.records()) / (Math.max(1, last - first.nanos()) / 1e9);
        }

        double startUpSeconds() {
            return (first.nanos() - start) / 1e9;
        }

        void report(String key, String label, Map<String, Object> figures, PrintWriter out) {
            figures.put(key + "ArticlesPerSecond", round(endToEnd()));
            figures.put(key + "RunningArticlesPerSecond", round(running()));
            figures.put(key + "StartUpSeconds", round(startUpSeconds()));
            out.printf("%-44s %10.0f   (%.1f s)%n", "end to end, " + label + " (articles/s)", endToEnd(), (last - start) / 1e9);
            out.printf("%-44s %10.0f   (first output after %.1f s)%n", "  running, " + label + " (articles/s)", running(), startUpSeconds());
            out.flush();
        }
    }

    /** When a phase's output was first seen, and how many records that first read brought. */
    private record FirstOutput(long nanos, long records) {
    }

    /**
     * Counts the records a read_committed reader sees on a topic, reading each record once: under
     * exactly-once, offsets overcount (every transaction leaves a commit marker), so records are counted.
     */
    private static final class CommittedCounter implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private long count;

        CommittedCounter(EmbeddedPlatform platform, String topic) {
            this(platform, topic, false);
        }

        /** @param fromEnd count only what is written from now on */
        CommittedCounter(EmbeddedPlatform platform, String topic, boolean fromEnd) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
            consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            if (fromEnd) {
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position); // resolve the end now, before the streams write
            } else {
                consumer.seekToBeginning(partitions);
            }
        }

        /** Reads until {@code expected} records were seen; returns when the first of them were, and how many. */
        FirstOutput awaitAll(long expected) {
            long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
            FirstOutput first = null;
            while (count < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out waiting for " + expected + " records, saw " + count);
                }
                count += consumer.poll(Duration.ofMillis(20)).count();
                if (first == null && count > 0) {
                    first = new FirstOutput(System.nanoTime(), count);
                }
            }
            return first;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /**
     * Waits until the topic stops growing for a second; returns the time it last grew. One consumer
     * asks for the end offsets: a new client per sample would take a core from the streams it measures.
     */
    private static long awaitQuiet(EmbeddedPlatform platform, String topic) throws InterruptedException {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            long lastCount = -1;
            long lastChange = System.nanoTime();
            long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                long count = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
                if (count != lastCount) {
                    lastCount = count;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > Duration.ofSeconds(1).toNanos()) {
                    return lastChange;
                }
                Thread.sleep(50); // sampling offsets in a benchmark, not a test
            }
        }
        throw new IllegalStateException(topic + " kept growing for " + PHASE_TIMEOUT.toMinutes() + " minutes");
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100); // polling in a benchmark, not a test
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** VmHWM: the process's peak resident set, from /proc (Linux). */
    private static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
