package io.tensionstreams.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.avro.TensionAlert;

/**
 * The latest alerts and tagged articles this instance saw, for the dashboard: bounded ring buffers,
 * so memory stays flat however long the app runs.
 */
public final class ActivityFeed {
    private final int capacity;
    private final Deque<TensionAlert> alerts = new ArrayDeque<>();
    private final Deque<ArticleSignal> articles = new ArrayDeque<>();

    public ActivityFeed(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void alert(TensionAlert alert) {
        push(alerts, alert);
    }

    public synchronized void article(ArticleSignal signal) {
        push(articles, signal);
    }

    /** Newest first. */
    public synchronized List<TensionAlert> alerts() {
        return new ArrayList<>(alerts);
    }

    /** Newest first. */
    public synchronized List<ArticleSignal> articles() {
        return new ArrayList<>(articles);
    }

    private <T> void push(Deque<T> items, T item) {
        items.addFirst(item);
        while (items.size() > capacity) {
            items.removeLast();
        }
    }
}
