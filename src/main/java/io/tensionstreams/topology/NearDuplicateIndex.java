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
 * Each indexed article is one small entry per band, keyed
 * {@code band:value:newestFirst:articleId}, so a look-up is a prefix scan of {@code band:value:} that
 * meets the most recent articles first.
 *
 * <p>A band value is shared by unrelated articles too, and by many of them when a feed publishes
 * templated articles: a look-up reads at most {@link #CANDIDATES_PER_BAND} entries of a band, the
 * newest, so its cost stays bounded however long a bucket grows. Entries past that are never read
 * again, so the scan that meets them deletes them.
 */
final class NearDuplicateIndex {
    static final int BANDS = 4;
    static final int CANDIDATES_PER_BAND = 64;

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

    /**
     * The key of an entry under a band prefix: the time counts down in fixed-width hex, so keys sort
     * newest first. (Entries written before this order, {@code prefix + id}, still match the prefix and
     * are read as candidates until they expire.)
     */
    static String key(String prefix, Entry entry) {
        String countdown = Long.toHexString(Long.MAX_VALUE - Math.max(0L, entry.time()));
        return prefix + "0".repeat(16 - countdown.length()) + countdown + ":" + entry.id();
    }

    /** The deterministic order of near-copies: the earlier event time, then the smaller id, is the original. */
    static boolean comesBefore(Entry candidate, String id, long time) {
        return candidate.time() < time || candidate.time() == time && candidate.id().compareTo(id) < 0;
    }

    static boolean isCopy(Entry candidate, String id, long simhash, long time, long window) {
        return Math.abs(candidate.time() - time) <= window && !candidate.id().equals(id) && SimHash.nearDuplicates(candidate.simhash(), simhash);
    }
}
