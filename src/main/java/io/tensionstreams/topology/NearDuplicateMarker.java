package io.tensionstreams.topology;

import java.time.Duration;

import io.tensionstreams.avro.ArticleSignal;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Marks an article that nearly copies one seen within the window (a syndicated copy): its signal
 * gets {@code duplicateOf}, and it is not indexed, so every later copy points at the original.
 * Articles with no fingerprint (an empty body) are never marked.
 */
final class NearDuplicateMarker implements FixedKeyProcessor<String, ArticleSignal, ArticleSignal> {
    static final String STORE = "near-duplicate-bands";

    private final long window;
    private final DuplicateListener listener;
    private FixedKeyProcessorContext<String, ArticleSignal> context;
    private KeyValueStore<String, NearDuplicateIndex> bands;

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
        long simhash = signal.getSimhash();
        if (simhash == 0L) {
            context.forward(record);
            return;
        }
        long time = record.timestamp();
        NearDuplicateIndex.Entry original = findOriginal(signal.getArticleId(), simhash, time);
        if (original != null) {
            listener.nearDuplicate(signal.getArticleId(), original.id());
            ArticleSignal marked = ArticleSignal.newBuilder(signal).setDuplicateOf(original.id()).build();
            context.forward(record.withValue(marked));
            return;
        }
        index(new NearDuplicateIndex.Entry(signal.getArticleId(), simhash, time));
        context.forward(record);
    }

    private NearDuplicateIndex.Entry findOriginal(String id, long simhash, long time) {
        NearDuplicateIndex.Entry first = null;
        for (String key : NearDuplicateIndex.bandKeys(simhash)) {
            NearDuplicateIndex bucket = bands.get(key);
            NearDuplicateIndex.Entry candidate = bucket == null ? null : bucket.firstNearCopy(id, simhash, time, window);
            if (candidate != null && (first == null || candidate.time() < first.time())) {
                first = candidate;
            }
        }
        return first;
    }

    private void index(NearDuplicateIndex.Entry entry) {
        for (String key : NearDuplicateIndex.bandKeys(entry.simhash())) {
            NearDuplicateIndex bucket = bands.get(key);
            bands.put(key, (bucket == null ? new NearDuplicateIndex(java.util.List.of()) : bucket).with(entry, window));
        }
    }
}
