package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void figuresAddUpOverArticles() {
        Tagger tagger = Tagger.bundled();
        ArticleText football = Texts.article("Ukrainian side wins the cup final",
                "The club beat its rival two goals to one. Fans celebrated in the streets.");
        List<LabelledArticle> labelled = List.of(
                new LabelledArticle(Texts.UKRAINE_STRIKES, Set.of("ukraine"), Set.of("RU-UA"), Direction.ESCALATION),
                // Labelled wrongly on purpose: a pair that is not there and the wrong direction.
                new LabelledArticle(Texts.CHIP_CONTROLS, Set.of("chips"), Set.of("CN-US", "JP-US"), Direction.DEESCALATION),
                new LabelledArticle(football, Set.of(), Set.of(), Direction.NONE));

        Evaluation.Report report = Evaluation.run(tagger, labelled);

        assertThat(report.themes().get("ukraine").f1()).isEqualTo(1.0);
        assertThat(report.themes().get("chips").f1()).isEqualTo(1.0);
        assertThat(report.pairs()).isEqualTo(new Evaluation.Score(2, 0, 1));
        assertThat(report.pairs().recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.noThemeArticles()).isEqualTo(1);
        assertThat(report.noThemeTagged()).isZero();
        assertThat(report.directionAccuracy()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.misses()).extracting(Evaluation.Miss::id).containsExactly("t");
    }
}
