package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the candidate country pairs of an article and what the pair model reads about each.
 *
 * <p>Two countries are tied by each sentence that names both (a theme's implied countries count
 * as named in the theme's sentences); a sentence naming k countries ties each of its pairs by
 * 1/(k-1). Articles also leave parties unnamed: a readout's author, or the subject of the title,
 * is the party to every statement after it ("condemned the PRC's coercion of the Philippines" in a
 * State Department release ties the US to both). So the article's principal countries (those in
 * the title, and the most-mentioned one) are also linked, more weakly, to every country named in a
 * sentence that carries a cue or theme evidence. The joint authors of a statement are tied in the
 * sentences where they speak as one ({@link JointVoice}). {@link TaggerModel} decides which
 * candidates are pairs.
 */
final class PairFinder {
    private static final int MAX_EVIDENCE = 12;
    /**
     * The pair model's probability at which a candidate is reported. Below one half because pair
     * F1 weighs a missed pair like a false one and the model's precision runs ahead of its recall;
     * chosen among 0.3-0.5 by the 5-fold cross-validated pair F1 and direction accuracy.
     */
    static final double PAIR_THRESHOLD = 0.35;

    /**
     * Sentence-level facts the pair finder reads; {@code named} holds the countries each sentence
     * names ({@link CountryMentions#bySentence}, as {@link CountryCodes} numbers), which it only reads.
     */
    record Inputs(ArticleScan scan, List<CountryMentions.Mention> mentions, List<BitSet> named, JointVoice.Voice voice,
                  List<ThemeScorer.ThemeEvidence> themes, CueScorer.SentenceCues cues, Taxonomy taxonomy, CountryCodes codes) {
    }

    /**
     * A candidate pair, its running totals and the features the pair model reads. {@code reportable}
     * says whether the article names both countries somewhere, or the pair is the two sides of a
     * substantive theme: a theme's implied countries tie pairs in its sentences, but a country only a
     * theme implies pairs only as the theme's other side. An arms-sale notice to Taiwan's office
     * implies China and never names it; no word of it is evidence of a US-China pair.
     */
    record Candidate(String pair, Tally tally, double[] features, boolean reportable) {
    }

    /** A reported pair with the sentences that tie it. */
    record Found(PairMatch pair, BitSet sentences) {
    }

    private PairFinder() {
    }

    static List<Candidate> candidates(Inputs in) {
        CountryCodes codes = in.codes();
        List<BitSet> named = in.named();
        List<BitSet> countries = withImplied(named, in);
        BitSet signal = signalSentences(in);
        int[] mentionCounts = mentionCounts(countries, codes);
        BitSet principals = principals(countries, mentionCounts);
        Tallies tallies = new Tallies(codes);
        for (int s = 0; s < countries.size(); s++) {
            BitSet here = countries.get(s);
            int size = here.cardinality();
            for (int a = here.nextSetBit(0); a >= 0; a = here.nextSetBit(a + 1)) {
                for (int b = here.nextSetBit(a + 1); b >= 0; b = here.nextSetBit(b + 1)) {
                    boolean bothNamed = named.get(s).get(a) && named.get(s).get(b);
                    tallies.of(a, b).tie(s, 1.0 / (size - 1), signal.get(s), bothNamed, in.cues());
                }
            }
            if (s > 0 && size > 0 && signal.get(s)) {
                linkPrincipals(s, here, principals, tallies, in.cues());
            }
        }
        voiceJointAuthors(in, countries, tallies);
        double articleCues = 0;
        for (int s = 0; s < countries.size(); s++) {
            articleCues += in.cues().escalationIn(s) + in.cues().deescalationIn(s);
        }
        int articleThemes = (int) in.themes().stream().filter(ThemeScorer.ThemeEvidence::mentioned).count();
        PairFeatures.Article article = new PairFeatures.Article(principals, mentionCounts, countriesNamed(mentionCounts), articleCues,
                articleThemes, AdjacentMentions.of(in.mentions(), in.cues(), codes), themeSides(in));
        BitSet namedAnywhere = namedAnywhere(named);
        List<Candidate> candidates = new ArrayList<>();
        for (Tally tally : tallies.inOrder) {
            // Two countries merely named together, with no cue or theme evidence anywhere between them, are no pair.
            if (tally.signalTies > 0 || tally.links > 0 || tally.voiced > 0) {
                boolean reportable = namedAnywhere.get(codes.first(tally.pair)) && namedAnywhere.get(codes.second(tally.pair))
                        || article.themeSides().contains(tally.pair);
                candidates.add(new Candidate(codes.name(tally.pair), tally, PairFeatures.of(tally.pair, tally, article, codes), reportable));
            }
        }
        return candidates;
    }

    /** The pairs of the two sides of each substantive theme (RU-UA where the article is about the war in Ukraine). */
    private static Set<Integer> themeSides(Inputs in) {
        Set<Integer> sides = new HashSet<>();
        for (ThemeScorer.ThemeEvidence theme : in.themes()) {
            int pair = in.codes().sidesOf(theme.theme());
            if (theme.on() && pair >= 0) {
                sides.add(pair);
            }
        }
        return sides;
    }

    /** Each principal not named in sentence {@code s} is its unnamed party: linked to each country named there. */
    private static void linkPrincipals(int s, BitSet here, BitSet principals, Tallies tallies, CueScorer.SentenceCues cues) {
        int size = here.cardinality();
        for (int principal = principals.nextSetBit(0); principal >= 0; principal = principals.nextSetBit(principal + 1)) {
            if (here.get(principal)) {
                continue;
            }
            for (int country = here.nextSetBit(0); country >= 0; country = here.nextSetBit(country + 1)) {
                tallies.of(principal, country).link(s, 1.0 / size, cues);
            }
        }
    }

    static List<Found> find(Inputs in, TaggerModel model) {
        List<Found> found = new ArrayList<>();
        for (Candidate candidate : candidates(in)) {
            double probability = model.pairProbability(candidate.features());
            if (probability >= PAIR_THRESHOLD && candidate.reportable()) {
                found.add(new Found(toPair(candidate, probability, in, model), candidate.tally().sentences));
            }
        }
        found.sort(Comparator.comparingDouble((Found f) -> f.pair().tension()).reversed().thenComparing(f -> f.pair().pair()));
        return found;
    }

    private static BitSet signalSentences(Inputs in) {
        BitSet signal = themeSentences(in.themes());
        for (int s = 0; s < in.scan().sentences.count(); s++) {
            if (in.cues().escalationIn(s) + in.cues().deescalationIn(s) > 0) {
                signal.set(s);
            }
        }
        return signal;
    }


    /**
     * The named countries plus those a reported theme implies in its sentences. A sentence's set is
     * copied only where a theme adds to it; the others are {@code named}'s own, which nothing changes.
     */
    private static List<BitSet> withImplied(List<BitSet> named, Inputs in) {
        List<BitSet> bySentence = new ArrayList<>(named);
        BitSet copied = new BitSet();
        for (ThemeScorer.ThemeEvidence theme : in.themes()) {
            if (theme.on()) {
                BitSet implied = in.codes().impliedBy(theme.theme());
                for (int s = theme.sentences().nextSetBit(0); s >= 0; s = theme.sentences().nextSetBit(s + 1)) {
                    if (!copied.get(s)) {
                        bySentence.set(s, (BitSet) bySentence.get(s).clone());
                        copied.set(s);
                    }
                    bySentence.get(s).or(implied);
                }
            }
        }
        return bySentence;
    }

    /**
     * Each sentence where the joint authors speak as one ({@link JointVoice}: "The ministers
     * expressed concern at North Korea's launches") ties every author to the others and to each
     * country it names, as if it named them all; pairs it names itself are tied already. The
     * country it acts on, if any, is also each author's addressee.
     */
    private static void voiceJointAuthors(Inputs in, List<BitSet> countries, Tallies tallies) {
        BitSet authors = in.voice().authors();
        if (authors.isEmpty()) {
            return;
        }
        int[] subjects = in.voice().subjects();
        List<List<CountryMentions.Mention>> mentions = bySentence(in.mentions(), subjects.length);
        BitSet parties = new BitSet();
        for (int s = 0; s < subjects.length; s++) {
            if (!in.voice().speaksAsOne(s)) {
                continue;
            }
            BitSet named = countries.get(s);
            addressJointAuthors(JointVoice.addressee(subjects[s], mentions.get(s), in.cues().cues().get(s), in.codes()), authors,
                    in.named().get(s), tallies);
            parties.clear();
            parties.or(named);
            parties.or(authors);
            int size = parties.cardinality();
            for (int a = parties.nextSetBit(0); a >= 0; a = parties.nextSetBit(a + 1)) {
                for (int b = parties.nextSetBit(a + 1); b >= 0; b = parties.nextSetBit(b + 1)) {
                    if (!named.get(a) || !named.get(b)) {
                        tallies.of(a, b).voice(s, 1.0 / (size - 1), in.cues());
                    }
                }
            }
        }
    }

    /**
     * The country a sentence of the joint authors acts on ({@link JointVoice#addressee}) is their
     * addressee: each author the sentence does not name itself is tied to it. An author the
     * sentence names is speaking for itself, not with the others.
     */
    private static void addressJointAuthors(int addressee, BitSet authors, BitSet namedHere, Tallies tallies) {
        if (addressee < 0 || authors.get(addressee) && namedHere.get(addressee)) {
            return;
        }
        for (int author = authors.nextSetBit(0); author >= 0; author = authors.nextSetBit(author + 1)) {
            if (author != addressee && !namedHere.get(author)) {
                tallies.of(author, addressee).addressed++;
            }
        }
    }

    private static List<List<CountryMentions.Mention>> bySentence(List<CountryMentions.Mention> mentions, int sentences) {
        List<List<CountryMentions.Mention>> bySentence = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            bySentence.add(new ArrayList<>());
        }
        mentions.forEach(mention -> bySentence.get(mention.sentence()).add(mention));
        return bySentence;
    }

    /** The countries the article names somewhere, itself or by their officials and institutions. */
    private static BitSet namedAnywhere(List<BitSet> named) {
        BitSet anywhere = new BitSet();
        named.forEach(anywhere::or);
        return anywhere;
    }

    /** In how many sentences each country is named, by number. */
    private static int[] mentionCounts(List<BitSet> countries, CountryCodes codes) {
        int[] counts = new int[codes.size()];
        for (BitSet sentence : countries) {
            for (int country = sentence.nextSetBit(0); country >= 0; country = sentence.nextSetBit(country + 1)) {
                counts[country]++;
            }
        }
        return counts;
    }

    private static int countriesNamed(int[] mentionCounts) {
        int named = 0;
        for (int count : mentionCounts) {
            named += count > 0 ? 1 : 0;
        }
        return named;
    }

    /**
     * The countries of the title, and the one named in most sentences: the article's subject and
     * likely author. Of those named equally often, the one whose code sorts first.
     */
    private static BitSet principals(List<BitSet> countries, int[] counts) {
        BitSet principals = (BitSet) countries.get(0).clone();
        int top = -1;
        for (int country = 0; country < counts.length; country++) {
            if (counts[country] > 0 && (top < 0 || counts[country] > counts[top])) {
                top = country;
            }
        }
        if (top >= 0) {
            principals.set(top);
        }
        return principals;
    }

    private static BitSet themeSentences(List<ThemeScorer.ThemeEvidence> themes) {
        BitSet sentences = new BitSet();
        themes.stream().filter(ThemeScorer.ThemeEvidence::on).forEach(theme -> sentences.or(theme.sentences()));
        return sentences;
    }

    private static PairMatch toPair(Candidate candidate, double probability, Inputs in, TaggerModel model) {
        CountryCodes codes = in.codes();
        Tally tally = candidate.tally();
        double balance = (tally.escalation + 1) / (tally.escalation + tally.deescalation + 2);
        Direction direction = model.direction(DirectionFeatures.of(in.cues(), tally.sentences, in.scan().sentences.count()));
        return new PairMatch(candidate.pair(), codes.code(codes.first(tally.pair)), codes.code(codes.second(tally.pair)),
                probability * balance, probability, tally.escalation, tally.deescalation, themesOf(tally.sentences, in),
                evidenceOf(tally.pair, tally.sentences, in), direction);
    }

    private static List<String> themesOf(BitSet sentences, Inputs in) {
        List<String> themes = new ArrayList<>();
        for (ThemeScorer.ThemeEvidence theme : in.themes()) {
            if (theme.on() && theme.sentences().intersects(sentences)) {
                themes.add(in.taxonomy().themes().get(theme.theme()).id());
            }
        }
        return themes;
    }

    private static List<Evidence> evidenceOf(int pair, BitSet sentences, Inputs in) {
        CountryCodes codes = in.codes();
        List<ArticleScan.Match> matches = new ArrayList<>();
        for (CountryMentions.Mention mention : in.mentions()) {
            int country = codes.ofCountry(mention.country());
            if (sentences.get(mention.sentence()) && (country == codes.first(pair) || country == codes.second(pair))) {
                matches.add(mention.match());
            }
        }
        sentences.stream().forEach(s -> matches.addAll(in.cues().cues().get(s)));
        matches.sort(Comparator.comparingInt(ArticleScan.Match::start));
        return matches.stream().limit(MAX_EVIDENCE).map(in.scan()::evidence).toList();
    }

    /**
     * The candidates' tallies by pair key, in the order the pairs were first tied: an open-addressed
     * table of int keys, as an article ties a few dozen pairs and is tagged in tens of microseconds.
     */
    private static final class Tallies {
        private final CountryCodes codes;
        private int[] keys = new int[64];
        private Tally[] tallies = new Tally[64];
        final List<Tally> inOrder = new ArrayList<>();

        Tallies(CountryCodes codes) {
            this.codes = codes;
        }

        Tally of(int a, int b) {
            int pair = codes.pair(a, b);
            int slot = slotOf(pair);
            if (tallies[slot] != null) {
                return tallies[slot];
            }
            Tally tally = new Tally(pair);
            keys[slot] = pair;
            tallies[slot] = tally;
            inOrder.add(tally);
            if (inOrder.size() * 2 > keys.length) {
                grow();
            }
            return tally;
        }

        /** The slot holding {@code pair}, or the empty slot where it belongs. */
        private int slotOf(int pair) {
            int scrambled = pair * 0x9E3779B1;
            int slot = (scrambled ^ (scrambled >>> 16)) & (keys.length - 1);
            while (tallies[slot] != null && keys[slot] != pair) {
                slot = (slot + 1) & (keys.length - 1);
            }
            return slot;
        }

        private void grow() {
            keys = new int[keys.length * 2];
            tallies = new Tally[tallies.length * 2];
            for (Tally tally : inOrder) {
                int slot = slotOf(tally.pair);
                keys[slot] = tally.pair;
                tallies[slot] = tally;
            }
        }
    }

    /** Running totals for one candidate pair. */
    static final class Tally {
        /** The pair's {@link CountryCodes#pair} key. */
        final int pair;
        /** Ties of sentences that name both countries, each 1/(k-1) for a sentence naming k. */
        double ties;
        /** The part of {@code ties} made by sentences with a cue or theme evidence. */
        double signalTies;
        /** Links through an unnamed principal party. */
        double links;
        /** Ties by sentences where the joint authors speak as one ("we", "the ministers"). */
        double voiced;
        /** Sentences where the joint authors act on the other country ({@link JointVoice#addressee}). */
        int addressed;
        int namedTogether;
        /** Sentences that name both countries themselves, not through a theme's implied countries. */
        int bothNamed;
        boolean inTitle;
        int largestList;
        double escalation;
        double deescalation;
        final BitSet sentences = new BitSet();

        Tally(int pair) {
            this.pair = pair;
        }

        void tie(int sentence, double weight, boolean signal, boolean named, CueScorer.SentenceCues cues) {
            ties += weight;
            bothNamed += named ? 1 : 0;
            signalTies += signal ? weight : 0;
            namedTogether++;
            inTitle |= sentence == 0;
            largestList = Math.max(largestList, (int) Math.round(1 / weight) + 1);
            add(sentence, weight, cues);
        }

        void voice(int sentence, double weight, CueScorer.SentenceCues cues) {
            voiced += weight;
            add(sentence, weight, cues);
        }

        void link(int sentence, double weight, CueScorer.SentenceCues cues) {
            links += weight;
            add(sentence, weight / 2, cues);
        }

        private void add(int sentence, double weight, CueScorer.SentenceCues cues) {
            escalation += cues.escalationIn(sentence) * weight;
            deescalation += cues.deescalationIn(sentence) * weight;
            sentences.set(sentence);
        }
    }
}
