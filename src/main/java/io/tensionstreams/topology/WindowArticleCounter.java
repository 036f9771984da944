package io.tensionstreams.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tensionstreams.avro.ArticleSignal;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts the articles of each window on this task's partition and forwards the running count,
 * keyed by window and partition, to the window-counts topic. Every instance reads that topic back
 * as a global table and sums the partitions' counts of a window ({@link WindowTotals}): the total
 * of a window is never one key on one partition, and each task writes only its own keys, so no
 * two writers race on a count. Windows past the retention are deleted here and tombstoned there.
 */
final class WindowArticleCounter implements Processor<String, ArticleSignal, String, Long> {
    static final String STORE = "window-article-counts-local";

    private final List<Duration> windows;
    private final Duration retention;
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, Long> counts;

    WindowArticleCounter(List<Duration> windows, Duration retention) {
        this.windows = List.copyOf(windows);
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Long> context) {
        this.context = context;
        this.counts = context.getStateStore(STORE);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetExpired);
    }

    @Override
    public void process(Record<String, ArticleSignal> record) {
        for (Duration size : windows) {
            String window = WindowTotals.windowKey(size, WindowTotals.windowStart(record.timestamp(), size));
            long count = increment(window);
            context.forward(new Record<>(WindowTotals.partitionKey(window, context.taskId().partition()), count, record.timestamp()));
        }
    }

    private long increment(String window) {
        Long before = counts.get(window);
        long next = (before == null ? 0 : before) + 1;
        counts.put(window, next);
        return next;
    }

    private void forgetExpired(long streamTime) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = counts.all()) {
            all.forEachRemaining(entry -> {
                if (WindowTotals.windowStartOf(entry.key) + retention.toMillis() < streamTime) {
                    expired.add(entry.key);
                }
            });
        }
        for (String window : expired) {
            counts.delete(window);
            context.forward(new Record<>(WindowTotals.partitionKey(window, context.taskId().partition()), (Long) null, streamTime));
        }
    }
}
