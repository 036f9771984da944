package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThemeColumnTest {

    @Test
    void themesOnlyMentionedAreShownApartFromThoseTheArticlesAreAbout() {
        String column = ThemeColumn.of(List.of(new ThemeColumn.Theme("cuba_espionage", 1), new ThemeColumn.Theme("taiwan", 0),
                new ThemeColumn.Theme("chips", 0)));

        assertThat(column).isEqualTo("cuba_espionage (mentioned: taiwan,chips)");
    }

    @Test
    void aWindowWithoutMentionsOrWithoutSubjectsShowsOnlyWhatItHas() {
        assertThat(ThemeColumn.of(List.of(new ThemeColumn.Theme("taiwan", 3), new ThemeColumn.Theme("chips", 1)))).isEqualTo("taiwan,chips");
        assertThat(ThemeColumn.of(List.of(new ThemeColumn.Theme("ukraine", 0)))).isEqualTo("(mentioned: ukraine)");
        assertThat(ThemeColumn.of(List.of())).isEmpty();
    }
}
