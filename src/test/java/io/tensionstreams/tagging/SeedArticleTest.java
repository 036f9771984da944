package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The user's own example, kept in ../shared/seed beside the checkout (as CI lays it out): a
 * report of Blinken's trip to Beijing after the spy balloon, which lists every other point of
 * tension in passing. It is about espionage, mentions all five themes, and both mends ties and
 * recalls a shoot-down.
 */
class SeedArticleTest {
    private static final Path SEED = Path.of("..", "shared", "seed", "000_ac84d27dcc5bf0cf.txt");

    @Test
    void theSpyBalloonTripIsAboutEspionageMentionsEveryThemeAndIsMixedForChinaAndTheUs() throws IOException {
        assertThat(SEED).as("the seed article; CI lays ../shared beside the checkout").exists();
        String text = Files.readString(SEED);
        int titleEnd = text.indexOf('\n');
        ArticleText article = new ArticleText("seed", text.substring(0, titleEnd), text.substring(titleEnd + 1), LocalDate.of(2023, 6, 14));

        ArticleTags tags = Tagger.bundled().tag(article);

        assertThat(tags.themes()).extracting(ThemeMatch::theme).containsExactly("cuba_espionage");
        assertThat(tags.mentions()).extracting(ThemeMatch::theme)
                .containsExactlyInAnyOrder("taiwan", "south_china_sea", "ukraine", "cuba_espionage", "chips");
        assertThat(tags.mentions()).allSatisfy(mention -> assertThat(mention.evidence()).isNotEmpty()
                .allSatisfy(span -> assertThat(article.fullText().substring(span.start(), span.end())).isEqualTo(span.text())));
        assertThat(tags.pairs().get(0).pair()).isEqualTo("CN-US");
        assertThat(tags.direction()).isEqualTo(Direction.MIXED);
    }
}
