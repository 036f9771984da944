package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the {@link TaggerModel} to labelled articles, in three stages: which mentioned themes are
 * substantive, then (with those themes) which candidates are pairs, then (with those pairs deciding
 * which sentences are relevant) whether an article escalates and whether it de-escalates. Deterministic: the same articles give the same model.
 */
public final class TaggerTrainer {
    /*
     * The L2 penalties on standardised weights, one per model, each chosen by `eval --folds 5
     * --repeats 4` (the mean over twenty folds; one assignment of folds moves by an article or two
     * with any refit). Fold means at 0.003 / 0.01 / 0.05 / 0.2, the others held at their value:
     *   themes      macro-F1           0.893 / 0.904 / 0.898 / 0.895
     *   pairs       pair F1            0.793 / 0.800 / 0.813 / 0.818 (0.805 at 0.5, 0.771 at 1)
     *   direction   direction accuracy   -   / 0.766 / 0.778 at 0.03 / 0.759 at 0.1
     * The pair model has sixteen features and many near-duplicate rows (every candidate of one
     * article shares its article-wide features), so it needs the most shrinking.
     */
    /** The theme model's penalty. */
    static final double THEME_L2 = 0.01;
    /** The pair model's penalty. */
    static final double PAIR_L2 = 0.2;
    /** The direction models' penalty: one row per article. */
    static final double DIRECTION_L2 = 0.03;

    private TaggerTrainer() {
    }

    public static TaggerModel fit(Taxonomy taxonomy, List<LabelledArticle> labelled) {
        TaggerModel model = TaggerModel.untrained().withThemes(fitThemes(new Tagger(taxonomy, TaggerModel.untrained()), labelled));
        Logistic pairs = fitPairs(new Tagger(taxonomy, model), labelled);
        Tagger withPairs = new Tagger(taxonomy, model.withPairs(pairs));
        List<double[]> rows = new ArrayList<>();
        List<Boolean> up = new ArrayList<>();
        List<Boolean> down = new ArrayList<>();
        for (LabelledArticle item : labelled) {
            rows.add(withPairs.directionFeatures(item.article()));
            up.add(item.direction() == Direction.ESCALATION || item.direction() == Direction.MIXED);
            down.add(item.direction() == Direction.DEESCALATION || item.direction() == Direction.MIXED);
        }
        return new TaggerModel(TaggerModel.VERSION, labelled.size() + " labelled articles", model.themes(), pairs,
                Logistic.fit(DirectionFeatures.NAMES, rows, up, DIRECTION_L2), Logistic.fit(DirectionFeatures.NAMES, rows, down, DIRECTION_L2));
    }

    private static Logistic fitThemes(Tagger tagger, List<LabelledArticle> labelled) {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (LabelledArticle item : labelled) {
            tagger.themeFeatures(item.article()).forEach((theme, features) -> {
                rows.add(features);
                labels.add(item.themes().contains(theme));
            });
        }
        return Logistic.fit(ThemeFeatures.NAMES, rows, labels, THEME_L2);
    }

    private static Logistic fitPairs(Tagger tagger, List<LabelledArticle> labelled) {
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (LabelledArticle item : labelled) {
            for (PairFinder.Candidate candidate : tagger.pairCandidates(item.article())) {
                rows.add(candidate.features());
                labels.add(item.pairs().contains(candidate.pair()));
            }
        }
        return Logistic.fit(PairFeatures.NAMES, rows, labels, PAIR_L2);
    }
}
