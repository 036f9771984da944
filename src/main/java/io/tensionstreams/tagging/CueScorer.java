package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Weighs the escalation and de-escalation cues of each sentence. A negation a few words before a
 * cue cancels it ("did not attack", "no plans to invade"); a hedge damps it ("could", "if"); a
 * reversal turns it around ("suspended talks" escalates, "called off the drills" de-escalates).
 */
final class CueScorer {

    /** Cues of this weight or more are strong (an attack, a ceasefire); the rest are ordinary (a warning, a meeting). */
    static final double STRONG = 2.0;

    /**
     * The cue totals of every sentence, and the cues behind them; {@code strongEscalation} and
     * {@code strongDeescalation} hold the part of the totals that strong cues make. {@code easing},
     * {@code strongEasing}, {@code rising} and {@code strongRising} are the same totals without the
     * sentences of alliance business ({@link Partnerships}): partners agreeing to talk, or to
     * exercise and deter together, are tied as a pair, but neither ease nor raise a tension, so
     * direction reads these.
     */
    record SentenceCues(double[] escalation, double[] deescalation, double[] strongEscalation, double[] strongDeescalation,
                        List<List<ArticleScan.Match>> cues, double[] easing, double[] strongEasing, double[] rising,
                        double[] strongRising) {
        double escalationIn(int sentence) {
            return escalation[sentence];
        }

        double deescalationIn(int sentence) {
            return deescalation[sentence];
        }
    }

    private CueScorer() {
    }

    /** @param alliance sentences of alliance business ({@link Partnerships}), where de-escalation cues do not count */
    static SentenceCues score(ArticleScan scan, CueDefinitions definitions, BitSet alliance) {
        int count = scan.sentences.count();
        double[] escalation = new double[count];
        double[] deescalation = new double[count];
        double[] strongEscalation = new double[count];
        double[] strongDeescalation = new double[count];
        List<List<ArticleScan.Match>> cues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cues.add(new ArrayList<>());
        }
        BitSet withReversal = Reversals.sentencesWithOne(scan);
        BitSet withHazard = sentencesWithHazard(scan);
        for (ArticleScan.Match match : scan.leftmostLongest(Lexicon.Kind.CUE)) {
            double factor = withHazard.get(match.sentence()) ? 0 : modifierFactor(scan, match, definitions);
            if (factor == 0) {
                continue;
            }
            boolean reversed = withReversal.get(match.sentence()) && Reversals.actOn(scan, match, definitions.reversals());
            for (Lexicon.Role role : scan.rolesOf(match)) {
                if (role instanceof Lexicon.Cue cue) {
                    boolean escalates = cue.escalation() != reversed;
                    double[] totals = escalates ? escalation : deescalation;
                    totals[match.sentence()] += cue.weight() * factor;
                    if (cue.weight() >= STRONG) {
                        (escalates ? strongEscalation : strongDeescalation)[match.sentence()] += cue.weight() * factor;
                    }
                    cues.get(match.sentence()).add(match);
                    break;
                }
            }
        }
        BitSet between = (BitSet) alliance.clone();
        between.flip(0, count);
        return new SentenceCues(escalation, deescalation, strongEscalation, strongDeescalation, cues, only(deescalation, between),
                only(strongDeescalation, between), only(escalation, between), only(strongEscalation, between));
    }

    /** A copy of {@code totals} with every sentence not in {@code sentences} at zero. */
    private static double[] only(double[] totals, BitSet sentences) {
        double[] kept = new double[totals.length];
        for (int s = sentences.nextSetBit(0); s >= 0 && s < totals.length; s = sentences.nextSetBit(s + 1)) {
            kept[s] = totals[s];
        }
        return kept;
    }

    private static BitSet sentencesWithHazard(ArticleScan scan) {
        BitSet sentences = new BitSet();
        for (ArticleScan.Match match : scan.matches) {
            if (scan.plays(match, Lexicon.Kind.HAZARD)) {
                sentences.set(match.sentence());
            }
        }
        return sentences;
    }

    private static double modifierFactor(ArticleScan scan, ArticleScan.Match cue, CueDefinitions definitions) {
        double factor = 1.0;
        for (ArticleScan.Match match : scan.inSentence(cue.sentence())) {
            if (match.start() >= cue.start()) {
                continue;
            }
            for (Lexicon.Role role : scan.rolesOf(match)) {
                if (role instanceof Lexicon.Modifier modifier) {
                    CueDefinitions.Modifier rule = modifier.negation() ? definitions.negation() : definitions.hedges();
                    if (scan.wordsBetween(match.start(), cue.start(), rule.window()) <= rule.window()) {
                        factor = Math.min(factor, rule.factor());
                    }
                }
            }
        }
        return factor;
    }
}
