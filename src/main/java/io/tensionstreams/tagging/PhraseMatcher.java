package io.tensionstreams.tagging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every whole-word occurrence of many phrases in one pass over folded text.
 *
 * <p>A phrase matches whole words, so it can be read a word at a time: "south china sea" is the
 * words "south", "china" and "sea" with a space after each of the first two, and "u.s." is "u",
 * '.', "s", '.'. The matcher is a trie of the phrases whose steps are whole words, looked up in a
 * hash table, and the characters between words, looked up in short edge lists. The scan finds the
 * words of the text eight bytes at a time ({@link EightBytes}) and asks the table, once per word,
 * whether a phrase begins with it and whether the walks alive can go on with it. Most words begin
 * no phrase, a few walks are alive at once, and no failure links are needed. Because a walk only
 * ever takes whole words, every match starts and ends on a word boundary by construction.
 *
 * <p>What one article's scan touches is small: the hash table's slots for its words and a few
 * edges. The Aho-Corasick table this replaced held one {@code int} per state and character class,
 * 2.1 MB, and each character's step depended on the last one's read: inside the tagger, where the
 * rest of the work evicted its rows between articles, it ran at a third of its warm speed. See
 * docs/PERFORMANCE.md.
 */
public final class PhraseMatcher {
    private static final int ALPHABET = 128;
    private static final int ROOT = 0;
    private static final int NONE = -1;

    /** The root's child for each punctuation character, or -1: for the phrases that begin with one. */
    private final int[] rootChild;
    /** The punctuation edges of state {@code s} are at {@code [firstEdge[s], firstEdge[s + 1])}. */
    private final int[] firstEdge;
    private final byte[] edgeChar;
    private final int[] edgeTarget;
    private final WordSteps words;
    /** The phrase spelled by the path to each state, or -1. */
    private final int[] phraseAt;
    /** The next phrase with the same text as each phrase, or -1: a list may hold a phrase twice. */
    private final int[] sameText;
    /** The longest phrase's length: no more walks than that are alive at once. */
    private final int longest;
    /** Whether some phrase begins with punctuation, so that no character may be skipped. */
    private final boolean punctuationStarts;

    /** Receives whole-word matches in order of their end offset, the longest first among those ending together. */
    @FunctionalInterface
    public interface MatchSink {
        void onMatch(int phrase, int start, int end);
    }

    /**
     * Keeps only the states where a word may begin or a phrase may end (the root, those reached by
     * punctuation, and those a word step reaches), numbered anew: the states inside a word are
     * never visited by the scan, and without them the per-state arrays are a third the size.
     */
    private PhraseMatcher(Trie trie, int[] sameText, int longest) {
        int[] number = trie.boundaryNumbers();
        int states = Arrays.stream(number).max().orElse(0) + 1;
        this.rootChild = new int[ALPHABET];
        Arrays.fill(rootChild, NONE);
        this.firstEdge = new int[states + 1];
        this.phraseAt = new int[states];
        List<int[]> edges = new ArrayList<>();
        for (int state = 0; state < trie.children.size(); state++) {
            if (number[state] == NONE) {
                continue;
            }
            firstEdge[number[state]] = edges.size();
            phraseAt[number[state]] = trie.phraseAt.get(state);
            int[] children = trie.children.get(state);
            for (int c = 0; c < ALPHABET; c++) {
                if (children[c] != NONE && !TextFolder.isWordChar((char) c)) {
                    edges.add(new int[] {c, number[children[c]]});
                    if (state == ROOT) {
                        rootChild[c] = number[children[c]];
                    }
                }
            }
        }
        firstEdge[states] = edges.size();
        this.edgeChar = new byte[edges.size()];
        this.edgeTarget = new int[edges.size()];
        for (int edge = 0; edge < edges.size(); edge++) {
            edgeChar[edge] = (byte) edges.get(edge)[0];
            edgeTarget[edge] = edges.get(edge)[1];
        }
        this.words = WordSteps.of(trie, number);
        this.sameText = sameText;
        this.longest = longest;
        this.punctuationStarts = Arrays.stream(rootChild).anyMatch(child -> child != NONE);
    }

    /**
     * Compiles folded phrases; the index of a phrase in the list is the id it is reported with.
     *
     * @throws IllegalArgumentException when a phrase is empty or holds a character outside ASCII
     */
    public static PhraseMatcher compile(List<String> phrases) {
        Trie trie = new Trie();
        int[] sameText = new int[phrases.size()];
        Arrays.fill(sameText, NONE);
        int longest = 0;
        for (int id = 0; id < phrases.size(); id++) {
            String phrase = phrases.get(id);
            requireAscii(phrase);
            int node = trie.add(phrase);
            int first = trie.phraseAt.get(node);
            if (first == NONE) {
                trie.phraseAt.set(node, id);
            } else {
                sameText[lastWithText(first, sameText)] = id;
            }
            longest = Math.max(longest, phrase.length());
        }
        return new PhraseMatcher(trie, sameText, longest);
    }

    private static int lastWithText(int phrase, int[] sameText) {
        int last = phrase;
        while (sameText[last] != NONE) {
            last = sameText[last];
        }
        return last;
    }

    public int phraseCount() {
        return sameText.length;
    }

    /** Reports every whole-word occurrence of a phrase in folded text. */
    public void scan(String folded, MatchSink sink) {
        byte[] bytes = new byte[folded.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = folded.charAt(i);
            bytes[i] = c < ALPHABET ? (byte) c : 0;
        }
        scan(bytes, sink);
    }

    /**
     * Reports every whole-word occurrence of a phrase in {@code folded}, ASCII bytes as made by
     * {@link TextFolder#foldToBytes}. The walks are kept oldest first and a new one joins last, so
     * among the phrases ending at one character the longest is reported first. While no walk is
     * alive (most of the text), the scan jumps from word to word eight bytes at a time.
     */
    public void scan(byte[] folded, MatchSink sink) {
        Walks walks = new Walks(longest + 1);
        int i = 0;
        while (i < folded.length) {
            if (walks.count == 0 && !punctuationStarts) {
                i = EightBytes.nextWordStart(folded, i);
                if (i == folded.length) {
                    break;
                }
            } else if (!TextFolder.isWordByte(folded[i])) {
                takePunctuation(folded[i], i, walks, sink);
                i++;
                continue;
            }
            int end = EightBytes.wordEnd(folded, i);
            takeWord(folded, i, end, EightBytes.firstEight(folded, i, end), walks, sink);
            i = end;
        }
    }

    /** The word {@code [start, end)} moves the walks alive on, and starts one if a phrase begins with it. */
    private void takeWord(byte[] folded, int start, int end, long packed, Walks walks, MatchSink sink) {
        int alive = 0;
        for (int w = 0; w < walks.count; w++) {
            int next = words.next(walks.state[w], packed, folded, start, end);
            if (next != NONE) {
                walks.keep(alive++, next, walks.start[w]);
                report(next, walks.start[w], end, sink);
            }
        }
        walks.count = alive;
        int first = words.next(ROOT, packed, folded, start, end);
        if (first != NONE) {
            walks.add(first, start);
            report(first, start, end, sink);
        }
    }

    /** The punctuation or space {@code c} at {@code i} moves the walks alive on, and starts one if a phrase begins with it. */
    private void takePunctuation(byte c, int i, Walks walks, MatchSink sink) {
        int alive = 0;
        for (int w = 0; w < walks.count; w++) {
            int next = punctuationChild(walks.state[w], c);
            if (next != NONE) {
                walks.keep(alive++, next, walks.start[w]);
                report(next, walks.start[w], i + 1, sink);
            }
        }
        walks.count = alive;
        if (c >= 0 && rootChild[c] != NONE) {
            walks.add(rootChild[c], i);
            report(rootChild[c], i, i + 1, sink);
        }
    }

    private int punctuationChild(int state, byte c) {
        for (int edge = firstEdge[state], last = firstEdge[state + 1]; edge < last; edge++) {
            if (edgeChar[edge] == c) {
                return edgeTarget[edge];
            }
        }
        return NONE;
    }

    private void report(int state, int start, int end, MatchSink sink) {
        for (int phrase = phraseAt[state]; phrase != NONE; phrase = sameText[phrase]) {
            sink.onMatch(phrase, start, end);
        }
    }

    /** The walks alive in one scan, oldest first: each a trie state and where its text began. */
    private static final class Walks {
        final int[] state;
        final int[] start;
        int count;

        Walks(int capacity) {
            state = new int[capacity];
            start = new int[capacity];
        }

        void keep(int at, int newState, int from) {
            state[at] = newState;
            start[at] = from;
        }

        void add(int newState, int from) {
            keep(count++, newState, from);
        }
    }

    /** The phrases as a trie of 128-wide nodes while compiling; the matcher keeps its word steps and punctuation edges. */
    private static final class Trie {
        final List<int[]> children = new ArrayList<>();
        final List<Integer> phraseAt = new ArrayList<>();
        /** The character on the edge into each state; -1 for the root. */
        private final List<Integer> incoming = new ArrayList<>();

        Trie() {
            newNode(NONE);
        }

        /** The state that spells {@code text}, added as needed. */
        int add(String text) {
            int node = ROOT;
            for (int i = 0; i < text.length(); i++) {
                int c = text.charAt(i);
                if (children.get(node)[c] == NONE) {
                    children.get(node)[c] = newNode(c);
                }
                node = children.get(node)[c];
            }
            return node;
        }

        int incoming(int state) {
            return incoming.get(state);
        }

        /** A new number for each state where a word may begin or a phrase may end, in trie order; -1 for the others. */
        int[] boundaryNumbers() {
            int[] number = new int[children.size()];
            int next = 0;
            for (int state = 0; state < children.size(); state++) {
                boolean boundary = state == ROOT || !TextFolder.isWordChar((char) incoming(state))
                        || phraseAt.get(state) != NONE || hasPunctuationChild(children.get(state));
                number[state] = boundary ? next++ : NONE;
            }
            return number;
        }

        static boolean hasPunctuationChild(int[] children) {
            for (int c = 0; c < ALPHABET; c++) {
                if (children[c] != NONE && !TextFolder.isWordChar((char) c)) {
                    return true;
                }
            }
            return false;
        }

        private int newNode(int via) {
            int[] node = new int[ALPHABET];
            Arrays.fill(node, NONE);
            children.add(node);
            phraseAt.add(NONE);
            incoming.add(via);
            return children.size() - 1;
        }
    }

    /**
     * The trie's word steps: from a state where a word may begin (the root, or one reached by
     * punctuation or a space) by a whole word to the state that spells it, where a phrase ends or
     * punctuation follows. An open-addressing hash table keyed by the state and the word, in one
     * array so that a probe reads one cache line; a word's first eight bytes are kept in the slot as
     * a {@code long}, so most words are compared without reading anything else. A bit filter of
     * 8 KB in front turns away most words that begin no step before they reach the table: they are
     * the varied ones, whose slots would not be in the cache.
     */
    private static final class WordSteps {
        private static final int FILTER_BITS = 1 << 16;
        private static final int STATE_BITS = 28;
        private static final long STATE_MASK = (1L << STATE_BITS) - 1;
        private static final int LONGEST_WORD = 255;

        private final long[] filter = new long[FILTER_BITS / Long.SIZE];
        private final int mask;
        /** Two longs a slot: the word's first eight bytes (0 when the slot is empty), then its length, the state it leaves and the state it reaches. */
        private final long[] slots;
        /** Where each slot's word goes on after its eighth byte, in {@code tails}. */
        private final int[] tailAt;
        private final byte[] tails;
        private final int longest;

        private WordSteps(int capacity, byte[] tails, int longest) {
            this.mask = capacity - 1;
            this.slots = new long[2 * capacity];
            this.tailAt = new int[capacity];
            this.tails = tails;
            this.longest = longest;
        }

        static WordSteps of(Trie trie, int[] number) {
            if (trie.children.size() > STATE_MASK) {
                throw new IllegalArgumentException("too many phrases: " + trie.children.size() + " trie states");
            }
            List<int[]> steps = new ArrayList<>();
            List<String> stepWords = new ArrayList<>();
            for (int state = 0; state < trie.children.size(); state++) {
                if (state == ROOT || reachedByPunctuation(trie, state)) {
                    collect(trie, state, state, new StringBuilder(), steps, stepWords);
                }
            }
            StringBuilder tails = new StringBuilder();
            stepWords.stream().filter(word -> word.length() > Long.BYTES).forEach(word -> tails.append(word.substring(Long.BYTES)));
            int longest = stepWords.stream().mapToInt(String::length).max().orElse(0);
            if (longest > LONGEST_WORD) {
                throw new IllegalArgumentException("a phrase holds a word of " + longest + " characters");
            }
            // At most half full, so that a probe seldom goes past its first cache line.
            WordSteps table = new WordSteps(Integer.highestOneBit(Math.max(1, 2 * steps.size() - 1)) * 2,
                    tails.toString().getBytes(StandardCharsets.US_ASCII), longest);
            int tailAt = 0;
            for (int i = 0; i < steps.size(); i++) {
                byte[] word = stepWords.get(i).getBytes(StandardCharsets.US_ASCII);
                table.put(number[steps.get(i)[0]], word, number[steps.get(i)[1]], tailAt);
                tailAt += Math.max(0, word.length - Long.BYTES);
            }
            return table;
        }

        private static boolean reachedByPunctuation(Trie trie, int state) {
            return trie.incoming(state) >= 0 && !TextFolder.isWordChar((char) trie.incoming(state));
        }

        /** Every step from {@code from} by the word spelled so far plus more letters, ending where a phrase ends or punctuation follows. */
        private static void collect(Trie trie, int from, int state, StringBuilder word, List<int[]> steps, List<String> stepWords) {
            int[] children = trie.children.get(state);
            if (word.length() > 0 && (trie.phraseAt.get(state) != NONE || Trie.hasPunctuationChild(children))) {
                steps.add(new int[] {from, state});
                stepWords.add(word.toString());
            }
            for (int c = 0; c < ALPHABET; c++) {
                if (children[c] != NONE && TextFolder.isWordChar((char) c)) {
                    word.append((char) c);
                    collect(trie, from, children[c], word, steps, stepWords);
                    word.setLength(word.length() - 1);
                }
            }
        }

        private static long mix(int from, long packed, int length) {
            long mixed = (packed + length * 0xC2B2AE3D27D4EB4FL + from * 0x165667B19E3779F9L) * 0x9E3779B97F4A7C15L;
            return mixed ^ (mixed >>> 29);
        }

        private void put(int from, byte[] word, int to, int tailStart) {
            // Keyed as the scan reads the text's words, by the same method.
            long packed = EightBytes.firstEight(word, 0, word.length);
            long mixed = mix(from, packed, word.length);
            int bit = (int) (mixed >>> 48);
            filter[bit >>> 6] |= 1L << bit;
            int slot = (int) mixed & mask;
            while (slots[2 * slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = packed;
            slots[2 * slot + 1] = (long) word.length << (2 * STATE_BITS) | (long) from << STATE_BITS | to;
            tailAt[slot] = tailStart;
        }

        /**
         * Where the word {@code text[start, end)}, whose first eight bytes are {@code packed}, leads
         * from {@code from}; -1 where it leads nowhere.
         */
        int next(int from, long packed, byte[] text, int start, int end) {
            int length = end - start;
            if (length > longest) {
                return NONE;
            }
            long mixed = mix(from, packed, length);
            int bit = (int) (mixed >>> 48);
            if ((filter[bit >>> 6] & 1L << bit) == 0) {
                return NONE;
            }
            long key = (long) length << (2 * STATE_BITS) | (long) from << STATE_BITS;
            for (int slot = (int) mixed & mask; slots[2 * slot] != 0; slot = (slot + 1) & mask) {
                long meta = slots[2 * slot + 1];
                if (slots[2 * slot] == packed && (meta & ~STATE_MASK) == key && tailMatches(slot, text, start, end)) {
                    return (int) (meta & STATE_MASK);
                }
            }
            return NONE;
        }

        private boolean tailMatches(int slot, byte[] text, int start, int end) {
            int length = end - start;
            return length <= Long.BYTES
                    || Arrays.equals(tails, tailAt[slot], tailAt[slot] + length - Long.BYTES, text, start + Long.BYTES, end);
        }
    }

    private static void requireAscii(String phrase) {
        if (phrase.isEmpty()) {
            throw new IllegalArgumentException("empty phrase");
        }
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (c == 0 || c >= ALPHABET) {
                throw new IllegalArgumentException("phrase \"" + phrase + "\" holds a character that folds outside ASCII");
            }
        }
    }
}
