package io.tensionstreams.tagging;

import java.util.Arrays;
import java.util.Set;

/**
 * Splits an article's text into sentences. The title is always sentence 0.
 *
 * <p>A sentence ends at {@code . ! ?} followed by a space and a capital, a quote or a digit, unless
 * the word before the period is a known abbreviation ("U.S.", "Gen.", "Dec."); at a blank line; and
 * at a single line break after closing punctuation. Line breaks inside wrapped paragraphs do not
 * end a sentence, so that wrapped reports read as the prose they are.
 */
public final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "brig", "adm", "capt", "sgt", "cmdr", "gov", "sen", "rep",
            "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "vol",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "d.c",
            "p.r.c", "e.u", "a.m", "p.m", "i.e", "e.g", "al", "ft", "mt");

    /** The characters that may end a sentence. */
    private static final byte[] SENTENCE_ENDS = {'.', '\n', '!', '?'};

    private final int[] starts;
    private final int[] ends;

    private Sentences(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** Splits {@code text}, whose first {@code titleLength} characters are the title. */
    public static Sentences split(String text, int titleLength) {
        return split(text, TextFolder.foldToBytes(text), titleLength);
    }

    /**
     * Splits {@code text} given its folded bytes ({@link TextFolder#foldToBytes}), where the scan
     * looks for the characters that may end a sentence, eight bytes at a time: they are ASCII, so
     * they fold to themselves. Each candidate is then judged on the text itself, which keeps its case.
     */
    static Sentences split(String text, byte[] folded, int titleLength) {
        Spans spans = new Spans(Math.max(8, text.length() / 64));
        spans.add(0, titleLength);
        int start = titleLength;
        for (int i = EightBytes.nextOf(folded, titleLength, SENTENCE_ENDS); i < folded.length;
                i = EightBytes.nextOf(folded, i + 1, SENTENCE_ENDS)) {
            if (endsSentenceAt(text, i)) {
                addTrimmed(text, start, i + 1, spans);
                start = i + 1;
            }
        }
        addTrimmed(text, start, text.length(), spans);
        return new Sentences(Arrays.copyOf(spans.starts, spans.count), Arrays.copyOf(spans.ends, spans.count));
    }

    /** The sentences found so far, as two growing arrays. */
    private static final class Spans {
        private int[] starts;
        private int[] ends;
        private int count;

        Spans(int capacity) {
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(int start, int end) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, 2 * count);
                ends = Arrays.copyOf(ends, 2 * count);
            }
            starts[count] = start;
            ends[count++] = end;
        }
    }

    public int count() {
        return starts.length;
    }

    public int startOf(int sentence) {
        return starts[sentence];
    }

    public Span span(int sentence) {
        return new Span(starts[sentence], ends[sentence]);
    }

    /** The sentence holding {@code offset}; an offset between sentences belongs to the one before. */
    public int indexOf(int offset) {
        int found = Arrays.binarySearch(starts, offset);
        return found >= 0 ? found : Math.max(0, -found - 2);
    }

    private static boolean endsSentenceAt(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            return blankLineFollows(text, i) || closingPunctuationBefore(text, i);
        }
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        int next = i + 1;
        while (next < text.length() && (text.charAt(next) == '"' || text.charAt(next) == '\u201D' || text.charAt(next) == '\'' || text.charAt(next) == '\u2019' || text.charAt(next) == ')')) {
            next++;
        }
        if (next >= text.length() || text.charAt(next) != ' ') {
            return false;
        }
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        if (next >= text.length()) {
            return true;
        }
        char following = text.charAt(next);
        boolean opensSentence = Character.isUpperCase(following) || Character.isDigit(following) || following == '"'
                || following == '\u201C' || following == '(' || following == '\u2018';
        return opensSentence && (c != '.' || !abbreviationBefore(text, i));
    }

    private static boolean blankLineFollows(String text, int i) {
        int j = i + 1;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
            j++;
        }
        return j >= text.length() || text.charAt(j) == '\n';
    }

    private static boolean closingPunctuationBefore(String text, int i) {
        int j = i - 1;
        while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
            j--;
        }
        if (j < 0) {
            return true;
        }
        char c = text.charAt(j);
        return ".!?:;\"\u201D\u2019)".indexOf(c) >= 0;
    }

    private static boolean abbreviationBefore(String text, int period) {
        int start = period;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, period).toLowerCase(java.util.Locale.ROOT);
        if (word.length() == 1) {
            // An initial, as in "Lloyd J. Austin".
            return Character.isUpperCase(text.charAt(start));
        }
        return ABBREVIATIONS.contains(word);
    }

    private static void addTrimmed(String text, int start, int end, Spans spans) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(start, end);
        }
    }
}
