package io.tensionstreams.topology;

import java.util.ArrayList;
import java.util.List;

import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.tagging.SimHash;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The near-copy index every task reads: each original's four band entries, written by the task that
 * tagged it to the near-copy-fingerprints topic, read by every instance into a global store.
 * No stage funnels every article through one partition, and no repartition stands between tagging
 * and the near-copy check: the price is the race window of {@link NearDuplicateMarker}.
 */
final class NearCopyFingerprints {
    /** The global store. */
    static final String STORE = "near-copy-fingerprints";

    private NearCopyFingerprints() {
    }

    /** The band entries of an original (nothing for a copy or an article without a fingerprint), keyed as the index keys them. */
    static List<KeyValue<String, NearDuplicateIndex.Entry>> entriesOf(ArticleSignal signal) {
        long simhash = SimHash.parseHex(signal.getFingerprint());
        if (signal.getDuplicateOf() != null || simhash == 0L) {
            return List.of();
        }
        // The signal's publishedAt is its event time, as the marker's record time is.
        NearDuplicateIndex.Entry entry = new NearDuplicateIndex.Entry(signal.getArticleId(), simhash, signal.getPublishedAt().toEpochMilli());
        List<KeyValue<String, NearDuplicateIndex.Entry>> entries = new ArrayList<>();
        for (String prefix : NearDuplicateIndex.bandPrefixes(simhash)) {
            entries.add(KeyValue.pair(NearDuplicateIndex.key(prefix, entry), entry));
        }
        return entries;
    }

    /**
     * Keeps the global store in step with the topic, and bounded: each band keeps its newest
     * {@link NearDuplicateIndex#CANDIDATES_PER_BAND} entries within the window, which is all a
     * look-up reads. Every instance applies the same records in the same order, so every instance
     * holds the same index.
     */
    static final class Updater implements Processor<String, NearDuplicateIndex.Entry, Void, Void> {
        private static final StringSerializer KEYS = new StringSerializer();
        private final long window;
        private KeyValueStore<String, NearDuplicateIndex.Entry> index;

        Updater(long windowMillis) {
            this.window = windowMillis;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.index = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, NearDuplicateIndex.Entry> record) {
            if (record.value() == null) {
                index.delete(record.key());
                return;
            }
            index.put(record.key(), record.value());
            pruneBand(record.key().substring(0, record.key().indexOf(':', record.key().indexOf(':') + 1) + 1), record.value().time());
        }

        private void pruneBand(String prefix, long newest) {
            List<String> stale = new ArrayList<>();
            int kept = 0;
            try (KeyValueIterator<String, NearDuplicateIndex.Entry> entries = index.prefixScan(prefix, KEYS)) {
                while (entries.hasNext()) {
                    KeyValue<String, NearDuplicateIndex.Entry> entry = entries.next();
                    if (++kept > NearDuplicateIndex.CANDIDATES_PER_BAND || newest - entry.value.time() > window) {
                        stale.add(entry.key);
                    }
                }
            }
            stale.forEach(index::delete);
        }
    }
}
