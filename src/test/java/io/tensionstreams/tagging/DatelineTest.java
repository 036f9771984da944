package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatelineTest {

    private static String datelineOf(String body) {
        String text = "Title" + ArticleText.SEPARATOR + body;
        int bodyStart = "Title".length() + ArticleText.SEPARATOR.length();
        return text.substring(bodyStart, Dateline.end(text, bodyStart));
    }

    @Test
    void wireDatelinesAreFound() {
        assertThat(datelineOf("TAIPEI, TAIWAN \u2014 Farmers said on Monday...")).isEqualTo("TAIPEI, TAIWAN \u2014");
        assertThat(datelineOf("WASHINGTON - The Pentagon said...")).isEqualTo("WASHINGTON -");
        assertThat(datelineOf("MANILA, Philippines (AP) \u2013 Coast guard ships...")).isEqualTo("MANILA, Philippines (AP) \u2013");
    }

    @Test
    void ordinaryOpeningsAreNoDateline() {
        assertThat(datelineOf("US officials said - without naming anyone - that talks would resume.")).isEmpty();
        assertThat(datelineOf("The US-China talks began on Monday.")).isEmpty();
        assertThat(datelineOf("NATO ministers met in Brussels - again.")).isEmpty();
        assertThat(datelineOf("")).isEmpty();
    }

    @Test
    void aThemeWordInTheDatelineIsNoMentionButItsCountryStillCounts() {
        ArticleText article = Texts.article("Farmers grow cabbage on a disputed island",
                "TAIPEI, TAIWAN \u2014 Chinese navy sailors are growing vegetables on Woody Island in the Paracels, "
                        + "a step to bolster Beijing's claim against Vietnam. Vietnam protested the move.");

        ArticleTags tags = Tagger.bundled().tag(article);

        assertThat(tags.mentions()).extracting(ThemeMatch::theme).doesNotContain("taiwan");
        assertThat(tags.countries()).contains("TW");
    }
}
