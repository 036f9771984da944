package io.tensionstreams.tagging;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 64-bit SimHash of an article's body, for finding syndicated near-copies: two bodies that share
 * most of their three-word shingles get fingerprints a few bits apart (Charikar 2002; Manku, Jain
 * and Das Sarma 2007 use distance 3 for 64 bits).
 *
 * <p>Syndication changes the headline and wraps the same body in a wire's boilerplate (a dateline,
 * "Reporting by ...", "All rights reserved"). The headline is not hashed, and boilerplate sentences
 * and a leading dateline are dropped first, so a syndicated copy lands within distance 3 while a
 * different article on the same event does not.
 */
public final class SimHash {
    public static final int NEAR_DUPLICATE_DISTANCE = 3;
    private static final int SHINGLE = 3;
    private static final Pattern DATELINE = Pattern.compile("^[\\p{Lu}][\\p{Lu} .,'-]{1,40}(\\([^)]{1,40}\\))?\\s*[-\u2013\u2014:]+\\s+");
    /** Phrases that mark a wire's boilerplate sentence; matched in lower case, anywhere in the sentence. */
    private static final List<String> BOILERPLATE = List.of("copyright", "all rights reserved", "reporting by", "editing by", "writing by",
            "additional reporting", "click here", "subscribe to", "sign up for", "follow us on", "this story has been", "this article was",
            "originally published");
    private static final Pattern COPYRIGHT_MARK = Pattern.compile("\\(c\\) \\d{4}");

    private SimHash() {
    }

    /** The fingerprint of an article body. */
    public static long of(String body) {
        Words words = Words.of(TextFolder.fold(strip(body)));
        if (words.count == 0) {
            return 0L;
        }
        int[] votes = new int[64];
        int shingles = Math.max(1, words.count - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long hash = words.hash(i, Math.min(words.count, i + SHINGLE));
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += (int) ((hash >>> bit) & 1L) * 2 - 1;
            }
        }
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** The fingerprint as 16 lowercase hex digits: a text every client reads exactly, JavaScript included. */
    public static String hex(long simhash) {
        return String.format("%016x", simhash);
    }

    /** The fingerprint of {@link #hex}; 0 (no fingerprint) for an empty or malformed text. */
    public static long parseHex(String hex) {
        if (hex == null || hex.length() != 16) {
            return 0L;
        }
        try {
            return Long.parseUnsignedLong(hex, 16);
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    public static boolean nearDuplicates(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_DISTANCE;
    }

    /** The body without its dateline and its boilerplate sentences. */
    static String strip(String body) {
        String text = body.strip();
        Matcher dateline = DATELINE.matcher(text);
        if (dateline.lookingAt()) {
            text = text.substring(dateline.end());
        }
        StringBuilder kept = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = sentenceEnd(text, start);
            String sentence = text.substring(start, end);
            if (!isBoilerplate(sentence)) {
                kept.append(sentence).append(' ');
            }
            start = nextSentenceStart(text, end);
        }
        return kept.toString();
    }

    /**
     * Where the sentence from {@code start} ends: at white space after '.', '!' or '?', or at a line
     * break. A hand-written scan: a regular-expression split here cost as much as tagging the article.
     */
    private static int sentenceEnd(String text, int start) {
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || Character.isWhitespace(c) && i > start && isSentencePunctuation(text.charAt(i - 1))) {
                return i;
            }
        }
        return text.length();
    }

    private static int nextSentenceStart(String text, int end) {
        boolean afterPunctuation = end > 0 && isSentencePunctuation(text.charAt(end - 1));
        int i = end;
        while (i < text.length() && (text.charAt(i) == '\n' || afterPunctuation && Character.isWhitespace(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static boolean isSentencePunctuation(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isBoilerplate(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        for (String phrase : BOILERPLATE) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return lower.contains("(c) ") && COPYRIGHT_MARK.matcher(lower).find();
    }

    /**
     * The words of folded text as offsets into it: hashing shingles straight from the text, without
     * a String per word, halved the fingerprint's cost in the stream threads.
     */
    private static final class Words {
        private final String text;
        private final int[] starts;
        private final int[] ends;
        private final int count;

        private Words(String text, int[] starts, int[] ends, int count) {
            this.text = text;
            this.starts = starts;
            this.ends = ends;
            this.count = count;
        }

        static Words of(String folded) {
            int capacity = folded.length() / 2 + 1;
            int[] starts = new int[capacity];
            int[] ends = new int[capacity];
            int count = 0;
            int start = -1;
            for (int i = 0; i <= folded.length(); i++) {
                boolean word = i < folded.length() && TextFolder.isWordChar(folded.charAt(i));
                if (word && start < 0) {
                    start = i;
                } else if (!word && start >= 0) {
                    starts[count] = start;
                    ends[count] = i;
                    count++;
                    start = -1;
                }
            }
            return new Words(folded, starts, ends, count);
        }

        /** FNV-1a over the words {@code from} to {@code to} (exclusive), each followed by a space, then a MurmurHash3 finaliser to spread the bits. */
        long hash(int from, int to) {
            long hash = 0xcbf29ce484222325L;
            for (int w = from; w < to; w++) {
                for (int c = starts[w]; c < ends[w]; c++) {
                    hash ^= text.charAt(c);
                    hash *= 0x100000001b3L;
                }
                hash ^= ' ';
                hash *= 0x100000001b3L;
            }
            hash ^= hash >>> 33;
            hash *= 0xff51afd7ed558ccdL;
            hash ^= hash >>> 33;
            hash *= 0xc4ceb9fe1a85ec53L;
            hash ^= hash >>> 33;
            return hash;
        }
    }
}
