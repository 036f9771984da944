package io.tensionstreams.http;

import java.util.Comparator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.avro.TensionAlert;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.avro.ThemeHit;
import io.tensionstreams.topology.AlertListener;
import io.tensionstreams.topology.DuplicateListener;
import io.tensionstreams.topology.TaggingListener;
import io.tensionstreams.topology.TopologyConfig;
import io.tensionstreams.topology.TopologyListeners;

/**
 * The application's own meters, prefixed {@code tension_}: articles by outcome, theme tags, tagging
 * time, alerts, and the latest index, intensity and attention share of the top pairs. The pair
 * gauges are bounded to {@code topPairs} pairs (the strongest seen), so the number of series stays small.
 */
public final class TensionMeters {
    private final MeterRegistry registry;
    private final ActivityFeed feed;
    private final int topPairs;
    private final Timer taggingTime;
    private final Counter alerts;
    private final Map<String, TensionScore> latest = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<TensionScore>> gauges = new ConcurrentHashMap<>();

    public TensionMeters(MeterRegistry registry, ActivityFeed feed, int topPairs) {
        this.registry = registry;
        this.feed = feed;
        this.topPairs = topPairs;
        this.taggingTime = Timer.builder("tension.tagging").description("Time to tag one article")
                .publishPercentileHistogram().register(registry);
        this.alerts = Counter.builder("tension.alerts").description("Alerts raised").register(registry);
        for (String outcome : List.of("tagged", "duplicate", "near_duplicate", "dead_letter")) {
            articles(outcome);
        }
    }

    /** Articles this instance has finished with: tagged, dropped as duplicates or dead-lettered. */
    public long processed() {
        return List.of("tagged", "duplicate", "dead_letter").stream().mapToLong(outcome -> (long) articles(outcome).count()).sum();
    }

    /** Listeners that feed these meters and the activity feed from the topology. */
    public TopologyListeners listeners() {
        TaggingListener tagging = this::tagged;
        DuplicateListener duplicates = new DuplicateListener() {
            @Override
            public void exactDuplicate(String articleId) {
                articles("duplicate").increment();
            }

            @Override
            public void nearDuplicate(String articleId, String originalId) {
                articles("near_duplicate").increment();
            }

            @Override
            public void lateContribution(String pair, Duration windowSize) {
                Counter.builder("tension.late.contributions").description("Contributions that arrived after their window closed and do not count")
                        .tag("window", TopologyConfig.label(windowSize)).register(registry).increment();
            }
        };
        AlertListener alerted = this::alerted;
        return new TopologyListeners(tagging, duplicates, alerted, this::rejected, this::scored);
    }

    private void tagged(ArticleSignal signal, long nanos) {
        articles("tagged").increment();
        taggingTime.record(nanos, TimeUnit.NANOSECONDS);
        for (ThemeHit theme : signal.getThemes()) {
            Counter.builder("tension.theme.tags").description("Articles tagged with a theme").tag("theme", theme.getTheme())
                    .register(registry).increment();
        }
        feed.article(signal);
    }

    private void alerted(TensionAlert alert) {
        alerts.increment();
        feed.alert(alert);
    }

    private void rejected(String reason) {
        articles("dead_letter").increment();
    }

    private void scored(TensionScore score) {
        latest.put(score.getPair() + "|" + score.getWindowSize(), score);
        refreshTopPairs();
    }

    /** Keeps gauges for the strongest pairs only; a pair that drops out reads NaN until it returns. */
    private synchronized void refreshTopPairs() {
        List<String> top = latest.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, TensionScore> entry) -> entry.getValue().getIndex()).reversed())
                .limit(topPairs).map(Map.Entry::getKey).toList();
        gauges.forEach((key, value) -> value.set(top.contains(key) ? latest.get(key) : null));
        for (String key : top) {
            gauges.computeIfAbsent(key, k -> {
                AtomicReference<TensionScore> value = new AtomicReference<>(latest.get(k));
                if (gauges.size() < topPairs * 2) {
                    register(value, k, "tension.pair.index", "Latest tension index of a top pair, 0..100", TensionScore::getIndex);
                    register(value, k, "tension.pair.intensity", "Latest intensity of a top pair, -100 (cooperation) .. +100 (conflict)",
                            TensionScore::getIntensity);
                    register(value, k, "tension.pair.attention.share", "Latest share of the window's articles about a top pair, 0..1",
                            TensionScore::getAttentionShare);
                }
                return value;
            }).set(latest.get(key));
        }
    }

    private void register(AtomicReference<TensionScore> value, String key, String name, String description,
                          java.util.function.ToDoubleFunction<TensionScore> measure) {
        String[] parts = key.split("\\|");
        Gauge.builder(name, value, holder -> holder.get() == null ? Double.NaN : measure.applyAsDouble(holder.get()))
                .description(description).tag("pair", parts[0]).tag("window", parts[1]).register(registry);
    }

    private Counter articles(String outcome) {
        return Counter.builder("tension.articles").description("Articles processed, by outcome").tag("outcome", outcome).register(registry);
    }
}
