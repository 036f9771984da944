package io.tensionstreams.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.tagging.SimHash;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Closes the near-copy index's race window. An article the marker took for an original waits here
 * for the settle time (wall clock), and until its own fingerprint has reached this instance's global
 * index, so that those of articles tagged at the same moment on other partitions have too. Then it
 * is looked up again, and if a near-copy that comes first by the deterministic rule (earlier event
 * time, then smaller id) is there, it is marked a copy of it. Whatever order two copies arrive in,
 * within the settle time the same one of them counts. Copies and articles without a fingerprint
 * wait too, so that the articles leave in the order they came and the stream-time ticks downstream
 * never overtake one.
 */
final class NearCopySettler implements Processor<String, ArticleSignal, String, ArticleSignal> {
    static final String STORE = "near-copy-settling";
    /** How often a task whose input went quiet releases what has settled. */
    static final Duration RELEASE_INTERVAL = Duration.ofSeconds(2);
    /**
     * The longest an original waits for its own fingerprint in the global index. Past it the
     * index is stuck or has pruned the entry (a band holds its newest entries only), not slow, and
     * the article goes on as if the settle time alone had passed.
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final StringSerializer KEYS = new StringSerializer();

    private final Duration settle;
    private final long window;
    private final DuplicateListener listener;
    private ProcessorContext<String, ArticleSignal> context;
    private KeyValueStore<String, ArticleSignal> settling;
    private KeyValueStore<String, NearDuplicateIndex.Entry> everyTask;
    private org.apache.kafka.streams.processor.Cancellable releases;
    private int waiting;
    /** Orders articles that arrive in the same millisecond; with the wall clock first in the key, a restart cannot collide. */
    private long sequence;

    NearCopySettler(Duration settle, Duration window, DuplicateListener listener) {
        this.settle = settle;
        this.window = window.toMillis();
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, ArticleSignal> context) {
        this.context = context;
        this.settling = context.getStateStore(STORE);
        this.everyTask = context.getStateStore(NearCopyFingerprints.STORE);
        // Scheduled only while something waits: a punctuation with nothing to forward still asks for a
        // commit, and such commits, with no transaction open, stalled for 60 s awaiting AddOffsetsToTxn.
        try (KeyValueIterator<String, ArticleSignal> left = settling.all()) {
            while (left.hasNext()) {
                left.next();
                waiting++;
            }
        }
        if (waiting > 0) {
            releases = context.schedule(RELEASE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::releaseSettled);
        }
    }

    @Override
    public void process(Record<String, ArticleSignal> record) {
        if (settle.isZero()) {
            context.forward(record);
            return;
        }
        settling.put(String.format("%020d|%019d", context.currentSystemTimeMs(), sequence++), record.value());
        waiting++;
        if (releases == null) {
            releases = context.schedule(RELEASE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::releaseSettled);
        }
        // While articles flow, they release those that have settled; the punctuation only empties a quiet task.
        releaseSettled(context.currentSystemTimeMs());
    }

    private void releaseSettled(long now) {
        List<KeyValue<String, ArticleSignal>> due = new ArrayList<>();
        try (KeyValueIterator<String, ArticleSignal> waiting = settling.range(String.format("%020d", 0), String.format("%020d|\uffff", now - settle.toMillis()))) {
            waiting.forEachRemaining(due::add);
        }
        for (KeyValue<String, ArticleSignal> entry : due) {
            ArticleSignal signal = entry.value;
            if (!inEveryTasksIndex(signal) && now - arrivedAt(entry.key) < MAX_WAIT.toMillis()) {
                break; // the articles behind it wait too: they leave in the order they came
            }
            settling.delete(entry.key);
            waiting--;
            long time = signal.getPublishedAt().toEpochMilli();
            long simhash = SimHash.parseHex(signal.getFingerprint());
            NearDuplicateIndex.Entry first = signal.getDuplicateOf() != null || simhash == 0L ? null : firstBefore(simhash, signal.getArticleId(), time);
            if (first != null) {
                listener.nearDuplicate(signal.getArticleId(), first.id());
                signal = ArticleSignal.newBuilder(signal).setDuplicateOf(first.id()).build();
            }
            context.forward(new Record<>(signal.getArticleId(), signal, time));
        }
        if (waiting <= 0 && releases != null) {
            releases.cancel();
            releases = null;
            waiting = 0;
        }
    }

    /**
     * Whether an original's own fingerprint has reached this instance's global index: then its
     * transaction has committed and the global thread has read the fingerprints topic that far, so
     * the look-up sees what other tasks indexed in the same moment. On a loaded machine that takes
     * longer than the settle time, and a fixed wait alone let two copies on different partitions
     * both count. A copy and an article without a fingerprint are not indexed, and need not wait.
     */
    private boolean inEveryTasksIndex(ArticleSignal signal) {
        List<KeyValue<String, NearDuplicateIndex.Entry>> own = NearCopyFingerprints.entriesOf(signal);
        return own.isEmpty() || own.stream().anyMatch(entry -> everyTask.get(entry.key) != null);
    }

    /** The wall-clock time an article came in, from its key in the settling store. */
    private static long arrivedAt(String key) {
        return Long.parseLong(key.substring(0, key.indexOf('|')));
    }

    /** The near-copy in the global index that comes before this article by the rule: earlier event time, then smaller id. */
    private NearDuplicateIndex.Entry firstBefore(long simhash, String id, long time) {
        NearDuplicateIndex.Entry first = null;
        for (String prefix : NearDuplicateIndex.bandPrefixes(simhash)) {
            int read = 0;
            try (KeyValueIterator<String, NearDuplicateIndex.Entry> candidates = everyTask.prefixScan(prefix, KEYS)) {
                while (candidates.hasNext() && ++read <= NearDuplicateIndex.CANDIDATES_PER_BAND) {
                    NearDuplicateIndex.Entry candidate = candidates.next().value;
                    if (NearDuplicateIndex.isCopy(candidate, id, simhash, time, window) && NearDuplicateIndex.comesBefore(candidate, id, time)
                            && (first == null || NearDuplicateIndex.comesBefore(candidate, first.id(), first.time()))) {
                        first = candidate;
                    }
                }
            }
        }
        return first;
    }
}
