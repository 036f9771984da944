package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the country pairs an article presents as in tension or cooperation.
 *
 * <p>Two countries are tied by each sentence that names both (a theme's implied countries count
 * as named in the theme's sentences). A sentence naming k countries ties each of its pairs by
 * 1/(k-1), so a list of six delegations is not fifteen relations; the title ties twice. A pair is
 * reported when its ties reach {@code MIN_TIES} and at least one tying sentence carries a cue or
 * theme evidence, so that two countries merely named together are not a pair.
 */
final class PairFinder {
    static final double MIN_TIES = 1.0;
    /** A sentence that names two countries but carries no cue and no theme ties them half as much. */
    static final double CUELESS = 0.5;
    private static final double TITLE_TIE = 2.0;
    private static final int MAX_EVIDENCE = 12;

    /** Sentence-level facts the pair finder reads. */
    record Inputs(ArticleScan scan, List<CountryMentions.Mention> mentions, List<ThemeScorer.ThemeEvidence> themes,
                  CueScorer.SentenceCues cues, Taxonomy taxonomy) {
    }

    /** A reported pair with the sentences that tie it. */
    record Found(PairMatch pair, BitSet sentences) {
    }

    private PairFinder() {
    }

    static List<Found> find(Inputs in) {
        List<TreeSet<String>> countriesBySentence = countriesBySentence(in);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (int s = 0; s < countriesBySentence.size(); s++) {
            List<String> codes = new ArrayList<>(countriesBySentence.get(s));
            if (codes.size() < 2) {
                continue;
            }
            double tie = (s == 0 ? TITLE_TIE : 1.0) * dilution(codes.size()) * (carriesSignal(s, in, themeSentencesOf(in)) ? 1.0 : CUELESS);
            for (int i = 0; i < codes.size(); i++) {
                for (int j = i + 1; j < codes.size(); j++) {
                    tallies.computeIfAbsent(codes.get(i) + "-" + codes.get(j), k -> new Tally()).add(s, tie, in.cues());
                }
            }
        }
        List<Found> found = new ArrayList<>();
        BitSet themeSentences = themeSentences(in.themes());
        tallies.forEach((key, tally) -> {
            if (tally.ties >= MIN_TIES && (tally.escalation + tally.deescalation > 0 || tally.sentences.intersects(themeSentences))) {
                found.add(new Found(toPair(key, tally, in), tally.sentences));
            }
        });
        found.sort(Comparator.comparingDouble((Found f) -> f.pair().tension()).reversed().thenComparing(f -> f.pair().pair()));
        return found;
    }

    /**
     * How much one sentence naming k countries ties each of its pairs: 1/(k-1) for two or three
     * countries; a sentence naming four or more is a list (a summit's roster, a coalition), and
     * ties each pair only 1/((k-1)(k-2)).
     */
    static double dilution(int k) {
        return k <= 3 ? 1.0 / (k - 1) : 1.0 / ((k - 1) * (k - 2));
    }

    private static boolean carriesSignal(int sentence, Inputs in, BitSet themeSentences) {
        return in.cues().escalationIn(sentence) + in.cues().deescalationIn(sentence) > 0 || themeSentences.get(sentence);
    }

    private static BitSet themeSentencesOf(Inputs in) {
        return themeSentences(in.themes());
    }

    private static List<TreeSet<String>> countriesBySentence(Inputs in) {
        List<TreeSet<String>> bySentence = new ArrayList<>();
        for (int s = 0; s < in.scan().sentences.count(); s++) {
            bySentence.add(new TreeSet<>());
        }
        for (CountryMentions.Mention mention : in.mentions()) {
            bySentence.get(mention.sentence()).add(in.taxonomy().countries().get(mention.country()).code());
        }
        for (ThemeScorer.ThemeEvidence theme : in.themes()) {
            if (theme.on()) {
                List<String> implied = in.taxonomy().themes().get(theme.theme()).implies();
                theme.sentences().stream().forEach(s -> bySentence.get(s).addAll(implied));
            }
        }
        return bySentence;
    }

    private static BitSet themeSentences(List<ThemeScorer.ThemeEvidence> themes) {
        BitSet sentences = new BitSet();
        themes.stream().filter(ThemeScorer.ThemeEvidence::on).forEach(theme -> sentences.or(theme.sentences()));
        return sentences;
    }

    private static PairMatch toPair(String key, Tally tally, Inputs in) {
        String[] codes = key.split("-");
        double strength = 1 - Math.exp(-tally.ties / 2);
        double balance = (tally.escalation + 1) / (tally.escalation + tally.deescalation + 2);
        return new PairMatch(key, codes[0], codes[1], strength * balance, tally.escalation, tally.deescalation,
                themesOf(tally.sentences, in), evidenceOf(codes, tally.sentences, in), Tagger.direction(tally.escalation, tally.deescalation));
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
    private static final class Tally {
        double ties;
        double escalation;
        double deescalation;
        final BitSet sentences = new BitSet();

        void add(int sentence, double tie, CueScorer.SentenceCues cues) {
            ties += tie;
            escalation += cues.escalationIn(sentence) * tie;
            deescalation += cues.deescalationIn(sentence) * tie;
            sentences.set(sentence);
        }
    }
}
