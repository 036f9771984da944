package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NearbyWordsTest {

    @Test
    void wordsBeforeAreReadNearestFirstAndStopAtTheClausesEnd() {
        String text = "Tensions rose. The summit held in the Belarusian capital";
        NearbyWords.WordsBefore before = new NearbyWords.WordsBefore(text, text.indexOf("Belarusian"), 7);

        assertThat(before.is(0, "the")).isTrue();
        assertThat(before.is(1, "in")).isTrue();
        assertThat(before.isAnyOf(2, new NearbyWords.WordList("talks", "summit"))).isFalse();
        assertThat(before.is(3, "summit")).isTrue();
        assertThat(before.is(4, "the")).isTrue();
        // "rose." ends the clause: no word 5, though the text goes on.
        assertThat(before.has(5)).isFalse();
    }

    @Test
    void wordsBeforeReadNoFurtherThanTheirLimitOrTheText() {
        String text = "a-b, c d";
        NearbyWords.WordsBefore two = new NearbyWords.WordsBefore(text, text.length(), 2);

        assertThat(two.has(1)).isTrue();
        assertThat(two.has(2)).as("past the limit of two").isFalse();
        assertThat(text.substring(two.start(1), two.end(1))).isEqualTo("c");
        NearbyWords.WordsBefore all = new NearbyWords.WordsBefore(text, text.length(), 7);
        assertThat(all.is(2, "A-B")).as("hyphens join a word; case is ignored").isTrue();
        assertThat(all.has(3)).isFalse();
    }

    @Test
    void aReaderMovedToAnotherNameReadsThatNamesWordsOnly() {
        String text = "talks in Minsk. Later a ship docked at Havana";
        NearbyWords.WordsBefore before = new NearbyWords.WordsBefore(text, text.indexOf("Minsk"), 7);
        assertThat(before.is(1, "talks")).isTrue();

        before.at(text.indexOf("Havana"));

        assertThat(before.position()).isEqualTo(text.indexOf("Havana"));
        assertThat(before.is(0, "at")).isTrue();
        assertThat(before.is(1, "docked")).isTrue();
        assertThat(before.is(4, "later")).isTrue();
        assertThat(before.has(5)).as("\"Minsk.\" ended the clause before").isFalse();
    }

    @Test
    void beforeCopiesTheWordsInLowerCase() {
        assertThat(NearbyWords.before("They Urged Moscow to halt", "They Urged Moscow to halt".indexOf("halt"), 3))
                .containsExactly("to", "moscow", "urged");
    }

    @Test
    void aWordListFindsAWordIgnoringCaseAsRegionMatchesDoes() {
        NearbyWords.WordList words = new NearbyWords.WordList("summit", "talks", "in", "kiln", "cease-fire", "communiqu\u00e9", "s");
        String text = "SUMMIT Talks summits talk \u0131n \u212ailn Cease-Fire COMMUNIQU\u00c9 s \u017f";

        List<String> found = new java.util.ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf(' ', start) < 0 ? text.length() : text.indexOf(' ', start);
            if (words.contains(text, start, end)) {
                found.add(text.substring(start, end));
            }
            // The list answers as a comparison with each of its words would.
            String word = text.substring(start, end);
            assertThat(words.contains(text, start, end)).as(word)
                    .isEqualTo(List.of("summit", "talks", "in", "kiln", "cease-fire", "communiqu\u00e9", "s").stream()
                            .anyMatch(listed -> listed.length() == word.length() && word.regionMatches(true, 0, listed, 0, word.length())));
            start = end + 1;
        }

        assertThat(found).as("the dotless i, the Kelvin sign and the long s are letters of the list to regionMatches")
                .containsExactly("SUMMIT", "Talks", "\u0131n", "\u212ailn", "Cease-Fire", "COMMUNIQU\u00c9", "s", "\u017f");
        assertThat(words.contains(text, 0, 0)).as("an empty word").isFalse();
    }

    @Test
    void aWordListTakesOnlyLowerCaseWords() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NearbyWords.WordList("Summit"))
                .hasMessageContaining("\"Summit\"");
    }
}
