package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Weighs the escalation and de-escalation cues of each sentence. A negation a few words before a
 * cue cancels it ("did not attack", "no plans to invade"); a hedge damps it ("could", "if"); a
 * reversal turns it around ("suspended talks" escalates, "called off the drills" de-escalates).
 */
final class CueScorer {

    /** Cues of this weight or more are strong (an attack, a ceasefire); the rest are ordinary (a warning, a meeting). */
    static final double STRONG = 2.0;

    /** How far back in its clause a demand keeps a reversal from acting: "there should be an immediate and lasting halt". */
    private static final int DEMAND_REACH = 8;

    /** A form of "be" right before a reversal: the passive, whose subject is what is reversed. */
    private static final Pattern PASSIVE = Pattern.compile("(?i)\\b(?:was|were|been|be|is|are|being)\\s+$");

    /**
     * The cue totals of every sentence, and the cues behind them; {@code strongEscalation} and
     * {@code strongDeescalation} hold the part of the totals that strong cues make.
     */
    record SentenceCues(double[] escalation, double[] deescalation, double[] strongEscalation, double[] strongDeescalation,
                        List<List<ArticleScan.Match>> cues) {
        double escalationIn(int sentence) {
            return escalation[sentence];
        }

        double deescalationIn(int sentence) {
            return deescalation[sentence];
        }
    }

    private CueScorer() {
    }

    static SentenceCues score(ArticleScan scan, CueDefinitions definitions) {
        int count = scan.sentences.count();
        double[] escalation = new double[count];
        double[] deescalation = new double[count];
        double[] strongEscalation = new double[count];
        double[] strongDeescalation = new double[count];
        List<List<ArticleScan.Match>> cues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cues.add(new ArrayList<>());
        }
        BitSet withReversal = sentencesWithReversal(scan);
        for (ArticleScan.Match match : scan.leftmostLongest(role -> role instanceof Lexicon.Cue)) {
            double factor = modifierFactor(scan, match, definitions);
            if (factor == 0) {
                continue;
            }
            boolean reversed = withReversal.get(match.sentence()) && reversed(scan, match, definitions.reversals());
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
        return new SentenceCues(escalation, deescalation, strongEscalation, strongDeescalation, cues);
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

    /** The sentences holding a reversal: most hold none, and their cues need no look for one. */
    private static BitSet sentencesWithReversal(ArticleScan scan) {
        BitSet sentences = new BitSet();
        for (ArticleScan.Match match : scan.matches) {
            if (has(scan, match, Lexicon.Reversal.class)) {
                sentences.set(match.sentence());
            }
        }
        return sentences;
    }

    /**
     * Whether a reversal acts on the cue: at most its window of words before it ("suspended talks"),
     * or after it in the passive ("visits have been cancelled", "sanctions were lifted"), in the same
     * sentence, and not itself only demanded (a demand at most the window before the reversal).
     */
    private static boolean reversed(ArticleScan scan, ArticleScan.Match cue, CueDefinitions.Reversal rule) {
        for (ArticleScan.Match match : scan.inSentence(cue.sentence())) {
            if (!has(scan, match, Lexicon.Reversal.class)) {
                continue;
            }
            boolean before = match.end() <= cue.start() && scan.wordsBetween(match.start(), cue.start(), rule.window()) <= rule.window();
            boolean passiveAfter = match.start() >= cue.end() && scan.wordsBetween(cue.start(), match.start(), rule.window()) <= rule.window()
                    && PASSIVE.matcher(scan.text.substring(Math.max(cue.end(), match.start() - 12), match.start())).find();
            if (before || passiveAfter) {
                return !demanded(scan, match, rule);
            }
        }
        return false;
    }

    /**
     * Whether the reversal is only asked for: a demand (a word or two: "urged", "called on", "should")
     * in its clause before it, at most {@link #DEMAND_REACH} words back; "to" at most three words before it ("to halt",
     * "to immediately halt"); or the reversal opening its clause in the base form, an imperative
     * ("Halt land reclamation", "US to China: stop the drills").
     */
    private static boolean demanded(ArticleScan scan, ArticleScan.Match reversal, CueDefinitions.Reversal rule) {
        List<String> before = NearbyWords.before(scan.text, reversal.start(), DEMAND_REACH);
        if (before.isEmpty()) {
            return isBaseForm(scan.text.substring(reversal.start(), reversal.end()));
        }
        for (int i = 0; i < before.size(); i++) {
            if ("to".equals(before.get(i)) && i < 3) {
                return true;
            }
            if (rule.demands().contains(before.get(i)) || i + 1 < before.size() && rule.demands().contains(before.get(i + 1) + " " + before.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBaseForm(String phrase) {
        String verb = phrase.split(" ")[0].toLowerCase(java.util.Locale.ROOT);
        return !(verb.endsWith("ed") || verb.endsWith("ing") || verb.endsWith("s") || verb.equals("froze") || verb.equals("broke")
                || verb.equals("withdrew") || verb.equals("frozen") || verb.equals("broken"));
    }

    private static boolean has(ArticleScan scan, ArticleScan.Match match, Class<? extends Lexicon.Role> kind) {
        for (Lexicon.Role role : scan.rolesOf(match)) {
            if (kind.isInstance(role)) {
                return true;
            }
        }
        return false;
    }
}
