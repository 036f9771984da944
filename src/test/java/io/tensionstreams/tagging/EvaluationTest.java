package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
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
                new LabelledArticle(Texts.UKRAINE_STRIKES, Set.of("ukraine"), Set.of("ukraine"), Set.of("RU-UA"), Direction.ESCALATION),
                // Labelled wrongly on purpose: a pair that is not there, a mention that is not there and the wrong direction.
                new LabelledArticle(Texts.CHIP_CONTROLS, Set.of("chips"), Set.of("chips", "taiwan"), Set.of("CN-US", "JP-US"),
                        Direction.DEESCALATION),
                // No theme and no pair: its direction is not judged, whatever the label says.
                new LabelledArticle(football, Set.of(), Set.of(), Set.of(), Direction.ESCALATION));

        Evaluation.Report report = Evaluation.run(tagger, labelled);

        assertThat(report.themes().get("ukraine").f1()).isEqualTo(1.0);
        assertThat(report.themes().get("chips").f1()).isEqualTo(1.0);
        assertThat(report.pairs()).isEqualTo(new Evaluation.Score(2, 0, 1));
        assertThat(report.pairs().recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.noThemeArticles()).isEqualTo(1);
        assertThat(report.noThemeTagged()).isZero();
        assertThat(report.mentions().get("chips").f1()).isEqualTo(1.0);
        assertThat(report.mentions().get("taiwan")).isEqualTo(new Evaluation.Score(0, 0, 1));
        assertThat(report.directionJudged()).isEqualTo(2);
        assertThat(report.directionAccuracy()).isCloseTo(0.5, within(1e-9));
        assertThat(report.misses()).extracting(Evaluation.Miss::id).containsExactly("t");
    }

    @Test
    void crossValidationFitsOnTheOtherFoldsAndScoresEachArticleOnce() {
        List<LabelledArticle> labelled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ArticleText text = new ArticleText("item-" + i, Texts.UKRAINE_STRIKES.title(), Texts.UKRAINE_STRIKES.body(), null);
            labelled.add(new LabelledArticle(text, Set.of("ukraine"), Set.of("ukraine"), Set.of("RU-UA"), Direction.ESCALATION));
        }
        List<Integer> trainingSizes = new ArrayList<>();

        Evaluation.CrossValidation cv = Evaluation.crossValidate(training -> {
            trainingSizes.add(training.size());
            return Tagger.bundled();
        }, labelled, 5);

        assertThat(trainingSizes).hasSize(5).allSatisfy(size -> assertThat(size).isLessThan(20));
        assertThat(trainingSizes.stream().mapToInt(Integer::intValue).sum()).as("each article is held out exactly once").isEqualTo(4 * 20);
        assertThat(cv.figures()).containsOnlyKeys(Evaluation.FIGURES);
        assertThat(cv.figures().get("macro_f1").mean()).isEqualTo(1.0);
        assertThat(cv.figures().get("macro_f1").standardDeviation()).isZero();
    }

    @Test
    void eachRepetitionAssignsFoldsAnewAndTheFirstIsTheSingleAssignment() {
        List<LabelledArticle> labelled = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            labelled.add(new LabelledArticle(new ArticleText("item-" + i, "t", "b", null), Set.of(), Set.of(), Set.of(), Direction.NONE));
        }

        assertThat(labelled).allSatisfy(item -> assertThat(Evaluation.foldOf(item, 5, 0)).isEqualTo(Evaluation.foldOf(item, 5)));
        assertThat(labelled).filteredOn(item -> Evaluation.foldOf(item, 5, 1) != Evaluation.foldOf(item, 5, 0))
                .as("a second assignment moves most articles").hasSizeGreaterThan(20);

        List<Integer> trainingSizes = new ArrayList<>();
        Evaluation.CrossValidation cv = Evaluation.crossValidate(training -> {
            trainingSizes.add(training.size());
            return Tagger.bundled();
        }, labelled, 5, 3);
        assertThat(cv.repeats()).isEqualTo(3);
        assertThat(trainingSizes).hasSize(15);
        assertThat(trainingSizes.stream().mapToInt(Integer::intValue).sum()).as("each article held out once per repetition")
                .isEqualTo(3 * 4 * 40);
    }

    @Test
    void foldsDependOnTheIdOnly() {
        LabelledArticle a = new LabelledArticle(Texts.article("x", "y"), Set.of(), Set.of(), Set.of(), Direction.NONE);
        LabelledArticle b = new LabelledArticle(new ArticleText("t", "other", "text", null), Set.of("taiwan"), Set.of("taiwan"),
                Set.of(), Direction.NONE);
        assertThat(Evaluation.foldOf(a, 5)).isEqualTo(Evaluation.foldOf(b, 5));
    }
}
