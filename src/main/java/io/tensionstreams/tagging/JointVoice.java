package io.tensionstreams.tagging;

import java.util.Arrays;
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
    private static final int NO_SUBJECT = -1;
    /** The pronoun that carries a readout on: "The ministers condemned the launch. They called on...". */
    private static final String CONTINUING = "They ";

    private JointVoice() {
    }

    /**
     * An article's joint authors and where they speak as one: read once per article, for the
     * alliance sentences of direction ({@link Partnerships}) and for the pairs ({@link PairFinder}).
     *
     * @param authors  the countries named in the title and the lead, when they are two or more;
     *                 otherwise none, as one country's "we" is that country alone
     * @param subjects for each sentence that speaks as one, where the words that say who speaks end
     *                 (a collective subject, or a readout's "They"); -1 for the others, and for
     *                 every sentence when there are no joint authors
     */
    record Voice(BitSet authors, int[] subjects) {
        /** Whether sentence {@code s} speaks for all the authors. */
        boolean speaksAsOne(int s) {
            return subjects[s] != NO_SUBJECT;
        }
    }

    /** The joint voice of an article, given the countries each sentence names ({@link CountryCodes} numbers). */
    static Voice of(ArticleScan scan, List<BitSet> namedBySentence) {
        BitSet authors = authors(namedBySentence);
        int[] subjects = new int[scan.sentences.count()];
        Arrays.fill(subjects, NO_SUBJECT);
        return new Voice(authors, authors.isEmpty() ? subjects : subjects(scan, subjects));
    }

    private static BitSet authors(List<BitSet> namedBySentence) {
        BitSet authors = new BitSet();
        for (int s = 0; s <= LEAD && s < namedBySentence.size(); s++) {
            authors.or(namedBySentence.get(s));
        }
        return authors.cardinality() >= 2 ? authors : new BitSet();
    }

    /**
     * Fills in, for each sentence after the lead that speaks as one, the end of the words that say
     * who speaks: a collective subject of actors.yaml, or a sentence-opening "They" right after such
     * a sentence, as a readout goes on. The other sentences keep -1.
     */
    private static int[] subjects(ArticleScan scan, int[] subjects) {
        for (int s = LEAD + 1; s < subjects.length; s++) {
            for (ArticleScan.Match match : scan.inSentence(s)) {
                if (scan.plays(match, Lexicon.Kind.COLLECTIVE)) {
                    subjects[s] = match.end();
                    break;
                }
            }
            int start = scan.sentences.span(s).start();
            if (subjects[s] == NO_SUBJECT && subjects[s - 1] != NO_SUBJECT && scan.text.startsWith(CONTINUING, start)) {
                subjects[s] = start + CONTINUING.length() - 1;
            }
        }
        return subjects;
    }

    /**
     * The country a sentence that speaks as one acts on: the first named after its subject, with a
     * cue between the two ("The ministers condemned North Korea's launches", "They called upon the
     * PRC to abide by the award"). Event coders take the nearest actor after the verb as its target.
     * The subject comes before the verb: a collective word after a cue is the verb's object ("Havana
     * continues to threaten our security"), and nobody speaks as one there. Its {@link CountryCodes}
     * number; -1 when a cue comes before the subject, the sentence names no country after it, or
     * the first has no cue before it.
     *
     * @param subjectEnd where the subject ends ({@link Voice#subjects})
     * @param mentions   the sentence's country mentions, in order
     */
    static int addressee(int subjectEnd, List<CountryMentions.Mention> mentions, List<ArticleScan.Match> cues, CountryCodes codes) {
        if (AdjacentMentions.cueBetween(cues, 0, subjectEnd)) {
            return NO_SUBJECT;
        }
        for (CountryMentions.Mention mention : mentions) {
            if (mention.match().start() >= subjectEnd) {
                return AdjacentMentions.cueBetween(cues, subjectEnd, mention.match().start()) ? codes.ofCountry(mention.country()) : NO_SUBJECT;
            }
        }
        return NO_SUBJECT;
    }
}
