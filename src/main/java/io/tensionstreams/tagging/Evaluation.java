package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Measures the tagger against labelled articles: precision, recall and F1 per theme and their
 * mean (macro-F1), pair precision, recall and F1 (over every article's pairs together), the share
 * of no-theme articles that were tagged anyway, and direction accuracy.
 */
public final class Evaluation {

    /** Counts of one kind of decision. */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        public double recall() {
            int actual = truePositives + falseNegatives;
            return actual == 0 ? 1.0 : (double) truePositives / actual;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Set<String> predicted, Set<String> actual, String item) {
            boolean p = predicted.contains(item);
            boolean a = actual.contains(item);
            return new Score(truePositives + (p && a ? 1 : 0), falsePositives + (p && !a ? 1 : 0), falseNegatives + (!p && a ? 1 : 0));
        }
    }

    /** Where the tagger and the label disagree on one article. */
    public record Miss(String id, Set<String> missingThemes, Set<String> extraThemes, Set<String> missingPairs,
                       Set<String> extraPairs, Direction expectedDirection, Direction actualDirection) {
    }

    /** The figures of one evaluation run. */
    public record Report(int articles, Map<String, Score> themes, double macroF1, Score pairs, int noThemeArticles,
                         int noThemeTagged, double directionAccuracy, List<Miss> misses) {
        public double noThemeFalsePositiveRate() {
            return noThemeArticles == 0 ? 0 : (double) noThemeTagged / noThemeArticles;
        }

        public double minThemeF1() {
            return themes.values().stream().mapToDouble(Score::f1).min().orElse(0);
        }
    }

    private Evaluation() {
    }

    public static Report run(Tagger tagger, List<LabelledArticle> labelled) {
        List<String> themeIds = tagger.taxonomy().themeIds();
        Map<String, Score> themes = new LinkedHashMap<>();
        themeIds.forEach(id -> themes.put(id, new Score(0, 0, 0)));
        Score pairs = new Score(0, 0, 0);
        int noTheme = 0;
        int noThemeTagged = 0;
        int directionRight = 0;
        List<Miss> misses = new ArrayList<>();
        for (LabelledArticle item : labelled) {
            ArticleTags tags = tagger.tag(item.article());
            Set<String> predictedThemes = new TreeSet<>(tags.themes().stream().map(ThemeMatch::theme).toList());
            Set<String> predictedPairs = new TreeSet<>(tags.pairs().stream().map(PairMatch::pair).toList());
            themes.replaceAll((id, score) -> score.plus(predictedThemes, item.themes(), id));
            for (String pair : union(predictedPairs, item.pairs())) {
                pairs = pairs.plus(predictedPairs, item.pairs(), pair);
            }
            if (item.themes().isEmpty()) {
                noTheme++;
                noThemeTagged += predictedThemes.isEmpty() ? 0 : 1;
            }
            directionRight += tags.direction() == item.direction() ? 1 : 0;
            Miss miss = new Miss(item.article().id(), minus(item.themes(), predictedThemes), minus(predictedThemes, item.themes()),
                    minus(item.pairs(), predictedPairs), minus(predictedPairs, item.pairs()), item.direction(), tags.direction());
            if (!miss.missingThemes().isEmpty() || !miss.extraThemes().isEmpty() || !miss.missingPairs().isEmpty()
                    || !miss.extraPairs().isEmpty() || miss.expectedDirection() != miss.actualDirection()) {
                misses.add(miss);
            }
        }
        double macro = themes.values().stream().mapToDouble(Score::f1).average().orElse(0);
        double accuracy = labelled.isEmpty() ? 0 : (double) directionRight / labelled.size();
        return new Report(labelled.size(), themes, macro, pairs, noTheme, noThemeTagged, accuracy, misses);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
