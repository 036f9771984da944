package io.tensionstreams.tagging;

import java.util.BitSet;
import java.util.List;

/**
 * What the direction model reads about a set of sentences (an article's relevant sentences, or
 * the sentences that tie one pair): its strong and ordinary cues of each kind, how widely they
 * spread, and the title's cues. Strong cues (a strike, a ceasefire, a release) and ordinary ones
 * (a warning, a meeting) are apart because diplomatic boilerplate is made of ordinary cues: the
 * model learns how little "met" and "discussed" say. The cues here are easing and rising: alliance
 * business, cooperation or deterrence among partners, is left out ({@link CueScorer.SentenceCues#easing},
 * {@link CueScorer.SentenceCues#rising}).
 */
final class DirectionFeatures {
    static final List<String> NAMES = List.of("strong_escalation", "ordinary_escalation", "strong_deescalation",
            "ordinary_deescalation", "title_escalation", "title_deescalation", "escalating_sentence_share",
            "deescalating_sentence_share", "article_escalation", "article_deescalation", "relevant_share", "lead_escalation", "lead_deescalation",
            "escalation_share");

    private DirectionFeatures() {
    }

    static double[] of(CueScorer.SentenceCues cues, BitSet sentences, int sentenceCount) {
        double strongE = 0;
        double strongD = 0;
        double allE = 0;
        double allD = 0;
        int escalating = 0;
        int deescalating = 0;
        for (int s = sentences.nextSetBit(0); s >= 0; s = sentences.nextSetBit(s + 1)) {
            strongE += cues.strongRising()[s];
            strongD += cues.strongEasing()[s];
            allE += cues.rising()[s];
            allD += cues.easing()[s];
            escalating += cues.rising()[s] > 0 ? 1 : 0;
            deescalating += cues.easing()[s] > 0 ? 1 : 0;
        }
        int size = Math.max(1, sentences.cardinality());
        return new double[] {
                Math.log1p(strongE), Math.log1p(allE - strongE), Math.log1p(strongD), Math.log1p(allD - strongD),
                Math.log1p(cues.rising()[0]), Math.log1p(cues.easing()[0]),
                (double) escalating / size, (double) deescalating / size,
                Math.log1p(sum(cues.rising())), Math.log1p(sum(cues.easing())),
                (double) sentences.cardinality() / Math.max(1, sentenceCount),
                Math.log1p(lead(cues.rising())), Math.log1p(lead(cues.easing())),
                (allE + 1) / (allE + allD + 2)};
    }

    /** The cues of the lead: the first two sentences after the title, where news puts what happened. */
    private static double lead(double[] values) {
        double total = 0;
        for (int s = 1; s <= Math.min(2, values.length - 1); s++) {
            total += values[s];
        }
        return total;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
