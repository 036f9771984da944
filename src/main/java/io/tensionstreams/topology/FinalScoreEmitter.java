package io.tensionstreams.topology;

import java.util.ArrayList;
import java.util.List;

import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.scoring.PairWindow;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes a window's final score once stream time passes its end plus the final delay, and again,
 * marked {@code revised}, for every late article that still counts (up to the grace, which may be
 * far longer). The latest final record of a window is therefore its score, whatever order the
 * articles came in: a backfill in any order ends with the scores of the same articles in order.
 *
 * <p>Kafka Streams' {@code suppress(untilWindowCloses)} would hold every window for the whole grace,
 * so a long grace would delay every final score by as long; this holds it for the final delay only.
 * Windows not yet due wait in a store keyed by window start, so the due ones are one range read.
 */
final class FinalScoreEmitter implements Processor<Windowed<String>, PairWindow, String, TensionScore> {
    private final String store;
    private final long sizeMs;
    private final long finalDelayMs;
    private final ScoreMapper mapper;
    private ProcessorContext<String, TensionScore> context;
    private KeyValueStore<String, PairWindow> pending;

    FinalScoreEmitter(String store, long sizeMs, long finalDelayMs, ScoreMapper mapper) {
        this.store = store;
        this.sizeMs = sizeMs;
        this.finalDelayMs = finalDelayMs;
        this.mapper = mapper;
    }

    static String pendingStore(String windowLabel) {
        return "final-pending-" + windowLabel;
    }

    @Override
    public void init(ProcessorContext<String, TensionScore> context) {
        this.context = context;
        this.pending = context.getStateStore(store);
    }

    @Override
    public void process(Record<Windowed<String>, PairWindow> record) {
        if (record.value() == null) {
            return;
        }
        long start = record.key().window().start();
        if (isDue(start)) {
            // The window's final score was written when it closed: this late article revises it.
            forward(record.key().key(), start, record.value(), true);
        } else {
            pending.put(key(start, record.key().key()), record.value());
        }
        writeDue();
    }

    private boolean isDue(long windowStart) {
        return windowStart + sizeMs + finalDelayMs <= context.currentStreamTimeMs();
    }

    private void writeDue() {
        long latestDueStart = context.currentStreamTimeMs() - finalDelayMs - sizeMs;
        if (latestDueStart < 0) {
            return;
        }
        List<KeyValue<String, PairWindow>> due = new ArrayList<>();
        try (KeyValueIterator<String, PairWindow> windows = pending.range(key(0, ""), key(latestDueStart, "\uffff"))) {
            windows.forEachRemaining(due::add);
        }
        for (KeyValue<String, PairWindow> window : due) {
            pending.delete(window.key);
            forward(pairOf(window.key), startOf(window.key), window.value, false);
        }
    }

    private void forward(String pair, long start, PairWindow aggregate, boolean revised) {
        TensionScore score = mapper.scoreOf(pair, start, start + sizeMs, aggregate, true);
        score.setRevised(revised);
        context.forward(new Record<>(pair, score, Math.max(start + sizeMs - 1, 0)));
    }

    /** Zero-padded so that the store's byte order is the order of window starts. */
    private static String key(long start, String pair) {
        return String.format("%020d|%s", start, pair);
    }

    private static long startOf(String key) {
        return Long.parseLong(key.substring(0, 20));
    }

    private static String pairOf(String key) {
        return key.substring(21);
    }
}
