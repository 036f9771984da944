package io.tensionstreams.tagging;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pair model reads about a candidate pair: how often and how tightly sentences tie the
 * two countries, whether those sentences carry cues or theme evidence, whether the title or the
 * article's principal parties are involved, and how salient each country is.
 */
final class PairFeatures {
    static final List<String> NAMES = List.of("ties", "signal_ties", "links", "named_together", "in_title", "both_principal",
            "one_principal", "weaker_salience", "stronger_salience", "largest_list", "cue_weight", "countries", "both_named", "article_cues", "article_themes", "voiced");

    private PairFeatures() {
    }

    /**
     * @param articleCues   the article's total cue weight: a weather report or a museum feature has
     *                      countries but almost no cues, and so no pairs
     * @param articleThemes how many themes the article mentions
     */
    static double[] of(String pair, PairFinder.Tally tally, Set<String> principals, Map<String, Integer> mentionCounts,
                       double articleCues, int articleThemes) {
        String a = pair.substring(0, pair.indexOf('-'));
        String b = pair.substring(pair.indexOf('-') + 1);
        int principalCount = (principals.contains(a) ? 1 : 0) + (principals.contains(b) ? 1 : 0);
        int countA = mentionCounts.getOrDefault(a, 0);
        int countB = mentionCounts.getOrDefault(b, 0);
        return new double[] {
                Math.log1p(tally.ties), Math.log1p(tally.signalTies), Math.log1p(tally.links), Math.log1p(tally.namedTogether),
                tally.inTitle ? 1 : 0, principalCount == 2 ? 1 : 0, principalCount == 1 ? 1 : 0,
                Math.log1p(Math.min(countA, countB)), Math.log1p(Math.max(countA, countB)),
                tally.largestList == 0 ? 0 : Math.log(Math.max(2, tally.largestList)),
                Math.log1p(tally.escalation + tally.deescalation), Math.log(Math.max(1, mentionCounts.size())),
                Math.log1p(tally.bothNamed), Math.log1p(articleCues), articleThemes, Math.log1p(tally.voiced)};
    }
}
