package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the {@link TaggerModel} to labelled articles, in three stages: which mentioned themes are
 * substantive, then (with those themes) which candidates are pairs, then (with those pairs deciding
 * which sentences are relevant) whether an article escalates and whether it de-escalates. Deterministic: the same articles give the same model.
 */
public final class TaggerTrainer {
    /** The L2 penalty on standardised weights: enough to keep a dozen features from fitting single articles. */
    static final double L2 = 0.01;
    /**
     * The direction models' penalty, three times the others': they fit one row per article (the
     * theme and pair models one per candidate, several per article), so fourteen features overfit
     * them sooner. Chosen among 0.01, 0.03 and 0.1 by 5-fold cross-validation repeated over four
     * fold assignments (direction 0.774, 0.776, 0.770); one assignment alone moves by an article
     * or two with any change to the training rows.
     */
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
        return Logistic.fit(ThemeFeatures.NAMES, rows, labels, L2);
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
        return Logistic.fit(PairFeatures.NAMES, rows, labels, L2);
    }
}
