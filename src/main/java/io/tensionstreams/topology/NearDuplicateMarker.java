package io.tensionstreams.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.tagging.SimHash;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Marks an article that nearly copies one already indexed within the window (a syndicated copy):
 * its signal gets {@code duplicateOf} (the earliest such original by event time, then id), and it is
 * not indexed, so every later copy points at an original and a story never counts twice. Two copies
 * tagged at the same moment on different partitions are not yet in each other's index: the settle
 * step ({@link NearCopySettler}) resolves those.
 * Articles with no fingerprint (an empty body) are never marked.
 *
 * <p>It runs on every input partition, right after tagging, and looks in two indexes: this task's
 * own recent originals (a local store, so a copy right behind its original on the same partition is
 * always found) and every task's originals (the global store fed by the near-copy-fingerprints
 * topic, see {@link NearCopyFingerprints}), which sees another partition's original once that task
 * has committed and the global thread has read it. Two copies on different partitions closer than
 * that (a commit interval and a fetch) may both count: the race window, stated in docs/ARCHITECTURE.md.
 *
 * <p>Local entries older than the window, and entries of a band past the newest
 * {@link NearDuplicateIndex#CANDIDATES_PER_BAND}, are deleted when a look-up meets them; a look-up
 * reads a bounded number of entries of either index.
 */
final class NearDuplicateMarker implements FixedKeyProcessor<String, ArticleSignal, ArticleSignal> {
    /** This task's own recent originals. */
    static final String STORE = "near-copy-recent";
    private static final StringSerializer KEYS = new StringSerializer();

    private final long window;
    private final DuplicateListener listener;
    private FixedKeyProcessorContext<String, ArticleSignal> context;
    private KeyValueStore<String, NearDuplicateIndex.Entry> bands;
    private KeyValueStore<String, NearDuplicateIndex.Entry> everyTask;

    NearDuplicateMarker(Duration window, DuplicateListener listener) {
        this.window = window.toMillis();
        this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ArticleSignal> context) {
        this.context = context;
        this.bands = context.getStateStore(STORE);
        this.everyTask = context.getStateStore(NearCopyFingerprints.STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ArticleSignal> record) {
        ArticleSignal signal = record.value();
        long simhash = SimHash.parseHex(signal.getFingerprint());
        if (simhash == 0L) {
            context.forward(record);
            return;
        }
        long time = record.timestamp();
        List<String> prefixes = NearDuplicateIndex.bandPrefixes(simhash);
        NearDuplicateIndex.Entry original = findOriginal(prefixes, signal.getArticleId(), simhash, time);
        if (original != null) {
            listener.nearDuplicate(signal.getArticleId(), original.id());
            context.forward(record.withValue(ArticleSignal.newBuilder(signal).setDuplicateOf(original.id()).build()));
            return;
        }
        NearDuplicateIndex.Entry entry = new NearDuplicateIndex.Entry(signal.getArticleId(), simhash, time);
        for (String prefix : prefixes) {
            bands.put(NearDuplicateIndex.key(prefix, entry), entry);
        }
        context.forward(record);
    }

    private NearDuplicateIndex.Entry findOriginal(List<String> prefixes, String id, long simhash, long time) {
        NearDuplicateIndex.Entry local = earliestCopy(bands, true, prefixes, id, simhash, time);
        NearDuplicateIndex.Entry global = earliestCopy(everyTask, false, prefixes, id, simhash, time);
        if (local == null || global == null) {
            return local == null ? global : local;
        }
        return global.time() < local.time() ? global : local;
    }

    /** The earliest near-copy of the fingerprint in one index; {@code prune} deletes what the look-up finds stale (the local index only). */
    private NearDuplicateIndex.Entry earliestCopy(KeyValueStore<String, NearDuplicateIndex.Entry> index, boolean prune, List<String> prefixes,
                                                  String id, long simhash, long time) {
        NearDuplicateIndex.Entry first = null;
        List<String> stale = new ArrayList<>();
        for (String prefix : prefixes) {
            int read = 0;
            try (KeyValueIterator<String, NearDuplicateIndex.Entry> candidates = index.prefixScan(prefix, KEYS)) {
                while (candidates.hasNext()) {
                    KeyValue<String, NearDuplicateIndex.Entry> candidate = candidates.next();
                    if (time - candidate.value.time() > window || ++read > NearDuplicateIndex.CANDIDATES_PER_BAND) {
                        if (!prune) {
                            break;
                        }
                        stale.add(candidate.key);
                    } else if (NearDuplicateIndex.isCopy(candidate.value, id, simhash, time, window)
                            && (first == null || NearDuplicateIndex.comesBefore(candidate.value, first.id(), first.time()))) {
                        first = candidate.value;
                    }
                }
            }
        }
        stale.forEach(index::delete);
        return first;
    }
}
