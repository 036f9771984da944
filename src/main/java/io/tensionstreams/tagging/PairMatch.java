package io.tensionstreams.tagging;

import java.util.List;

/**
 * Two countries the article presents as in tension or cooperation.
 *
 * @param pair         the codes sorted and joined by "-", such as CN-US
 * @param tension      how strongly the article ties the pair in tension, in [0, 1]
 * @param centrality   how sure the tagger is that the article is about this pair at all, in [0, 1],
 *                     whichever way it moves it: the weight of the article in the pair's intensity
 * @param escalation   weighted escalation cues in the sentences that tie the pair
 * @param deescalation weighted de-escalation cues in those sentences
 * @param themes       themes whose evidence shares sentences with the pair
 * @param evidence     the mentions and cues that tie the pair
 * @param direction    which way the article moves this pair, from the cues of its tying sentences
 */
public record PairMatch(String pair, String countryA, String countryB, double tension, double centrality, double escalation,
                        double deescalation, List<String> themes, List<Evidence> evidence, Direction direction) {

    public static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }
}
