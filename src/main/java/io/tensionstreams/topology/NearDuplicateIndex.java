package io.tensionstreams.topology;

import java.util.ArrayList;
import java.util.List;

import io.tensionstreams.tagging.SimHash;

/**
 * The banded index of recent fingerprints, as keys of a key-value store.
 *
 * <p>A 64-bit fingerprint is cut into four 16-bit bands. Two fingerprints within Hamming distance
 * 3 differ in at most three bands, so they agree on at least one whole band: looking up the four
 * band values of an article finds every near-copy candidate without scanning all recent articles.
 * Each indexed article is one small entry per band, keyed {@code band:value:articleId}, so a look-up
 * is a prefix scan of {@code band:value:} and an insert writes four small records.
 */
final class NearDuplicateIndex {
    static final int BANDS = 4;

    /** One indexed article: the value of a store entry. */
    public record Entry(String id, long simhash, long time) {
    }

    private NearDuplicateIndex() {
    }

    /** The four band prefixes of a fingerprint, such as {@code 2:beef:}. */
    static List<String> bandPrefixes(long simhash) {
        List<String> prefixes = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            prefixes.add(band + ":" + Long.toHexString((simhash >>> (16 * band)) & 0xFFFF) + ":");
        }
        return prefixes;
    }

    static boolean isCopy(Entry candidate, String id, long simhash, long time, long window) {
        return Math.abs(candidate.time() - time) <= window && !candidate.id().equals(id) && SimHash.nearDuplicates(candidate.simhash(), simhash);
    }
}
