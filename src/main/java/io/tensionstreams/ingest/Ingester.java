package io.tensionstreams.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tensionstreams.avro.Article;

/**
 * Polls one feed: a conditional GET, the items not published before, their pages when asked,
 * published as articles, then the feed's state saved. A feed that fails is reported in one line and
 * left for the next poll; nothing about it stops the other feeds.
 */
public final class Ingester {
    /** Bodies are cut here: the application dead-letters an article over 1 MiB. */
    static final int MAX_BODY_CHARS = 1_000_000;
    static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    /** Where articles go: publishes and waits, and answers the ids that failed, with the reason. */
    @FunctionalInterface
    public interface ArticleSink {
        Map<String, String> publish(List<Article> articles) throws InterruptedException;
    }

    /** What one poll came to, for the poll's line and the tests. */
    public record PollReport(FeedSource feed, String outcome, int published, int seenBefore, Map<String, Integer> skipped, String error) {
        public String line() {
            return switch (outcome) {
                case "error" -> feed.name() + ": error: " + error;
                case "not_modified" -> feed.name() + ": not modified";
                default -> feed.name() + ": " + published + " new, " + seenBefore + " seen before"
                        + (skipped.isEmpty() ? "" : ", skipped " + skipped);
            };
        }
    }

    private final BoundedFetcher fetcher;
    private final boolean fetchPages;
    private final IngestState state;
    private final ArticleSink sink;
    private final IngestMeters meters;
    private final Clock clock;

    public Ingester(BoundedFetcher fetcher, boolean fetchPages, IngestState state, ArticleSink sink, IngestMeters meters, Clock clock) {
        this.fetcher = fetcher;
        this.fetchPages = fetchPages;
        this.state = state;
        this.sink = sink;
        this.meters = meters;
        this.clock = clock;
    }

    public PollReport poll(FeedSource feed) throws InterruptedException {
        IngestState.FeedState memory = state.of(feed);
        try {
            BoundedFetcher.Response response = fetcher.get(feed.url(), FEED_ACCEPT, memory.etag, memory.lastModified);
            if (response.notModified()) {
                memory.lastSuccess = clock.instant().toString();
                state.save();
                meters.polled(feed, "not_modified");
                return new PollReport(feed, "not_modified", 0, 0, Map.of(), null);
            }
            PollReport report = publishNew(feed, memory, FeedParser.parse(response.body(), feed, clock.instant()));
            memory.etag = response.etag();
            memory.lastModified = response.lastModified();
            memory.lastSuccess = clock.instant().toString();
            state.save();
            meters.polled(feed, "ok");
            return report;
        } catch (FeedException e) {
            meters.polled(feed, "error");
            meters.fetchError(feed);
            return new PollReport(feed, "error", 0, 0, Map.of(), e.getMessage());
        }
    }

    private PollReport publishNew(FeedSource feed, IngestState.FeedState memory, FeedParser.Parsed parsed) throws InterruptedException {
        Map<String, Integer> skipped = new TreeMap<>();
        parsed.skipped().forEach(reason -> skip(skipped, reason.label));
        List<Article> fresh = new ArrayList<>();
        int seenBefore = 0;
        for (FeedItem item : parsed.items()) {
            if (memory.hasSeen(item.id())) {
                seenBefore++;
            } else {
                fresh.add(articleOf(fetchPages ? withPageText(item) : item));
            }
        }
        Map<String, String> failed = fresh.isEmpty() ? Map.of() : sink.publish(fresh);
        failed.values().forEach(reason -> skip(skipped, "publish-failed"));
        List<String> published = fresh.stream().map(Article::getId).filter(id -> !failed.containsKey(id)).toList();
        memory.remember(published);
        meters.published(feed, published.size());
        return new PollReport(feed, "ok", published.size(), seenBefore, skipped, null);
    }

    /** The linked page's main text in place of the summary; the summary stays when the page cannot be read or says less. */
    private FeedItem withPageText(FeedItem item) throws InterruptedException {
        if (item.link() == null) {
            return item;
        }
        try {
            BoundedFetcher.Response page = fetcher.get(java.net.URI.create(item.link()), PAGE_ACCEPT, null, null);
            String text = PageText.of(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8), item.link());
            return text.length() > item.text().length() ? item.withText(text) : item;
        } catch (FeedException | IllegalArgumentException e) {
            meters.skipped("page-unreadable");
            return item;
        }
    }

    private void skip(Map<String, Integer> skipped, String reason) {
        skipped.merge(reason, 1, Integer::sum);
        meters.skipped(reason);
    }

    private static Article articleOf(FeedItem item) {
        String body = item.text().length() > MAX_BODY_CHARS ? item.text().substring(0, MAX_BODY_CHARS) : item.text();
        return Article.newBuilder()
                .setId(item.id())
                .setTitle(item.title())
                .setBody(body)
                .setUrl(item.link())
                .setSource(item.source())
                .setLanguage(item.language())
                .setPublishedAt(item.published())
                .build();
    }
}
