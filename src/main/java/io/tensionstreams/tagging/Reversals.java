package io.tensionstreams.tagging;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reversals: actions that end or undo what the cue next to them names, so the cue counts the other
 * way ("suspended talks" escalates, "called off the drills" de-escalates), unless the reversal is
 * only asked for ("urged Moscow to halt the strikes" is pressure, not a halt).
 */
final class Reversals {
    /** How far back in its clause a demand keeps a reversal from acting: "there should be an immediate and lasting halt". */
    private static final int DEMAND_REACH = 8;
    /** A form of "be" right before a reversal: the passive, whose subject is what is reversed. */
    private static final Pattern PASSIVE = Pattern.compile("(?i)\\b(?:was|were|been|be|is|are|being)\\s+$");

    private Reversals() {
    }

    /** The sentences holding a reversal: most hold none, and their cues need no look for one. */
    static BitSet sentencesWithOne(ArticleScan scan) {
        BitSet sentences = new BitSet();
        for (ArticleScan.Match match : scan.matches) {
            if (scan.plays(match, Lexicon.Kind.REVERSAL)) {
                sentences.set(match.sentence());
            }
        }
        return sentences;
    }

    /**
     * Whether a reversal acts on the cue: at most its window of words before it ("suspended talks"),
     * or after it in the passive ("visits have been cancelled", "sanctions were lifted"), in the same
     * sentence, and not itself only demanded ({@link #demanded}).
     */
    static boolean actOn(ArticleScan scan, ArticleScan.Match cue, CueDefinitions.Reversal rule) {
        for (ArticleScan.Match match : scan.inSentence(cue.sentence())) {
            if (!scan.plays(match, Lexicon.Kind.REVERSAL)) {
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
     * in its clause before it, at most {@link #DEMAND_REACH} words back; or the reversal opening its
     * clause in the base form, an imperative ("Halt land reclamation", "US to China: stop the drills").
     * An infinitive alone is no demand: "agreed to lift the sanctions" and "tries to move past the
     * dispute" are the party's own decision or effort.
     */
    private static boolean demanded(ArticleScan scan, ArticleScan.Match reversal, CueDefinitions.Reversal rule) {
        List<String> before = NearbyWords.before(scan.text, reversal.start(), DEMAND_REACH);
        if (before.isEmpty()) {
            return isBaseForm(scan.text.substring(reversal.start(), reversal.end()));
        }
        for (int i = 0; i < before.size(); i++) {
            if (rule.demands().contains(before.get(i)) || i + 1 < before.size() && rule.demands().contains(before.get(i + 1) + " " + before.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBaseForm(String phrase) {
        String verb = phrase.split(" ")[0].toLowerCase(Locale.ROOT);
        return !(verb.endsWith("ed") || verb.endsWith("ing") || verb.endsWith("s") || verb.equals("froze") || verb.equals("broke")
                || verb.equals("withdrew") || verb.equals("frozen") || verb.equals("broken"));
    }
}
