package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tensionstreams.app.ArticlePublisher;
import io.tensionstreams.app.Preflight;
import io.tensionstreams.app.SignalShutdown;
import io.tensionstreams.avro.Article;
import io.tensionstreams.http.MetricsEndpoint;
import io.tensionstreams.ingest.BoundedFetcher;
import io.tensionstreams.ingest.FeedSource;
import io.tensionstreams.ingest.IngestMeters;
import io.tensionstreams.ingest.IngestState;
import io.tensionstreams.ingest.Ingester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code tension ingest}: polls RSS and Atom feeds and publishes each new item as an article. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Poll RSS 2.0 and Atom feeds and publish each new item to the articles topic, once, across polls and restarts.")
final class IngestCommand implements Callable<Integer> {
    /** Longest wait after repeated failures of a feed. */
    static final Duration MAX_BACKOFF = Duration.ofHours(1);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--feed", paramLabel = "URL", description = "A feed to poll (repeatable).")
    private List<String> feedUrls = new ArrayList<>();

    @Option(names = "--feeds", paramLabel = "FILE", description = "A file of feeds: one URL a line, optionally followed by a name; # comments.")
    private Path feedList;

    @Option(names = "--interval", defaultValue = "PT5M", description = "How often each feed is polled, with 10% jitter (default ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--timeout", defaultValue = "PT20S", description = "Longest a request may take, answer included (default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--max-bytes", defaultValue = "5000000", description = "Largest feed or page read, after gzip (default ${DEFAULT-VALUE}).")
    private long maxBytes;

    @Option(names = "--fetch-pages", description = "Fetch each new item's linked page and use its main text as the body.")
    private boolean fetchPages;

    @Option(names = "--once", description = "Read every feed once and exit: 0 when every feed was read, 1 otherwise (for cron and tests).")
    private boolean once;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the per-feed state is kept (default ~/.tension-streams/ingest).")
    private Path dataDir = Path.of(System.getProperty("user.home"), ".tension-streams", "ingest");

    @Option(names = "--topic", defaultValue = "articles", description = "Topic to publish to (default ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--http-host", defaultValue = "127.0.0.1", description = "Address of /metrics and /health/live (default ${DEFAULT-VALUE}).")
    private String httpHost;

    @Option(names = "--http-port", defaultValue = "8090", description = "Port of /metrics and /health/live (default ${DEFAULT-VALUE}; 0 for any free port).")
    private int httpPort;

    @Mixin
    private ClientOptions client;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<FeedSource> feeds = feeds();
        requirePositive(interval, "--interval");
        requirePositive(timeout, "--timeout");
        if (maxBytes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-bytes must be positive");
        }
        Preflight.kafka(client.bootstrapServers(), client.kafkaSettings());
        Preflight.registry(client.registry());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (SignalShutdown shutdown = SignalShutdown.install();
             MetricsEndpoint endpoint = new MetricsEndpoint(httpHost, httpPort, metrics);
             ArticlePublisher publisher = new ArticlePublisher(client.bootstrapServers(), client.kafkaSettings(), client.registry(), topic)) {
            Ingester ingester = new Ingester(new BoundedFetcher(timeout, maxBytes), fetchPages, IngestState.load(dataDir),
                    articles -> failures(publisher, articles), new IngestMeters(metrics), Clock.systemUTC());
            out.println("Ingesting " + feeds.size() + " feeds into " + topic + "; metrics at " + endpoint.url() + "/metrics");
            out.flush();
            shutdown.serving();
            int code = once ? pollOnce(ingester, feeds, out) : pollForever(ingester, feeds, shutdown, out);
            shutdown.finishing();
            shutdown.stoppedCleanly();
            return code;
        }
    }

    private List<FeedSource> feeds() throws java.io.IOException {
        List<FeedSource> feeds = new ArrayList<>();
        try {
            for (String url : feedUrls) {
                feeds.add(FeedSource.of(url));
            }
            if (feedList != null) {
                feeds.addAll(FeedSource.readList(feedList));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (feeds.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no feeds: give --feed URL or --feeds FILE");
        }
        return feeds;
    }

    private void requirePositive(Duration value, String option) {
        if (value.isNegative() || value.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be a positive duration, such as PT5M");
        }
    }

    private static Map<String, String> failures(ArticlePublisher publisher, List<Article> articles) throws InterruptedException {
        ArticlePublisher.Outcome outcome = publisher.publishArticles(articles, Article::getId);
        Map<String, String> failed = new HashMap<>();
        outcome.failures().forEach(problem -> failed.put(problem.origin(), problem.message()));
        return failed;
    }

    private static int pollOnce(Ingester ingester, List<FeedSource> feeds, PrintWriter out) throws InterruptedException {
        boolean allRead = true;
        for (FeedSource feed : feeds) {
            Ingester.PollReport report = ingester.poll(feed);
            print(out, report);
            allRead &= !report.outcome().equals("error");
        }
        return allRead ? 0 : FailureHandler.EXIT_FAILURE;
    }

    /** Polls each feed when it is due: every interval with jitter, backing off after failures, until a signal asks to stop. */
    private int pollForever(Ingester ingester, List<FeedSource> feeds, SignalShutdown shutdown, PrintWriter out) throws InterruptedException {
        Map<FeedSource, Instant> due = new LinkedHashMap<>();
        Map<FeedSource, Integer> failures = new HashMap<>();
        feeds.forEach(feed -> due.put(feed, Instant.now()));
        while (true) {
            FeedSource next = due.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            long waitMillis = Math.max(0, Duration.between(Instant.now(), due.get(next)).toMillis());
            if (shutdown.requested().await(waitMillis, TimeUnit.MILLISECONDS)) {
                out.println("Stopping.");
                out.flush();
                return 0;
            }
            Ingester.PollReport report = ingester.poll(next);
            print(out, report);
            int failed = report.outcome().equals("error") ? failures.merge(next, 1, Integer::sum) : 0;
            if (failed == 0) {
                failures.remove(next);
            }
            due.put(next, Instant.now().plus(nextDelay(interval, failed)));
        }
    }

    /** The interval, doubled per consecutive failure up to an hour, with 10% jitter so that feeds on one host spread out. */
    static Duration nextDelay(Duration interval, int consecutiveFailures) {
        Duration base = interval;
        for (int i = 0; i < consecutiveFailures && base.compareTo(MAX_BACKOFF) < 0; i++) {
            base = base.multipliedBy(2);
        }
        if (consecutiveFailures > 0 && base.compareTo(MAX_BACKOFF) > 0) {
            base = MAX_BACKOFF;
        }
        double jitter = 0.9 + 0.2 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (base.toMillis() * jitter));
    }

    private static void print(PrintWriter out, Ingester.PollReport report) {
        out.println(Instant.now().toString().substring(0, 19) + "Z " + report.line());
        out.flush();
    }
}
