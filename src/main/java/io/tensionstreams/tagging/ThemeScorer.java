package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which themes an article is substantively about.
 *
 * <p>Each occurrence of a theme's term counts its weight when its context rules hold (a needed
 * group nearby, no cancelling group nearby). Repeats of one phrase count less each time (the k-th
 * counts 1/k), so that a word said ten times is not ten pieces of evidence; a term in the title
 * counts half again. The theme is reported when the weighted evidence reaches the theme's
 * {@code minWeight} and spans at least {@code minSentences} sentences: one sentence listing
 * "Taiwan, the South China Sea and Ukraine" as agenda items makes none of them.
 */
final class ThemeScorer {
    private static final int CONTEXT_RADIUS = 1;
    private static final double TITLE_BOOST = 1.5;
    private static final int MAX_EVIDENCE = 12;

    /** A theme's evidence in one article; {@code on} when it is substantive. */
    record ThemeEvidence(int theme, double weight, BitSet sentences, List<ArticleScan.Match> hits, boolean on, double score) {
    }

    private ThemeScorer() {
    }

    static List<ThemeEvidence> score(ArticleScan scan, Taxonomy taxonomy) {
        List<ThemeDefinition> themes = taxonomy.themes();
        List<List<ArticleScan.Match>> hits = new ArrayList<>();
        themes.forEach(theme -> hits.add(new ArrayList<>()));
        for (ArticleScan.Match match : scan.leftmostLongest(role -> role instanceof Lexicon.ThemeTerm)) {
            for (Lexicon.Role role : scan.rolesOf(match)) {
                if (role instanceof Lexicon.ThemeTerm term && contextHolds(scan, match, term, themes)) {
                    hits.get(term.theme()).add(match);
                }
            }
        }
        List<ThemeEvidence> evidence = new ArrayList<>();
        for (int t = 0; t < themes.size(); t++) {
            evidence.add(weigh(scan, t, themes.get(t), hits.get(t)));
        }
        return evidence;
    }

    private static boolean contextHolds(ArticleScan scan, ArticleScan.Match match, Lexicon.ThemeTerm term, List<ThemeDefinition> themes) {
        ThemeDefinition.Term definition = themes.get(term.theme()).terms().get(term.term());
        boolean needed = definition.needs().isEmpty() || scan.near(match.sentence(), CONTEXT_RADIUS,
                role -> role instanceof Lexicon.ThemeContext context && context.theme() == term.theme() && definition.needs().contains(context.group()));
        boolean cancelled = !definition.unless().isEmpty() && scan.near(match.sentence(), CONTEXT_RADIUS,
                role -> role instanceof Lexicon.ThemeContext context && context.theme() == term.theme() && definition.unless().contains(context.group()));
        return needed && !cancelled;
    }

    private static ThemeEvidence weigh(ArticleScan scan, int index, ThemeDefinition theme, List<ArticleScan.Match> hits) {
        Map<Integer, Integer> repeats = new HashMap<>();
        BitSet sentences = new BitSet();
        double weight = 0;
        for (ArticleScan.Match hit : hits) {
            int seen = repeats.merge(hit.phrase(), 1, Integer::sum);
            double base = termWeight(scan, hit, index);
            weight += base / seen * (hit.sentence() == 0 ? TITLE_BOOST : 1.0);
            sentences.set(hit.sentence());
        }
        boolean on = weight >= theme.minWeight() && sentences.cardinality() >= theme.minSentences();
        double score = weight / (weight + theme.minWeight());
        List<ArticleScan.Match> shown = hits.size() > MAX_EVIDENCE ? hits.subList(0, MAX_EVIDENCE) : hits;
        return new ThemeEvidence(index, weight, sentences, List.copyOf(shown), on, score);
    }

    private static double termWeight(ArticleScan scan, ArticleScan.Match hit, int theme) {
        double weight = 0;
        for (Lexicon.Role role : scan.rolesOf(hit)) {
            if (role instanceof Lexicon.ThemeTerm term && term.theme() == theme) {
                weight = Math.max(weight, term.weight());
            }
        }
        return weight;
    }
}
