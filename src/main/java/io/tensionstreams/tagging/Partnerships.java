package io.tensionstreams.tagging;

import java.util.BitSet;
import java.util.List;

/**
 * Finds the sentences that are alliance business: every party they concern belongs to one standing
 * alliance or partnership ({@code partners:} in actors.yaml), and there are two or more. "The
 * ministers reaffirmed their commitment to deepen cooperation" in an Australia-Japan-US statement
 * and a US-Vietnam readout on war-legacy work are cooperation inside a partnership, not the easing
 * of a tension: event coders would code them as cooperation, but a tension index that read them as
 * de-escalation would call every allied meeting a thaw. Nor is "the ministers agreed to expand
 * trilateral exercises and strengthen deterrence" a rise in tension: it names no rival. A sentence
 * that names the rival ("concern at North Korea's launches") has a party outside the bloc and is
 * no alliance business. A sentence's parties are the countries it
 * names and, where the joint authors speak as one ({@link JointVoice}), the authors.
 */
final class Partnerships {
    private Partnerships() {
    }

    /** The sentences of alliance business, given the countries each sentence names ({@link CountryCodes} numbers). */
    static BitSet sentences(List<BitSet> named, JointVoice.Voice voice, CountryCodes codes) {
        BitSet alliance = new BitSet();
        if (codes.blocs().isEmpty()) {
            return alliance;
        }
        BitSet parties = new BitSet();
        for (int s = 0; s < named.size(); s++) {
            parties.clear();
            parties.or(named.get(s));
            if (voice.speaksAsOne(s)) {
                parties.or(voice.authors());
            }
            if (parties.cardinality() >= 2 && oneBloc(parties, codes.blocs())) {
                alliance.set(s);
            }
        }
        return alliance;
    }

    private static boolean oneBloc(BitSet parties, List<BitSet> blocs) {
        for (BitSet bloc : blocs) {
            if (CountryCodes.containsAll(bloc, parties)) {
                return true;
            }
        }
        return false;
    }
}
