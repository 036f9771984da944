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
 * Marks an article that nearly copies one seen within the window (a syndicated copy): its signal
 * gets {@code duplicateOf}, and it is not indexed, so every later copy points at the original.
 * Articles with no fingerprint (an empty body) are never marked. Entries older than the window, and
 * entries of a band past the newest {@link NearDuplicateIndex#CANDIDATES_PER_BAND}, are deleted when a
 * look-up meets them, so the index holds at most about one window of articles and a look-up reads a
 * bounded number of them.
 */
final class NearDuplicateMarker implements FixedKeyProcessor<String, ArticleSignal, ArticleSignal> {
    static final String STORE = "near-duplicate-bands";
    private static final StringSerializer KEYS = new StringSerializer();

    private final long window;
    private final DuplicateListener listener;
    private FixedKeyProcessorContext<String, ArticleSignal> context;
    private KeyValueStore<String, NearDuplicateIndex.Entry> bands;

    NearDuplicateMarker(Duration window, DuplicateListener listener) {
        this.window = window.toMillis();
        this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ArticleSignal> context) {
        this.context = context;
        this.bands = context.getStateStore(STORE);
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
        NearDuplicateIndex.Entry first = null;
        List<String> stale = new ArrayList<>();
        for (String prefix : prefixes) {
            int read = 0;
            try (KeyValueIterator<String, NearDuplicateIndex.Entry> candidates = bands.prefixScan(prefix, KEYS)) {
                while (candidates.hasNext()) {
                    KeyValue<String, NearDuplicateIndex.Entry> candidate = candidates.next();
                    if (time - candidate.value.time() > window || ++read > NearDuplicateIndex.CANDIDATES_PER_BAND) {
                        stale.add(candidate.key);
                    } else if (NearDuplicateIndex.isCopy(candidate.value, id, simhash, time, window)
                            && (first == null || candidate.value.time() < first.time())) {
                        first = candidate.value;
                    }
                }
            }
        }
        stale.forEach(bands::delete);
        return first;
    }
}
