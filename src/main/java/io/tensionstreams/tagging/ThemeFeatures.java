package io.tensionstreams.tagging;

import java.util.List;

/**
 * What the theme model reads about a mentioned theme: how much evidence, how widely spread
 * outside agenda lists, whether the title and the lead carry it, how much of it names the theme
 * outright, and how it compares with the article's other themes (the one a readout is really
 * about outweighs the ones it lists). The rules' own verdict is a feature too.
 */
final class ThemeFeatures {
    static final List<String> NAMES = List.of("weight", "own_sentences", "sentences", "in_title", "in_lead", "strong_hits",
            "sentence_share", "rule_on");

    private ThemeFeatures() {
    }

    static double[] of(ThemeScorer.ThemeEvidence theme, List<ThemeScorer.ThemeEvidence> all, int sentenceCount) {
        ThemeScorer.Shape shape = theme.shape();
        return new double[] {
                Math.log1p(theme.weight()), Math.log1p(shape.ownSentences()), Math.log1p(theme.sentences().cardinality()),
                shape.inTitle() ? 1 : 0, shape.inLead() ? 1 : 0, Math.log1p(shape.strongHits()),
                (double) theme.sentences().cardinality() / Math.max(1, sentenceCount),
                shape.ruleSaysOn() ? 1 : 0};
    }
}
