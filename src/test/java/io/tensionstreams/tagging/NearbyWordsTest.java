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
        assertThat(before.isAnyOf(2, List.of("talks", "summit"))).isFalse();
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
}
