package io.tensionstreams.tagging;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pair model reads about a candidate pair: how often and how tightly sentences tie the
 * two countries, whether those sentences carry cues or theme evidence, whether the title or the
 * article's principal parties are involved, how salient each country is, whether the two are named
 * side by side as an event's source and target are, and whether they are the two sides of a
 * substantive theme.
 */
final class PairFeatures {
    static final List<String> NAMES = List.of("ties", "signal_ties", "links", "named_together", "in_title", "both_principal",
            "one_principal", "weaker_salience", "stronger_salience", "largest_list", "cue_weight", "countries", "both_named",
            "article_cues", "article_themes", "voiced", "adjacent", "adjacent_cue", "theme_sides", "addressed");

    /**
     * What the article as a whole says about its candidates; countries and pairs are
     * {@link CountryCodes} numbers and keys.
     *
     * @param principals    the article's principal countries (of the title, and the most mentioned)
     * @param mentionCounts in how many sentences each country is named, by number
     * @param countries     how many countries are named at all
     * @param articleCues   the article's total cue weight: a weather report or a museum feature has
     *                      countries but almost no cues, and so no pairs
     * @param articleThemes how many themes the article mentions
     * @param adjacent      the pairs named side by side ({@link AdjacentMentions})
     * @param themeSides    the pairs of the two sides of each substantive theme
     */
    record Article(BitSet principals, int[] mentionCounts, int countries, double articleCues, int articleThemes,
                   Map<Integer, AdjacentMentions.Counts> adjacent, Set<Integer> themeSides) {
    }

    private PairFeatures() {
    }

    static double[] of(int pair, PairFinder.Tally tally, Article article, CountryCodes codes) {
        int a = codes.first(pair);
        int b = codes.second(pair);
        int principalCount = (article.principals().get(a) ? 1 : 0) + (article.principals().get(b) ? 1 : 0);
        int countA = article.mentionCounts()[a];
        int countB = article.mentionCounts()[b];
        AdjacentMentions.Counts adjacent = article.adjacent().get(pair);
        return new double[] {
                Math.log1p(tally.ties), Math.log1p(tally.signalTies), Math.log1p(tally.links), Math.log1p(tally.namedTogether),
                tally.inTitle ? 1 : 0, principalCount == 2 ? 1 : 0, principalCount == 1 ? 1 : 0,
                Math.log1p(Math.min(countA, countB)), Math.log1p(Math.max(countA, countB)),
                tally.largestList == 0 ? 0 : Math.log(Math.max(2, tally.largestList)),
                Math.log1p(tally.escalation + tally.deescalation), Math.log(Math.max(1, article.countries())),
                Math.log1p(tally.bothNamed), Math.log1p(article.articleCues()), article.articleThemes(), Math.log1p(tally.voiced),
                adjacent == null ? 0 : Math.log1p(adjacent.sentences().cardinality()),
                adjacent == null ? 0 : Math.log1p(adjacent.withCue().cardinality()),
                article.themeSides().contains(pair) ? 1 : 0, Math.log1p(tally.addressed)};
    }
}
