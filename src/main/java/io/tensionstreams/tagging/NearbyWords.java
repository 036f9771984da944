package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few words around a phrase, read from the text by hand. For rules that look at a phrase's
 * neighbours (is a country the venue, is a reversal only demanded): putting every such small word
 * ("to", "in") into the phrase automaton would make a match of nearly every word of every article.
 */
final class NearbyWords {
    private NearbyWords() {
    }

    /** Up to {@code max} lower-case words before {@code start}, nearest first, stopping at the clause's end. */
    static List<String> before(String text, int start, int max) {
        int[] starts = new int[max];
        int[] ends = new int[max];
        int count = spansBefore(text, start, starts, ends);
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(text.substring(starts[i], ends[i]).toLowerCase(Locale.ROOT));
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
     * The spans of up to {@code starts.length} words before {@code start}, nearest first, stopping at
     * the clause's end, as {@link #before} reads them but without copying them; returns how many.
     */
    static int spansBefore(String text, int start, int[] starts, int[] ends) {
        int count = 0;
        int i = start - 1;
        while (count < starts.length && i >= 0) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                ends[count] = i + 1;
                while (i >= 0 && isWordChar(text.charAt(i))) {
                    i--;
                }
                starts[count++] = i + 1;
            } else if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == '\u201c' || c == '\u201d') {
                break;
            } else {
                i--;
            }
        }
        return count;
    }

    /** Where the word starting at {@code from} ends. */
    static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code [from, to)} of {@code text} is, ignoring case, one of {@code words} (lower case). */
    static boolean isAnyOf(String text, int from, int to, List<String> words) {
        int length = to - from;
        for (String word : words) {
            if (word.length() == length && text.regionMatches(true, from, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
