package io.tensionstreams.tagging;

import io.tensionstreams.tagging.NearbyWords.WordList;

/**
 * Tells a place named as what the news is about from a place that only labels something else: an
 * official's portfolio ("the deputy assistant secretary of defense for China, Taiwan and Mongolia",
 * "the special envoy for Ukraine") or a company's nationality ("the Taiwanese chip giant", "a Taiwan
 * semiconductor foundry"). Offices and companies exist whatever the news is, so such a place is no
 * evidence of its theme, as the Taiwan Affairs Office is no evidence of cross-Strait tension.
 *
 * <p>Runs for every place a theme counts, so it compares the words around the name in place,
 * without copying them: copying and lower-casing them cost the tagger a fifth of its speed.
 */
final class PlaceLabels {
    /** Words before the name that the rule reads: "for", a list of up to three places, an office up to three words before "for". */
    private static final int WORDS_BEFORE = 7;
    /** How many listed places may stand between "for" and the name: "for China, Taiwan and". */
    private static final int LIST_GAP = 3;
    /** How far before "for" the office may stand: "secretary of defense for". */
    private static final int OFFICE_GAP = 3;
    private static final WordList OFFICES = new WordList("secretary", "envoy", "coordinator", "director", "representative", "desk",
            "adviser", "advisor", "czar", "office", "bureau", "department", "ministry", "minister", "commissioner");
    /** Words that make the place before them a company's nationality: "Taiwanese chip giant", "Taiwan semiconductor foundry". */
    private static final WordList BUSINESS = new WordList("company", "companies", "firm", "firms", "chipmaker", "chipmakers", "foundry",
            "foundries", "giant", "giants", "manufacturer", "manufacturers", "conglomerate", "electronics", "semiconductor", "chip",
            "chips", "tech", "businessman", "businessmen", "exporter", "exporters", "brand", "startup", "investor", "investors");

    private PlaceLabels() {
    }

    /** Whether the place at {@code [start, end)} of {@code text} only labels an office or a company. */
    static boolean isLabel(String text, int start, int end) {
        return nextWordIsBusiness(text, end) || isPortfolio(text, start);
    }

    private static boolean nextWordIsBusiness(String text, int end) {
        int from = NearbyWords.nextWordStart(text, end);
        int to = NearbyWords.wordEnd(text, from);
        return NearbyWords.isAnyOf(text, from, to, BUSINESS);
    }

    /** "secretary ... for Taiwan", "envoy for China, Taiwan and". */
    private static boolean isPortfolio(String text, int start) {
        NearbyWords.WordsBefore before = new NearbyWords.WordsBefore(text, start, WORDS_BEFORE);
        for (int i = 0; i <= LIST_GAP && before.has(i); i++) {
            if (before.is(i, "for")) {
                for (int j = i + 1; j <= i + OFFICE_GAP && before.has(j); j++) {
                    if (before.isAnyOf(j, OFFICES)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }
}
