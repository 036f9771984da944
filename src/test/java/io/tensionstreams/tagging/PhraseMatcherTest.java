package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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
        String[] words = {"war", "warn", "warning", "arms", "sea", "seas", "south", "china", "talks", "a", "an", "rms"};
        List<String> phrases = List.of("war", "warning", "arms", "south china", "china sea", "talks", "a", "rms", "sea seas");
        PhraseMatcher matcher = PhraseMatcher.compile(phrases);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? ", " : " ");
            }
            assertThat(found(matcher, phrases, text.toString())).containsExactlyInAnyOrderElementsOf(naive(phrases, text.toString()));
        }
    }

    @Test
    void refusesPhrasesItCannotMatch() {
        assertThatThrownBy(() -> PhraseMatcher.compile(List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhraseMatcher.compile(List.of("\u4E2D"))).hasMessageContaining("outside ASCII");
    }

    private static List<String> naive(List<String> phrases, String text) {
        String folded = TextFolder.fold(text);
        List<String> hits = new ArrayList<>();
        for (String phrase : phrases) {
            for (int at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
                int end = at + phrase.length();
                boolean startOk = at == 0 || !TextFolder.isWordChar(folded.charAt(at - 1));
                boolean endOk = end == folded.length() || !TextFolder.isWordChar(folded.charAt(end));
                if (startOk && endOk) {
                    hits.add(phrase + "@" + at);
                }
            }
        }
        return hits;
    }
}
