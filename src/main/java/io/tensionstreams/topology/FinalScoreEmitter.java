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
 * <p>A window whose first article comes after it was due (its partition's stream time ran ahead, as
 * stream-time ticks make it) gets its first final score then, not marked revised: the store
 * remembers which windows were written, for as long as the grace lets them change.
 *
 * <p>Kafka Streams' {@code suppress(untilWindowCloses)} would hold every window for the whole grace,
 * so a long grace would delay every final score by as long; this holds it for the final delay only.
 * Windows not yet due wait in a store keyed by window start, so the due ones are one range read.
 */
final class FinalScoreEmitter implements Processor<Windowed<String>, PairWindow, String, TensionScore> {
    private final String store;
    private final long sizeMs;
    private final long finalDelayMs;
    private final long graceMs;
    private final ScoreMapper mapper;
    private ProcessorContext<String, TensionScore> context;
    private KeyValueStore<String, PairWindow> pending;

    FinalScoreEmitter(String store, long sizeMs, long finalDelayMs, long graceMs, ScoreMapper mapper) {
        this.store = store;
        this.sizeMs = sizeMs;
        this.finalDelayMs = finalDelayMs;
        this.graceMs = graceMs;
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
        if (record.value() == null || StreamTimeTicks.isTick(record.key().key())) {
            // A tick has no score, but it is time passing: windows may be due.
            writeDue();
            return;
        }
        long start = record.key().window().start();
        String pair = record.key().key();
        if (isDue(start)) {
            // Due already: a late article revises the final score, or a window born late gets its first.
            boolean revised = pending.get(key(WRITTEN, start, pair)) != null;
            forward(pair, start, record.value(), revised);
            pending.put(key(WRITTEN, start, pair), PairWindow.empty());
        } else {
            pending.put(key(PENDING, start, pair), record.value());
        }
        writeDue();
    }

    private boolean isDue(long windowStart) {
        return windowStart + sizeMs + finalDelayMs <= context.currentStreamTimeMs();
    }

    /** Writes the pending windows now due, and forgets written ones no article can change any more. */
    private void writeDue() {
        long streamTime = context.currentStreamTimeMs();
        for (KeyValue<String, PairWindow> window : upTo(PENDING, streamTime - finalDelayMs - sizeMs)) {
            pending.delete(window.key);
            forward(pairOf(window.key), startOf(window.key), window.value, false);
            pending.put(key(WRITTEN, startOf(window.key), pairOf(window.key)), PairWindow.empty());
        }
        for (KeyValue<String, PairWindow> written : upTo(WRITTEN, streamTime - graceMs - sizeMs - 1)) {
            pending.delete(written.key);
        }
    }

    /** The entries of one kind whose window starts at or before {@code latestStart}. */
    private List<KeyValue<String, PairWindow>> upTo(char kind, long latestStart) {
        List<KeyValue<String, PairWindow>> found = new ArrayList<>();
        if (latestStart < 0) {
            return found;
        }
        try (KeyValueIterator<String, PairWindow> windows = pending.range(key(kind, 0, ""), key(kind, latestStart, "\uffff"))) {
            windows.forEachRemaining(found::add);
        }
        return found;
    }

    private void forward(String pair, long start, PairWindow aggregate, boolean revised) {
        TensionScore score = mapper.scoreOf(pair, start, start + sizeMs, aggregate, true);
        score.setRevised(revised);
        context.forward(new Record<>(pair, score, Math.max(start + sizeMs - 1, 0)));
    }

    /** Pending windows and written ones share the store, apart by a first letter. */
    private static final char PENDING = 'p';
    private static final char WRITTEN = 'w';

    /** Zero-padded so that the store's byte order is the order of window starts. */
    private static String key(char kind, long start, String pair) {
        return kind + String.format("%020d|%s", start, pair);
    }

    private static long startOf(String key) {
        return Long.parseLong(key.substring(1, 21));
    }

    private static String pairOf(String key) {
        return key.substring(22);
    }
}
