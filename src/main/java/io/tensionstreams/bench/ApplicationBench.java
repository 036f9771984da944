package io.tensionstreams.bench;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.tensionstreams.app.ArticlePublisher;
import io.tensionstreams.app.InputArticle;
import io.tensionstreams.app.SampleArticles;
import io.tensionstreams.app.TensionApp;
import io.tensionstreams.app.TopicCreator;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.embedded.Directories;
import io.tensionstreams.embedded.EmbeddedPlatform;
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

/**
 * The whole-application benchmark behind {@code tension bench}: publish throughput, the full
 * topology's throughput against a passthrough baseline (end to end and running, on one or more
 * instances, and with one and two stream threads), publish-to-score latency at a fixed rate, and
 * peak memory, all exactly-once against an embedded broker in this JVM.
 */
public final class ApplicationBench {
    static final Duration PHASE_TIMEOUT = Duration.ofMinutes(5);
    private static final double JIT_SETTLED = 0.2;

    private final BenchOptions options;

    public ApplicationBench(BenchOptions options) {
        this.options = options;
    }

    /** Runs every phase, printing each figure to {@code out} as it is measured; returns the figures by name. */
    public Map<String, Object> run(PrintWriter out) throws Exception {
        MemoryPeaks.reset();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("articles", options.articles());
        figures.put("articlesPerDayOfEventTime", options.perDay());
        figures.put("partitions", options.partitions());
        figures.put("streamThreads", options.threads());
        figures.put("instances", options.instances());
        figures.put("nearCopySettleMillis", options.settle().toMillis());
        try (EmbeddedPlatform platform = EmbeddedPlatform.start()) {
            SchemaRegistryClient registry = SchemaRegistryClient.forUrl(platform.schemaRegistryUrl());
            out.println("tension bench: " + options.articles() + " articles, " + options.partitions() + " partitions, " + options.instances()
                    + " instance(s) of " + options.threads() + " stream threads, exactly-once");
            warmUp(platform, registry, figures, out);
            out.flush();
            TopologyConfig config = throughputRound(platform, registry, "bench", options.articles(), figures, out);
            if (options.scaling()) {
                scalingRounds(platform, registry, config, figures, out);
            }
            latencyPhase(platform, registry, config, figures, out);
        }
        figures.put("peakHeapMiB", Figures.round(MemoryPeaks.heapBytes() / 1048576.0));
        figures.put("peakRssMiB", Figures.round(MemoryPeaks.rssBytes() / 1048576.0));
        out.printf("%-44s %10.1f%n", "peak heap (MiB, broker included)", MemoryPeaks.heapBytes() / 1048576.0);
        out.printf("%-44s %10.1f%n", "peak resident memory (MiB, broker included)", MemoryPeaks.rssBytes() / 1048576.0);
        out.flush();
        return figures;
    }

    /**
     * Runs unmeasured rounds through every throughput phase until the JIT compilers settle: the
     * broker, the clients and Kafka Streams are a lot of code, and on two cores a compiler thread
     * still busy with it takes half the machine from the phases being measured. A round counts as
     * settled when compiling took less than {@link #JIT_SETTLED} of its wall-clock time.
     */
    private void warmUp(EmbeddedPlatform platform, SchemaRegistryClient registry, Map<String, Object> figures, PrintWriter out) throws Exception {
        if (options.warmup() <= 0 || options.warmupRounds() <= 0) {
            return;
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        List<Double> shares = new ArrayList<>();
        for (int round = 1; round <= options.warmupRounds(); round++) {
            long compilingBefore = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            throughputRound(platform, registry, "warmup" + round, options.warmup(), new LinkedHashMap<>(), new PrintWriter(Writer.nullWriter()));
            double share = (jit.getTotalCompilationTime() - compilingBefore) / ((System.nanoTime() - start) / 1e6);
            shares.add(Figures.round(share));
            out.printf("warm-up round %d (%d articles, not measured): JIT compiling %.0f%% of the round%n", round, options.warmup(), share * 100);
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
        TopologyConfig config = TopologyConfig.defaults().withTopics(TopicNames.prefixed(prefix)).withPartitions(options.partitions())
                .withNearDuplicateSettle(options.settle());
        List<String> topics = new ArrayList<>(config.topics().all());
        topics.add(prefix + "-passthrough");
        new TopicCreator(Map.of("bootstrap.servers", platform.bootstrapServers()), Duration.ofSeconds(30))
                .createMissing(topics, options.partitions(), Optional.of((short) 1));
        // Recent publication times: retention (seven days by default) counts from record timestamps downstream.
        Duration span = eventTimeSpan(count);
        List<InputArticle> generated = ArticleMix.generate(count, 42, Instant.now().minus(span).truncatedTo(ChronoUnit.SECONDS),
                span, SampleArticles.all());
        publishPhase(platform, registry, config, generated, figures, out);
        // The baseline first, then the full topology, over the same pre-loaded articles.
        Rates passthrough = passthroughPhase(platform, registry, config, prefix, count, figures, out);
        Rates full = fullPhase(platform, registry, config, prefix + "-full", count, options.instances(), options.threads(), figures, out);
        figures.put("fullOverPassthrough", Figures.round(full.endToEnd() / passthrough.endToEnd()));
        figures.put("fullOverPassthroughRunning", Figures.round(full.running() / passthrough.running()));
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
        return Duration.ofMillis(Duration.ofDays(1).toMillis() * count / options.perDay());
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
        figures.put("publishArticlesPerSecond", Figures.round(count / seconds));
        figures.put("publishMBPerSecond", Figures.round(bytes / seconds / 1e6));
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
            Rates rates = fullPhase(platform, registry, config, "bench-scaling-" + streamThreads, options.articles(), 1, streamThreads, new LinkedHashMap<>(),
                    new PrintWriter(Writer.nullWriter()));
            running.put(streamThreads + " thread" + (streamThreads == 1 ? "" : "s"), Figures.round(rates.running()));
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
            shares.put(ratio.replace("-ratio", ""), Figures.round(mean));
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
                .createMissing(latencyConfig.topics(), options.partitions(), Optional.of((short) 1));
        Path stateDir = Files.createTempDirectory("tension-bench-latency-");
        List<Long> latencies = new ArrayList<>();
        try (TensionApp app = TensionApp.start(new TensionApp.Settings("bench-latency", platform.bootstrapServers(), registry, latencyConfig,
                Tagger.bundled(), TopologyListeners.NONE, streamsOverrides(stateDir), Duration.ofSeconds(30)));
             KafkaConsumer<String, TensionScore> scores = scoresConsumer(platform, registry, latencyConfig.topics().scores());
             ArticlePublisher publisher = new ArticlePublisher(platform.bootstrapServers(), Map.of(), registry, "bench-latency-articles")) {
            awaitCondition(() -> app.streams().state() == KafkaStreams.State.RUNNING, "the streams to run");
            List<InputArticle> stories = SampleArticles.all();
            // Scores carry the time of their newest article: updates caused by warm-up articles are not counted.
            long phaseStart = System.currentTimeMillis() + Duration.ofSeconds(options.latencyWarmupSeconds()).toMillis();
            long end = System.nanoTime() + Duration.ofSeconds(options.latencyWarmupSeconds() + options.latencySeconds()).toNanos();
            long interval = 1_000_000_000L / options.rate();
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
            figures.put("latencyOfferedRate", options.rate());
            figures.put("latencyWarmupSeconds", options.latencyWarmupSeconds());
            figures.put("latencyArticlesSent", sent);
        } finally {
            Directories.deleteRecursively(stateDir);
        }
        latencies.sort(Long::compare);
        out.printf("%-44s %10d   (after %d s of warm-up, %d s measured)%n", "publish to score update, samples", latencies.size(), options.latencyWarmupSeconds(),
                options.latencySeconds());
        for (int percentile : new int[] {50, 95, 99}) {
            long value = latencies.isEmpty() ? -1 : latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(percentile / 100.0 * latencies.size()) - 1));
            figures.put("latencyP" + percentile + "Ms", value);
            out.printf("%-44s %10d%n", "publish to score update, p" + percentile + " (ms) at " + options.rate() + "/s", value);
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
        overrides.put("num.stream.threads", options.threads());
        return overrides;
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

    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100); // polling in a benchmark, not a test
        }
    }
}
