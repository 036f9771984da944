package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Measures the tagger against labelled articles: precision, recall and F1 per theme and their
 * mean (macro-F1), the same for mentions, pair precision, recall and F1 (over every article's
 * pairs together), the share of no-theme articles that were tagged anyway, and direction accuracy
 * on the articles labelled with a theme or a pair.
 *
 * <p>{@link #crossValidate} splits the articles into k folds by a hash of their id, fits a tagger
 * on k-1 folds, scores the one left out, and reports each figure's mean and spread over the folds:
 * how the tagger may do on articles it was not fitted to.
 */
public final class Evaluation {

    /** The figures a report gives, by the names that floors and JSON use. */
    public static final List<String> FIGURES = List.of("macro_f1", "min_theme_f1", "mention_macro_f1", "pair_f1",
            "direction_accuracy", "no_theme_fp_rate");

    /** Counts of one kind of decision. */
    public record Score(int truePositives, int falsePositives, int falseNegatives) {
        static final Score ZERO = new Score(0, 0, 0);

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

        /** This score with every item of {@code predicted} and {@code actual} counted. */
        Score plusAll(Set<String> predicted, Set<String> actual) {
            Score score = this;
            for (String item : union(predicted, actual)) {
                score = score.plus(predicted, actual, item);
            }
            return score;
        }
    }

    /** Where the tagger and the label disagree on one article. */
    public record Miss(String id, Set<String> missingThemes, Set<String> extraThemes, Set<String> missingMentions,
                       Set<String> extraMentions, Set<String> missingPairs, Set<String> extraPairs,
                       Direction expectedDirection, Direction actualDirection) {
        boolean any() {
            return !missingThemes.isEmpty() || !extraThemes.isEmpty() || !missingMentions.isEmpty() || !extraMentions.isEmpty()
                    || !missingPairs.isEmpty() || !extraPairs.isEmpty() || expectedDirection != actualDirection;
        }
    }

    /** The figures of one evaluation run. */
    public record Report(int articles, Map<String, Score> themes, Map<String, Score> mentions, Score pairs, int noThemeArticles,
                         int noThemeTagged, int directionJudged, int directionRight, List<Miss> misses) {
        public double macroF1() {
            return themes.values().stream().mapToDouble(Score::f1).average().orElse(0);
        }

        public double mentionMacroF1() {
            return mentions.values().stream().mapToDouble(Score::f1).average().orElse(0);
        }

        public double noThemeFalsePositiveRate() {
            return noThemeArticles == 0 ? 0 : (double) noThemeTagged / noThemeArticles;
        }

        public double minThemeF1() {
            return themes.values().stream().mapToDouble(Score::f1).min().orElse(0);
        }

        /** Accuracy on the articles labelled with a theme or a pair. */
        public double directionAccuracy() {
            return directionJudged == 0 ? 0 : (double) directionRight / directionJudged;
        }

        /** Every figure of {@link #FIGURES}, by name. */
        public Map<String, Double> figures() {
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("macro_f1", macroF1());
            figures.put("min_theme_f1", minThemeF1());
            figures.put("mention_macro_f1", mentionMacroF1());
            figures.put("pair_f1", pairs.f1());
            figures.put("direction_accuracy", directionAccuracy());
            figures.put("no_theme_fp_rate", noThemeFalsePositiveRate());
            return figures;
        }
    }

    /** A figure over the folds of a cross-validation. */
    public record Spread(double mean, double standardDeviation, double min, double max) {
        static Spread of(List<Double> values) {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, values.size() - 1);
            return new Spread(mean, Math.sqrt(variance), values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
    }

    /**
     * The figures of a k-fold cross-validation, each as a spread over the folds of every
     * repetition ({@code repeats} assignments of the articles to folds).
     */
    public record CrossValidation(int folds, int repeats, Map<String, Spread> figures) {
    }

    private Evaluation() {
    }

    public static Report run(Tagger tagger, List<LabelledArticle> labelled) {
        List<String> themeIds = tagger.taxonomy().themeIds();
        Map<String, Score> themes = zeroScores(themeIds);
        Map<String, Score> mentions = zeroScores(themeIds);
        Score pairs = Score.ZERO;
        int noTheme = 0;
        int noThemeTagged = 0;
        int directionJudged = 0;
        int directionRight = 0;
        List<Miss> misses = new ArrayList<>();
        for (LabelledArticle item : labelled) {
            ArticleTags tags = tagger.tag(item.article());
            Set<String> predictedThemes = ids(tags.themes());
            Set<String> predictedMentions = ids(tags.mentions());
            Set<String> predictedPairs = new TreeSet<>(tags.pairs().stream().map(PairMatch::pair).toList());
            themes.replaceAll((id, score) -> score.plus(predictedThemes, item.themes(), id));
            mentions.replaceAll((id, score) -> score.plus(predictedMentions, item.mentions(), id));
            pairs = pairs.plusAll(predictedPairs, item.pairs());
            if (item.themes().isEmpty()) {
                noTheme++;
                noThemeTagged += predictedThemes.isEmpty() ? 0 : 1;
            }
            Direction judged = item.directionJudged() ? item.direction() : tags.direction();
            if (item.directionJudged()) {
                directionJudged++;
                directionRight += tags.direction() == item.direction() ? 1 : 0;
            }
            Miss miss = new Miss(item.article().id(), minus(item.themes(), predictedThemes), minus(predictedThemes, item.themes()),
                    minus(item.mentions(), predictedMentions), minus(predictedMentions, item.mentions()),
                    minus(item.pairs(), predictedPairs), minus(predictedPairs, item.pairs()), judged, tags.direction());
            if (miss.any()) {
                misses.add(miss);
            }
        }
        return new Report(labelled.size(), themes, mentions, pairs, noTheme, noThemeTagged, directionJudged, directionRight, misses);
    }

    /** One k-fold cross-validation: {@link #crossValidate(Function, List, int, int)} with one repetition. */
    public static CrossValidation crossValidate(Function<List<LabelledArticle>, Tagger> fit, List<LabelledArticle> labelled, int k) {
        return crossValidate(fit, labelled, k, 1);
    }

    /**
     * Fits a tagger with {@code fit} on all folds but one and scores the one left out, for each of
     * {@code k} folds, and does so again for each of {@code repeats} assignments of the articles to
     * folds. An article's fold is a hash of its id (and of the repetition after the first), so folds
     * do not depend on file order. One assignment's mean moves by an article or two with any change
     * to the training rows; the mean over several tells a real change from that noise.
     */
    public static CrossValidation crossValidate(Function<List<LabelledArticle>, Tagger> fit, List<LabelledArticle> labelled, int k,
                                                int repeats) {
        if (k < 2 || k > labelled.size()) {
            throw new IllegalArgumentException("folds must be between 2 and the number of articles (" + labelled.size() + "), not " + k);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be 1 or more, not " + repeats);
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        FIGURES.forEach(name -> values.put(name, new ArrayList<>()));
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (int fold = 0; fold < k; fold++) {
                List<LabelledArticle> training = new ArrayList<>();
                List<LabelledArticle> held = new ArrayList<>();
                for (LabelledArticle item : labelled) {
                    (foldOf(item, k, repeat) == fold ? held : training).add(item);
                }
                run(fit.apply(training), held).figures().forEach((name, value) -> values.get(name).add(value));
            }
        }
        Map<String, Spread> figures = new LinkedHashMap<>();
        values.forEach((name, list) -> figures.put(name, Spread.of(list)));
        return new CrossValidation(k, repeats, figures);
    }

    static int foldOf(LabelledArticle item, int k) {
        return foldOf(item, k, 0);
    }

    /** The article's fold in repetition {@code repeat}; the first repetition hashes the id alone, as the floors were set on it. */
    static int foldOf(LabelledArticle item, int k, int repeat) {
        String key = repeat == 0 ? item.article().id() : item.article().id() + "#" + repeat;
        // String.hashCode is specified by the language, so folds are the same on every JVM; the mix spreads similar ids.
        int hash = key.hashCode() * 0x9E3779B1;
        return Math.floorMod(hash ^ (hash >>> 16), k);
    }

    private static Map<String, Score> zeroScores(List<String> themeIds) {
        Map<String, Score> scores = new LinkedHashMap<>();
        themeIds.forEach(id -> scores.put(id, Score.ZERO));
        return scores;
    }

    private static Set<String> ids(List<ThemeMatch> matches) {
        return new TreeSet<>(matches.stream().map(ThemeMatch::theme).toList());
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
