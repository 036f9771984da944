package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tensionstreams.app.ArticlePublisher;
import io.tensionstreams.app.InputArticle;
import io.tensionstreams.app.SampleArticles;
import io.tensionstreams.app.Service;
import io.tensionstreams.app.SignalShutdown;
import io.tensionstreams.avro.TensionAlert;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.registry.AvroSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code tension demo}: {@code run} on the embedded default, then the bundled sample articles, a live
 * table of pair scores, alerts as they fire, and the dashboard URL.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start everything in this JVM, publish the bundled sample articles and show live tension scores.")
final class DemoCommand implements Callable<Integer> {
    private static final Duration REFRESH = Duration.ofSeconds(3);
    private static final Duration DONE_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> MUST_HAVE_FINAL = List.of("CN-US", "RU-UA");
    private static final Duration QUIET = Duration.ofSeconds(3);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ServiceOptions options;

    @Option(names = "--exit-when-done", description = "Wait until every sample is processed, print the final table and exit.")
    private boolean exitWhenDone;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<InputArticle> samples = SampleArticles.recent(Instant.now());
        try (SignalShutdown shutdown = SignalShutdown.install()) {
            int code;
            try (Service service = Service.start(options.settings(), out)) {
                shutdown.serving();
                code = demo(service, samples, shutdown, out);
            }
            shutdown.stoppedCleanly();
            return code;
        }
    }

    private int demo(Service service, List<InputArticle> samples, SignalShutdown shutdown, PrintWriter out) throws Exception {
        awaitRunning(service);
        out.println("Publishing " + samples.size() + " sample articles to " + service.topology().topics().articles() + "...");
        try (ArticlePublisher publisher = new ArticlePublisher(service.bootstrapServers(), service.kafkaClientSettings(), service.registry(),
                service.topology().topics().articles())) {
            publishInOrder(service.meters()::processed, publisher, samples);
        }
        out.println("Dashboard: " + service.http().url() + "/");
        out.flush();
        if (!exitWhenDone) {
            return runLive(service, shutdown.requested(), out);
        }
        // Done by itself, not by a signal: its own exit code stands.
        shutdown.finishing();
        return runToCompletion(service, samples.size(), out);
    }

    /**
     * The samples span four days. Published at once they would be a backfill: every article would
     * still count (the grace is a week), but most windows would be closed first and then revised, and
     * the live table would jump about. Published one at a time, each after the one before has been
     * tagged, they arrive in order, as live news does, and each window closes once.
     */
    static void publishInOrder(java.util.function.LongSupplier processed, ArticlePublisher publisher, List<InputArticle> samples)
            throws InterruptedException {
        long deadline = System.nanoTime() + DONE_TIMEOUT.toNanos();
        for (InputArticle sample : samples) {
            long before = processed.getAsLong();
            publisher.publishAll(List.of(sample), ArticlePublisher.Progress.none()).requireAll();
            while (processed.getAsLong() == before && System.nanoTime() < deadline) {
                Thread.sleep(5); // pacing a demo against a counter, not a test
            }
        }
    }

    private int runLive(Service service, CountDownLatch stopped, PrintWriter out) throws InterruptedException {
        Set<String> shownAlerts = new HashSet<>();
        while (!stopped.await(REFRESH.toMillis(), TimeUnit.MILLISECONDS)) {
            printAlerts(service, shownAlerts, out);
            printLiveTable(service, out);
        }
        out.println("Shutting down...");
        return 0;
    }

    private int runToCompletion(Service service, int samples, PrintWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + DONE_TIMEOUT.toNanos();
        while (service.meters().processed() < samples && System.nanoTime() < deadline) {
            Thread.sleep(200); // polling a counter in a command, not a test
        }
        if (service.meters().processed() < samples) {
            throw new IllegalStateException("only " + service.meters().processed() + " of " + samples + " samples were processed in " + DONE_TIMEOUT.toMinutes() + " minutes");
        }
        out.println("All " + samples + " samples processed.");
        printAlerts(service, new HashSet<>(), out);
        Map<String, TensionScore> finals = finalScores(service, deadline);
        out.println();
        out.println("Final scores (latest closed window of each pair and window size):");
        out.println(String.format("%-8s %-5s %-17s %7s %9s %9s %9s  %s", "pair", "size", "window start", "index", "intensity", "attention",
                "articles", "themes"));
        finals.values().stream()
                .sorted(Comparator.comparing(TensionScore::getPair).thenComparing(TensionScore::getWindowSize))
                .forEach(score -> out.println(String.format("%-8s %-5s %-17s %7.1f %+9.1f %8.1f%% %9d  %s", score.getPair(), score.getWindowSize(),
                        score.getWindowStart().toString().substring(0, 16).replace('T', ' '), score.getIndex(), score.getIntensity(),
                        100 * score.getAttentionShare(), score.getArticles(),
                        ThemeColumn.of(score.getThemes().stream().map(t -> new ThemeColumn.Theme(t.getTheme(), t.getArticles())).toList()))));
        out.flush();
        return 0;
    }

    /** Reads the final-scores topic (read_committed) until the demo's main pairs have closed windows. */
    private Map<String, TensionScore> finalScores(Service service, long deadline) {
        Properties props = new Properties();
        props.putAll(service.kafkaClientSettings());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, service.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "tension-demo-" + ProcessHandle.current().pid());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, TensionScore> latest = new TreeMap<>();
        try (KafkaConsumer<String, TensionScore> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerdes.specificValue(TensionScore.class, service.registry()).deserializer())) {
            consumer.subscribe(List.of(service.topology().topics().finalScores()));
            long quietSince = System.nanoTime();
            // Read until the main pairs are there and nothing new has come for a few seconds.
            while (System.nanoTime() < deadline && !(hasAll(latest) && System.nanoTime() - quietSince > QUIET.toNanos())) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (ConsumerRecord<String, TensionScore> record : records) {
                    TensionScore score = record.value();
                    // The latest window of each pair; of one window, the latest record (a late article revises it).
                    latest.merge(score.getPair() + "|" + score.getWindowSize(), score,
                            (old, next) -> next.getWindowStart().isBefore(old.getWindowStart()) ? old : next);
                }
            }
        }
        if (!hasAll(latest)) {
            throw new IllegalStateException("no final scores for " + MUST_HAVE_FINAL + " within " + DONE_TIMEOUT.toMinutes() + " minutes");
        }
        return latest;
    }

    private static boolean hasAll(Map<String, TensionScore> latest) {
        return MUST_HAVE_FINAL.stream().allMatch(pair -> latest.keySet().stream().anyMatch(key -> key.startsWith(pair + "|")));
    }

    private static void printAlerts(Service service, Set<String> shown, PrintWriter out) {
        List<TensionAlert> alerts = new ArrayList<>(service.feed().alerts());
        java.util.Collections.reverse(alerts);
        for (TensionAlert alert : alerts) {
            String key = alert.getPair() + alert.getWindowSize() + alert.getWindowStart();
            if (shown.add(key)) {
                out.println(String.format("ALERT %s %s window from %s: %s; index %.1f, intensity %+.1f, attention %.1f%% (baseline %.3g); themes %s",
                        alert.getPair(), alert.getWindowSize(), alert.getWindowStart().toString().substring(0, 16).replace('T', ' '),
                        alert.getReason(), alert.getIndex(), alert.getIntensity(), 100 * alert.getAttentionShare(), alert.getBaselineMean(),
                        alert.getThemes()));
            }
        }
        out.flush();
    }

    private static void printLiveTable(Service service, PrintWriter out) {
        Map<String, io.tensionstreams.http.ScoreQueries.WindowScore> latest = new TreeMap<>();
        var queries = new io.tensionstreams.http.ScoreQueries(service.app().streams(), service.topology().windows(), null);
        try {
            for (Duration size : service.topology().windows()) {
                for (var window : queries.localWindows(size, java.time.Instant.EPOCH, java.time.Instant.now().plus(Duration.ofDays(1)))) {
                    latest.merge(window.pair() + " " + window.windowSize(), window, (a, b) -> b.start().isAfter(a.start()) ? b : a);
                }
            }
        } catch (RuntimeException e) {
            out.println("(scores not queryable yet: " + e.getMessage() + ")");
            return;
        }
        out.println(String.format("%n%-12s %-17s %7s %9s %9s", "pair window", "window start", "index", "intensity", "articles"));
        latest.forEach((key, window) -> out.println(String.format("%-12s %-17s %7.1f %+9.1f %9d", key,
                window.start().toString().substring(0, 16).replace('T', ' '), window.aggregate().index(service.topology().evidenceScale()),
                window.aggregate().intensity(), window.aggregate().articles())));
        out.flush();
    }

    private static void awaitRunning(Service service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (service.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100); // polling the streams state in a command, not a test
        }
    }
}
