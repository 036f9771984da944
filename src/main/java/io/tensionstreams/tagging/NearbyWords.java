package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The few words around a phrase, read from the text by hand. For rules that look at a phrase's
 * neighbours (is a country the venue, is a reversal only demanded): putting every such small word
 * ("to", "in") into the phrase automaton would make a match of nearly every word of every article.
 */
final class NearbyWords {
    private static final boolean[] ASCII_WORD_CHARS = new boolean[128];

    static {
        for (char c = 0; c < ASCII_WORD_CHARS.length; c++) {
            ASCII_WORD_CHARS[c] = Character.isLetterOrDigit(c) || c == '-';
        }
    }

    private NearbyWords() {
    }

    /** Up to {@code max} lower-case words before {@code start}, nearest first, stopping at the clause's end. */
    static List<String> before(String text, int start, int max) {
        WordsBefore before = new WordsBefore(text, start, max);
        List<String> words = new ArrayList<>(max);
        for (int i = 0; before.has(i); i++) {
            words.add(text.substring(before.start(i), before.end(i)).toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** The lower-case word after {@code end}, past a possessive and spaces; "" at a clause's end. */
    static String after(String text, int end) {
        int from = nextWordStart(text, end);
        return text.substring(from, wordEnd(text, from)).toLowerCase(Locale.ROOT);
    }

    /** Where the word after {@code end} starts, past a possessive ("China's") and spaces. */
    static int nextWordStart(String text, int end) {
        int i = end;
        if (i + 1 < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019') && text.charAt(i + 1) == 's') {
            i += 2;
        }
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * The words before a position, nearest first, stopping at the clause's end, compared in place
     * without copying them. They are read backwards only as far as a rule asks: most rules settle on
     * the word or two next to a name, and these run for every name in every article.
     */
    static final class WordsBefore {
        private final String text;
        private final int[] starts;
        private final int[] ends;
        private int position;
        private int count;
        /** Where reading backwards goes on; -1 once the clause or the text has ended. */
        private int cursor;

        /** Up to {@code max} words before {@code position}. */
        WordsBefore(String text, int position, int max) {
            this.text = text;
            this.starts = new int[max];
            this.ends = new int[max];
            at(position);
        }

        /** This reader, read again from {@code position}: one serves every name of an article, with nothing allocated per name. */
        WordsBefore at(int newPosition) {
            this.position = newPosition;
            this.count = 0;
            this.cursor = newPosition - 1;
            return this;
        }

        String text() {
            return text;
        }

        /** Where the words are read back from. */
        int position() {
            return position;
        }

        /** Whether there is a word {@code i} (0 is the nearest), reading back to it if need be. */
        boolean has(int i) {
            while (count <= i && count < starts.length && cursor >= 0) {
                readOne();
            }
            return i < count;
        }

        int start(int i) {
            return starts[i];
        }

        int end(int i) {
            return ends[i];
        }

        /** Whether word {@code i} is {@code word} (lower case), ignoring case. */
        boolean is(int i, String word) {
            return has(i) && ends[i] - starts[i] == word.length() && text.regionMatches(true, starts[i], word, 0, word.length());
        }

        /** Whether word {@code i} is one of {@code words} (lower case), ignoring case. */
        boolean isAnyOf(int i, WordList words) {
            return has(i) && NearbyWords.isAnyOf(text, starts[i], ends[i], words);
        }

        private void readOne() {
            while (cursor >= 0) {
                char c = text.charAt(cursor);
                if (isWordChar(c)) {
                    ends[count] = cursor + 1;
                    while (cursor >= 0 && isWordChar(text.charAt(cursor))) {
                        cursor--;
                    }
                    starts[count++] = cursor + 1;
                    return;
                }
                if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == '\u201c' || c == '\u201d') {
                    cursor = -1;
                    return;
                }
                cursor--;
            }
        }
    }

    /** Where the word starting at {@code from} ends. */
    static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code [from, to)} of {@code text} is, ignoring case, one of {@code words}. */
    static boolean isAnyOf(String text, int from, int to, WordList words) {
        return words.contains(text, from, to);
    }

    /**
     * Lower-case words to compare a word of the text with, ignoring case, as {@code regionMatches}
     * does. Kept in buckets by length and first letter, so that a word is compared only with the
     * list's words it could be: the rules ask about every country name's neighbours.
     */
    static final class WordList {
        private static final int BUCKETS = 64;
        private final String[][] buckets = new String[BUCKETS][0];

        WordList(String... words) {
            for (String word : words) {
                if (word.isEmpty() || !word.equals(word.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("not a lower-case word: \"" + word + "\"");
                }
                int bucket = bucket(word.length(), word.charAt(0));
                buckets[bucket] = Arrays.copyOf(buckets[bucket], buckets[bucket].length + 1);
                buckets[bucket][buckets[bucket].length - 1] = word;
            }
        }

        boolean contains(String text, int from, int to) {
            int length = to - from;
            if (length <= 0) {
                return false;
            }
            for (String word : buckets[bucket(length, text.charAt(from))]) {
                if (word.length() == length && text.regionMatches(true, from, word, 0, length)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The bucket of a word by its length and first character. The character is taken upper then
         * lower case, so that every character {@code regionMatches} takes for a letter of the list
         * (the dotless i, the Kelvin sign) falls in that letter's bucket.
         */
        private static int bucket(int length, char first) {
            return (length * 31 + Character.toLowerCase(Character.toUpperCase(first))) & (BUCKETS - 1);
        }
    }

    /** Letters, digits and the hyphen; a table for ASCII, which is nearly every character read. */
    private static boolean isWordChar(char c) {
        return c < ASCII_WORD_CHARS.length ? ASCII_WORD_CHARS[c] : Character.isLetterOrDigit(c);
    }
}
