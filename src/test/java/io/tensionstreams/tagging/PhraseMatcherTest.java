package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<String> found(PhraseMatcher matcher, List<String> phrases, String text) {
        List<String> hits = new ArrayList<>();
        matcher.scan(TextFolder.fold(text), (phrase, start, end) -> hits.add(phrases.get(phrase) + "@" + start));
        return hits;
    }

    @Test
    void findsOverlappingPhrasesAsWholeWordsOnly() {
        List<String> phrases = List.of("china", "south china sea", "sea", "u.s.", "chin");
        PhraseMatcher matcher = PhraseMatcher.compile(phrases);

        assertThat(found(matcher, phrases, "South China Sea and U.S. ships; Chinatown and seabed"))
                .containsExactly("china@6", "south china sea@0", "sea@12", "u.s.@20");
    }

    @Test
    void agreesWithANaiveSearchOnRandomText() {
        Random random = new Random(42);
        // Words of more than eight letters too: the matcher keeps a word's first eight bytes apart from the rest.
        String[] words = {"war", "warn", "warning", "arms", "sea", "seas", "south", "china", "talks", "a", "an", "rms",
                "semiconductor", "semiconductors", "semiconductorz", "export"};
        List<String> phrases = List.of("war", "warning", "arms", "south china", "china sea", "talks", "a", "rms", "sea seas",
                "semiconductor", "semiconductors export");
        agreeOnRandomText(random, words, phrases);
    }

    @Test
    void agreesWithANaiveSearchWherePhrasesHoldOrBeginWithPunctuation() {
        Random random = new Random(7);
        String[] words = {"u.s.", "u.s.a.", "u.s", "anti-ship", "ship", "xi's", "xi", "s", "-", "'s", "missiles", "us", "u"};
        // "-ship" and "'s" begin with punctuation, so they may start inside a word; "u.s." ends with it, so it may end inside one.
        List<String> phrases = List.of("u.s.", "u.s", "u.s.a.", "anti-ship missiles", "anti-ship", "ship", "-ship", "xi's",
                "'s", "s", "us", "u");
        agreeOnRandomText(random, words, phrases);
    }

    @Test
    void readsABeyondAsciiByteAsASeparator() {
        PhraseMatcher matcher = PhraseMatcher.compile(List.of("china"));
        byte[] text = {'c', 'h', 'i', 'n', 'a', (byte) 0xE1, 'c', 'h', 'i', 'n', 'a', 's', ' ', 'c', 'h', 'i', 'n', 'a'};
        List<Integer> starts = new ArrayList<>();

        matcher.scan(text, (phrase, start, end) -> starts.add(start));

        assertThat(starts).containsExactly(0, 13);
    }

    @Test
    void reportsAPhraseListedTwiceUnderEachOfItsIds() {
        List<String> phrases = List.of("taiwan", "strait", "taiwan");
        PhraseMatcher matcher = PhraseMatcher.compile(phrases);
        List<Integer> ids = new ArrayList<>();

        matcher.scan(TextFolder.fold("Taiwan Strait"), (phrase, start, end) -> ids.add(phrase));

        assertThat(ids).containsExactly(0, 2, 1);
    }

    private static void agreeOnRandomText(Random random, String[] words, List<String> phrases) {
        PhraseMatcher matcher = PhraseMatcher.compile(phrases);
        String[] separators = {" ", " ", " ", ", ", ".", "-", "  "};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                text.append(words[random.nextInt(words.length)]).append(separators[random.nextInt(separators.length)]);
            }
            // In order of the end offset, the longest first among phrases ending together, as the sink promises.
            assertThat(found(matcher, phrases, text.toString())).containsExactlyElementsOf(naive(phrases, text.toString()));
        }
    }

    @Test
    void refusesPhrasesItCannotMatch() {
        assertThatThrownBy(() -> PhraseMatcher.compile(List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhraseMatcher.compile(List.of("\u4E2D"))).hasMessageContaining("outside ASCII");
    }

    /** Every occurrence whose letters do not run on into the text's letters at either end. */
    private static List<String> naive(List<String> phrases, String text) {
        String folded = TextFolder.fold(text);
        List<int[]> hits = new ArrayList<>();
        for (int id = 0; id < phrases.size(); id++) {
            String phrase = phrases.get(id);
            for (int at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
                int end = at + phrase.length();
                boolean startOk = !TextFolder.isWordChar(phrase.charAt(0)) || at == 0 || !TextFolder.isWordChar(folded.charAt(at - 1));
                boolean endOk = !TextFolder.isWordChar(phrase.charAt(phrase.length() - 1)) || end == folded.length()
                        || !TextFolder.isWordChar(folded.charAt(end));
                if (startOk && endOk) {
                    hits.add(new int[] {id, at, end});
                }
            }
        }
        hits.sort(Comparator.<int[]>comparingInt(hit -> hit[2]).thenComparingInt(hit -> hit[1]));
        return hits.stream().map(hit -> phrases.get(hit[0]) + "@" + hit[1]).toList();
    }
}
