package io.tensionstreams.tagging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Finds every occurrence of many phrases in one pass over folded text (Aho-Corasick), keeping
 * only whole-word occurrences.
 *
 * <p>The automaton is compiled to a full transition table over ASCII, one {@code int} per (state,
 * character): the scan is one array read per character with no branching on failure links, which
 * is what makes the tagger run at hundreds of MB/s. Folded text is ASCII except for
 * {@code '\u0000'}, which stands for characters no phrase contains, so 128 columns suffice. This
 * beat {@code org.ahocorasick:ahocorasick} on our taxonomy (see docs/PERFORMANCE.md, TaggerBenchmark): that
 * library walks a map-based trie and builds a {@code Emit} object and a token list per match.
 */
public final class PhraseMatcher {
    private static final int ALPHABET = 128;

    private final int[] transitions;
    private final int[][] outputs;
    private final int[] lengths;
    private final boolean[] wordStart;
    private final boolean[] wordEnd;

    /** Receives whole-word matches in order of their end offset. */
    @FunctionalInterface
    public interface MatchSink {
        void onMatch(int phrase, int start, int end);
    }

    private PhraseMatcher(int[] transitions, int[][] outputs, int[] lengths, boolean[] wordStart, boolean[] wordEnd) {
        this.transitions = transitions;
        this.outputs = outputs;
        this.lengths = lengths;
        this.wordStart = wordStart;
        this.wordEnd = wordEnd;
    }

    /**
     * Compiles folded phrases; the index of a phrase in the list is the id it is reported with.
     *
     * @throws IllegalArgumentException when a phrase is empty or holds a character outside ASCII
     */
    public static PhraseMatcher compile(List<String> phrases) {
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        trie.add(newNode());
        ends.add(new ArrayList<>());
        int[] lengths = new int[phrases.size()];
        boolean[] wordStart = new boolean[phrases.size()];
        boolean[] wordEnd = new boolean[phrases.size()];
        for (int id = 0; id < phrases.size(); id++) {
            String phrase = phrases.get(id);
            requireAscii(phrase);
            int node = 0;
            for (int i = 0; i < phrase.length(); i++) {
                int c = phrase.charAt(i);
                if (trie.get(node)[c] < 0) {
                    trie.get(node)[c] = trie.size();
                    trie.add(newNode());
                    ends.add(new ArrayList<>());
                }
                node = trie.get(node)[c];
            }
            ends.get(node).add(id);
            lengths[id] = phrase.length();
            wordStart[id] = TextFolder.isWordChar(phrase.charAt(0));
            wordEnd[id] = TextFolder.isWordChar(phrase.charAt(phrase.length() - 1));
        }
        return new PhraseMatcher(toTable(trie, ends, phrases.size()), outputsOf(trie, ends), lengths, wordStart, wordEnd);
    }

    public int phraseCount() {
        return lengths.length;
    }

    /** Reports every whole-word occurrence of a phrase in {@code folded}. */
    public void scan(String folded, MatchSink sink) {
        int state = 0;
        int length = folded.length();
        for (int i = 0; i < length; i++) {
            char c = folded.charAt(i);
            state = transitions[state * ALPHABET + (c < ALPHABET ? c : 0)];
            int[] found = outputs[state];
            for (int phrase : found) {
                int end = i + 1;
                int start = end - lengths[phrase];
                if (isBoundary(folded, start, end, phrase)) {
                    sink.onMatch(phrase, start, end);
                }
            }
        }
    }

    private boolean isBoundary(String folded, int start, int end, int phrase) {
        boolean startOk = !wordStart[phrase] || start == 0 || !TextFolder.isWordChar(folded.charAt(start - 1));
        boolean endOk = !wordEnd[phrase] || end == folded.length() || !TextFolder.isWordChar(folded.charAt(end));
        return startOk && endOk;
    }

    private static int[] newNode() {
        int[] node = new int[ALPHABET];
        Arrays.fill(node, -1);
        return node;
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

    /** Breadth-first: each state's missing transitions are those of its failure state. */
    private static int[] toTable(List<int[]> trie, List<List<Integer>> ends, int phraseCount) {
        int states = trie.size();
        int[] table = new int[states * ALPHABET];
        int[] fail = new int[states];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int child = trie.get(0)[c];
            table[c] = child < 0 ? 0 : child;
            if (child > 0) {
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            ends.get(state).addAll(ends.get(fail[state]).stream().filter(p -> !ends.get(state).contains(p)).toList());
            for (int c = 0; c < ALPHABET; c++) {
                int child = trie.get(state)[c];
                if (child < 0) {
                    table[state * ALPHABET + c] = table[fail[state] * ALPHABET + c];
                } else {
                    table[state * ALPHABET + c] = child;
                    fail[child] = table[fail[state] * ALPHABET + c];
                    queue.add(child);
                }
            }
        }
        return table;
    }

    private static int[][] outputsOf(List<int[]> trie, List<List<Integer>> ends) {
        int[][] outputs = new int[trie.size()][];
        for (int state = 0; state < trie.size(); state++) {
            outputs[state] = ends.get(state).stream().mapToInt(Integer::intValue).toArray();
        }
        return outputs;
    }
}
