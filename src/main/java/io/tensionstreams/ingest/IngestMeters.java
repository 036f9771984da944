package io.tensionstreams.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Ingest's meters, prefixed {@code tension_ingest_}: polls, items published and skipped, fetch errors, last success per feed. */
public final class IngestMeters {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public IngestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void polled(FeedSource feed, String outcome) {
        Counter.builder("tension.ingest.polls").description("Feed polls, by feed and outcome (ok, not_modified, error)")
                .tag("feed", feed.name()).tag("outcome", outcome).register(registry).increment();
        if (!outcome.equals("error")) {
            lastSuccess.computeIfAbsent(feed.name(), name -> {
                AtomicLong seconds = new AtomicLong();
                Gauge.builder("tension.ingest.last.success", seconds, AtomicLong::get).description("When the feed was last read, epoch seconds")
                        .baseUnit("seconds").tag("feed", name).register(registry);
                return seconds;
            }).set(System.currentTimeMillis() / 1000);
        }
    }

    void published(FeedSource feed, int items) {
        Counter.builder("tension.ingest.items.published").description("Feed items published as articles, by feed")
                .tag("feed", feed.name()).register(registry).increment(items);
    }

    void skipped(String reason) {
        Counter.builder("tension.ingest.items.skipped").description("Feed items not published, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    void fetchError(FeedSource feed) {
        Counter.builder("tension.ingest.fetch.errors").description("Feeds that could not be read, by feed")
                .tag("feed", feed.name()).register(registry).increment();
    }
}
