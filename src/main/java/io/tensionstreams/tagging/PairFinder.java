package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
     * Sentence-level facts the pair finder reads; {@code named} holds the codes of the countries each
     * sentence names ({@link CountryMentions#codesBySentence}), which it only reads.
     */
    record Inputs(ArticleScan scan, List<CountryMentions.Mention> mentions, List<TreeSet<String>> named,
                  List<ThemeScorer.ThemeEvidence> themes, CueScorer.SentenceCues cues, Taxonomy taxonomy) {
    }

    /** A candidate pair, its running totals and the features the pair model reads. */
    record Candidate(String pair, Tally tally, double[] features) {
    }

    /** A reported pair with the sentences that tie it. */
    record Found(PairMatch pair, BitSet sentences) {
    }

    private PairFinder() {
    }

    static List<Candidate> candidates(Inputs in) {
        List<TreeSet<String>> named = in.named();
        List<TreeSet<String>> countries = withImplied(named, in);
        BitSet signal = signalSentences(in);
        Map<String, Integer> mentionCounts = mentionCounts(countries);
        Set<String> principals = principals(countries, mentionCounts);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (int s = 0; s < countries.size(); s++) {
            if (countries.get(s).isEmpty()) {
                continue;
            }
            List<String> codes = new ArrayList<>(countries.get(s));
            for (int i = 0; i < codes.size(); i++) {
                for (int j = i + 1; j < codes.size(); j++) {
                    boolean bothNamed = named.get(s).contains(codes.get(i)) && named.get(s).contains(codes.get(j));
                    tallies.computeIfAbsent(codes.get(i) + "-" + codes.get(j), k -> new Tally())
                            .tie(s, 1.0 / (codes.size() - 1), signal.get(s), bothNamed, in.cues());
                }
            }
            if (s > 0 && signal.get(s)) {
                linkPrincipals(s, codes, principals, tallies, in.cues());
            }
        }
        voiceJointAuthors(in, countries, JointVoice.authors(named), tallies);
        double articleCues = 0;
        for (int s = 0; s < countries.size(); s++) {
            articleCues += in.cues().escalationIn(s) + in.cues().deescalationIn(s);
        }
        int articleThemes = (int) in.themes().stream().filter(ThemeScorer.ThemeEvidence::mentioned).count();
        PairFeatures.Article article = new PairFeatures.Article(principals, mentionCounts, articleCues, articleThemes,
                AdjacentMentions.of(in.mentions(), in.cues(), in.taxonomy()), themeSides(in));
        List<Candidate> candidates = new ArrayList<>();
        tallies.forEach((key, tally) -> {
            // Two countries merely named together, with no cue or theme evidence anywhere between them, are no pair.
            if (tally.signalTies > 0 || tally.links > 0 || tally.voiced > 0) {
                candidates.add(new Candidate(key, tally, PairFeatures.of(key, tally, article)));
            }
        });
        return candidates;
    }

    /** The pairs of the two sides of each substantive theme ("RU-UA" where the article is about the war in Ukraine). */
    private static Set<String> themeSides(Inputs in) {
        Set<String> sides = new TreeSet<>();
        for (ThemeScorer.ThemeEvidence theme : in.themes()) {
            String pair = in.taxonomy().themes().get(theme.theme()).sidesPair();
            if (theme.on() && pair != null) {
                sides.add(pair);
            }
        }
        return sides;
    }

    /** Each principal not named in sentence {@code s} is its unnamed party: linked to each country named there. */
    private static void linkPrincipals(int s, List<String> codes, Set<String> principals, Map<String, Tally> tallies,
                                       CueScorer.SentenceCues cues) {
        for (String principal : principals) {
            if (codes.contains(principal)) {
                continue;
            }
            for (String code : codes) {
                tallies.computeIfAbsent(PairMatch.key(principal, code), k -> new Tally()).link(s, 1.0 / codes.size(), cues);
            }
        }
    }

    static List<Found> find(Inputs in, TaggerModel model) {
        List<Found> found = new ArrayList<>();
        for (Candidate candidate : candidates(in)) {
            double probability = model.pairProbability(candidate.features());
            if (probability >= PAIR_THRESHOLD) {
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
    private static List<TreeSet<String>> withImplied(List<TreeSet<String>> named, Inputs in) {
        List<TreeSet<String>> bySentence = new ArrayList<>(named);
        BitSet copied = new BitSet();
        for (ThemeScorer.ThemeEvidence theme : in.themes()) {
            if (theme.on()) {
                List<String> implied = in.taxonomy().themes().get(theme.theme()).implies();
                for (int s = theme.sentences().nextSetBit(0); s >= 0; s = theme.sentences().nextSetBit(s + 1)) {
                    if (!copied.get(s)) {
                        bySentence.set(s, new TreeSet<>(bySentence.get(s)));
                        copied.set(s);
                    }
                    bySentence.get(s).addAll(implied);
                }
            }
        }
        return bySentence;
    }

    /**
     * Each sentence where the joint authors speak as one ({@link JointVoice}: "The ministers
     * expressed concern at North Korea's launches") ties every author to the others and to each
     * country it names, as if it named them all; pairs it names itself are tied already.
     */
    private static void voiceJointAuthors(Inputs in, List<TreeSet<String>> countries, Set<String> authors, Map<String, Tally> tallies) {
        if (authors.isEmpty()) {
            return;
        }
        BitSet voicedSentences = JointVoice.sentences(in.scan());
        for (int s = voicedSentences.nextSetBit(0); s >= 0; s = voicedSentences.nextSetBit(s + 1)) {
            TreeSet<String> named = countries.get(s);
            TreeSet<String> parties = new TreeSet<>(named);
            parties.addAll(authors);
            List<String> codes = new ArrayList<>(parties);
            for (int i = 0; i < codes.size(); i++) {
                for (int j = i + 1; j < codes.size(); j++) {
                    if (!named.contains(codes.get(i)) || !named.contains(codes.get(j))) {
                        tallies.computeIfAbsent(codes.get(i) + "-" + codes.get(j), k -> new Tally()).voice(s, 1.0 / (codes.size() - 1), in.cues());
                    }
                }
            }
        }
    }

    /** In how many sentences each country is named. */
    private static Map<String, Integer> mentionCounts(List<TreeSet<String>> countries) {
        Map<String, Integer> counts = new HashMap<>();
        countries.forEach(codes -> codes.forEach(code -> counts.merge(code, 1, Integer::sum)));
        return counts;
    }

    /** The countries of the title, and the one named in most sentences: the article's subject and likely author. */
    private static Set<String> principals(List<TreeSet<String>> countries, Map<String, Integer> counts) {
        Set<String> principals = new TreeSet<>(countries.get(0));
        counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .ifPresent(top -> principals.add(top.getKey()));
        return principals;
    }

    private static BitSet themeSentences(List<ThemeScorer.ThemeEvidence> themes) {
        BitSet sentences = new BitSet();
        themes.stream().filter(ThemeScorer.ThemeEvidence::on).forEach(theme -> sentences.or(theme.sentences()));
        return sentences;
    }

    private static PairMatch toPair(Candidate candidate, double probability, Inputs in, TaggerModel model) {
        String[] codes = candidate.pair().split("-");
        Tally tally = candidate.tally();
        double balance = (tally.escalation + 1) / (tally.escalation + tally.deescalation + 2);
        Direction direction = model.direction(DirectionFeatures.of(in.cues(), tally.sentences, in.scan().sentences.count()));
        return new PairMatch(candidate.pair(), codes[0], codes[1], probability * balance, probability, tally.escalation, tally.deescalation,
                themesOf(tally.sentences, in), evidenceOf(codes, tally.sentences, in), direction);
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

    private static List<Evidence> evidenceOf(String[] codes, BitSet sentences, Inputs in) {
        List<ArticleScan.Match> matches = new ArrayList<>();
        for (CountryMentions.Mention mention : in.mentions()) {
            String code = in.taxonomy().countries().get(mention.country()).code();
            if (sentences.get(mention.sentence()) && (code.equals(codes[0]) || code.equals(codes[1]))) {
                matches.add(mention.match());
            }
        }
        sentences.stream().forEach(s -> matches.addAll(in.cues().cues().get(s)));
        matches.sort(Comparator.comparingInt(ArticleScan.Match::start));
        return matches.stream().limit(MAX_EVIDENCE).map(in.scan()::evidence).toList();
    }

    /** Running totals for one candidate pair. */
    static final class Tally {
        /** Ties of sentences that name both countries, each 1/(k-1) for a sentence naming k. */
        double ties;
        /** The part of {@code ties} made by sentences with a cue or theme evidence. */
        double signalTies;
        /** Links through an unnamed principal party. */
        double links;
        /** Ties by sentences where the joint authors speak as one ("we", "the ministers"). */
        double voiced;
        int namedTogether;
        /** Sentences that name both countries themselves, not through a theme's implied countries. */
        int bothNamed;
        boolean inTitle;
        int largestList;
        double escalation;
        double deescalation;
        final BitSet sentences = new BitSet();

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
