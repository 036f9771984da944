package io.tensionstreams.tagging;

import java.util.BitSet;
import java.util.List;

/**
 * Who speaks in a joint statement or a meeting's readout, and where. Such a text names its parties
 * once, in the title or the lead ("The foreign ministers of Australia, Japan and the United States
 * met..."), and then speaks for them together ("We reaffirm...", "The ministers expressed concern
 * at North Korea's launches", "the two sides agreed"): each such sentence is a statement of all of
 * them, though it names none. Event coders resolve "the two sides" the same way, from the title,
 * the dateline or the sentence before.
 */
final class JointVoice {
    /** The lead sentence: the first after the title. */
    static final int LEAD = 1;

    private JointVoice() {
    }

    /**
     * The countries named in the title and the lead, when they are two or more; otherwise none,
     * as one country's "we" is that country alone.
     */
    static BitSet authors(List<BitSet> namedBySentence) {
        BitSet authors = new BitSet();
        for (int s = 0; s <= LEAD && s < namedBySentence.size(); s++) {
            authors.or(namedBySentence.get(s));
        }
        return authors.cardinality() >= 2 ? authors : new BitSet();
    }

    /** The sentences after the lead that speak as one: those holding a collective subject of actors.yaml. */
    static BitSet sentences(ArticleScan scan) {
        BitSet voiced = new BitSet();
        for (int s = LEAD + 1; s < scan.sentences.count(); s++) {
            for (ArticleScan.Match match : scan.inSentence(s)) {
                if (scan.plays(match, Lexicon.Kind.COLLECTIVE)) {
                    voiced.set(s);
                    break;
                }
            }
        }
        return voiced;
    }
}
