package io.tensionstreams.topology;

import java.util.ArrayList;
import java.util.List;

import io.tensionstreams.tagging.SimHash;

/**
 * The recent fingerprints that share one band value: the value of the near-duplicate store.
 *
 * <p>A 64-bit fingerprint is cut into four 16-bit bands. Two fingerprints within Hamming distance
 * 3 differ in at most three bands, so they agree on at least one whole band: looking up the four
 * band values of an article finds every near-copy candidate without scanning all recent articles.
 */
public record NearDuplicateIndex(List<Entry> entries) {
    static final int BANDS = 4;
    /** A bucket keeps its newest entries only, so that a pathological band cannot grow without bound. */
    static final int MAX_ENTRIES = 256;

    /** One indexed article. */
    public record Entry(String id, long simhash, long time) {
    }

    public NearDuplicateIndex {
        entries = List.copyOf(entries);
    }

    /** The four store keys of a fingerprint, such as {@code 2:beef}. */
    static List<String> bandKeys(long simhash) {
        List<String> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            keys.add(band + ":" + Long.toHexString((simhash >>> (16 * band)) & 0xFFFF));
        }
        return keys;
    }

    /** The earliest entry within {@code window} of {@code time} that nearly copies {@code simhash}. */
    Entry firstNearCopy(String id, long simhash, long time, long window) {
        Entry first = null;
        for (Entry entry : entries) {
            boolean recent = Math.abs(entry.time() - time) <= window;
            if (recent && !entry.id().equals(id) && SimHash.nearDuplicates(entry.simhash(), simhash)
                    && (first == null || entry.time() < first.time())) {
                first = entry;
            }
        }
        return first;
    }

    /** This bucket with {@code entry} added and entries older than {@code window} before it removed. */
    NearDuplicateIndex with(Entry entry, long window) {
        List<Entry> kept = new ArrayList<>(entries.size() + 1);
        for (Entry existing : entries) {
            if (entry.time() - existing.time() <= window) {
                kept.add(existing);
            }
        }
        kept.add(entry);
        int from = Math.max(0, kept.size() - MAX_ENTRIES);
        return new NearDuplicateIndex(kept.subList(from, kept.size()));
    }
}
