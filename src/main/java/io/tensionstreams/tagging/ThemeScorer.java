package io.tensionstreams.tagging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides which themes an article is substantively about.
 *
 * <p>Each occurrence of a theme's term counts its weight when its context rules hold (a needed
 * group nearby, no cancelling group nearby). Repeats of one phrase count less each time (the k-th
 * counts 1/k), so that a word said ten times is not ten pieces of evidence; a term in the title
 * counts half again. The theme is reported when the weighted evidence reaches the theme's
 * {@code minWeight} and spans at least {@code minSentences} sentences: one sentence listing
 * "Taiwan, the South China Sea and Ukraine" as agenda items makes none of them.
 */
final class ThemeScorer {
    private static final int CONTEXT_RADIUS = 1;
    private static final double TITLE_BOOST = 1.5;
    private static final int MAX_EVIDENCE = 12;
    private static final double AGENDA_FACTOR = 0.5;

    /**
     * A theme's evidence in one article: {@code on} when it is substantive, {@code mentioned} when
     * the article refers to it at all (one counted occurrence is enough).
     */
    record ThemeEvidence(int theme, double weight, BitSet sentences, List<ArticleScan.Match> hits, boolean on, double score,
                         Shape shape) {
        boolean mentioned() {
            return !hits.isEmpty();
        }

        /** This evidence with the theme model's decision. */
        ThemeEvidence decided(boolean substantive, double probability) {
            return new ThemeEvidence(theme, weight, sentences, hits, substantive, probability, shape);
        }
    }

    /**
     * Where the evidence stands, for the theme model: sentences outside agenda lists, occurrences
     * of strong terms, and whether the title or the lead (the two sentences after it) carry it.
     */
    record Shape(int ownSentences, int strongHits, boolean inTitle, boolean inLead, boolean ruleSaysOn) {
    }

    /** Terms of this weight or more name the theme outright ("Taiwan Strait", "spy balloon"). */
    static final double STRONG_TERM = 3.0;

    private ThemeScorer() {
    }

    /** The evidence of each theme in the article; a theme not yet begun when it was published ({@code since}) has none. */
    static List<ThemeEvidence> score(ArticleScan scan, Taxonomy taxonomy, LocalDate published) {
        List<ThemeDefinition> themes = taxonomy.themes();
        List<List<ArticleScan.Match>> hits = new ArrayList<>();
        themes.forEach(theme -> hits.add(new ArrayList<>()));
        // Country names compete too, so that "People's Republic of China" is not the "Republic of China" of Taiwan.
        for (ArticleScan.Match match : scan.leftmostLongest(Lexicon.Kind.THEME_TERM, Lexicon.Kind.COUNTRY_NAME, Lexicon.Kind.BLOCKER)) {
            if (scan.inDateline(match)) {
                continue;
            }
            for (Lexicon.Role role : scan.rolesOf(match)) {
                if (role instanceof Lexicon.ThemeTerm term && themes.get(term.theme()).inForce(published)
                        && contextHolds(scan, match, term, themes)) {
                    hits.get(term.theme()).add(match);
                }
            }
        }
        BitSet agenda = agendaSentences(hits, scan.sentences.count());
        agenda.or(formulaSentences(scan, hits, themes));
        List<ThemeEvidence> evidence = new ArrayList<>();
        for (int t = 0; t < themes.size(); t++) {
            evidence.add(weigh(scan, t, themes.get(t), hits.get(t), agenda));
        }
        return evidence;
    }

    private static boolean contextHolds(ArticleScan scan, ArticleScan.Match match, Lexicon.ThemeTerm term, List<ThemeDefinition> themes) {
        ThemeDefinition.Term definition = themes.get(term.theme()).terms().get(term.term());
        Lexicon.TermContexts asks = scan.termContexts(term);
        // The window's signature settles most look-ups: a group whose bits are missing has no phrase there.
        long nearby = scan.contextsNear(match, CONTEXT_RADIUS);
        boolean needed = nearAnyOf(scan, match, term.theme(), definition.needs(), asks.needs(), nearby)
                && nearAnyOf(scan, match, term.theme(), definition.alsoNeeds(), asks.alsoNeeds(), nearby);
        Predicate<Lexicon.Role> cancelling = role -> role instanceof Lexicon.ThemeContext context && context.theme() == term.theme()
                && definition.unless().contains(context.group());
        // A cancelling word nearby, or in the title, which frames the whole article ("Spy Museum...", "Taiwan earthquake...").
        boolean cancelled = !definition.unless().isEmpty()
                && ((nearby & asks.unless()) != 0 && scan.near(match, CONTEXT_RADIUS, Lexicon.Kind.THEME_CONTEXT, cancelling)
                    || (scan.contextsInTitle() & asks.unless()) != 0 && scan.inTitle(match, Lexicon.Kind.THEME_CONTEXT, cancelling));
        // A place that labels an office or a company ("the secretary of defense for China, Taiwan and Mongolia", "the Taiwanese
        // chip giant") is no evidence of its theme.
        // Read last, and only for a country's name: it reads the words around the match.
        return needed && !cancelled
                && !(scan.plays(match, Lexicon.Kind.COUNTRY_NAME) && PlaceLabels.isLabel(scan.text, match.start(), match.end()));
    }

    /**
     * Whether a phrase of one of the theme's {@code groups} is in the match's or a neighbouring
     * sentence (no groups: true); {@code signature} is the groups', {@code nearby} the window's.
     */
    private static boolean nearAnyOf(ArticleScan scan, ArticleScan.Match match, int theme, List<String> groups, long signature,
                                     long nearby) {
        return groups.isEmpty() || (nearby & signature) != 0 && scan.near(match, CONTEXT_RADIUS, Lexicon.Kind.THEME_CONTEXT,
                role -> role instanceof Lexicon.ThemeContext context && context.theme() == theme && groups.contains(context.group()));
    }

    /**
     * Sentences where two or more themes have evidence: "they discussed Taiwan, the South China Sea
     * and Ukraine" lists an agenda and is substantive about none of them. Their evidence counts half
     * and does not count toward a theme's minimum of sentences.
     */
    private static BitSet agendaSentences(List<List<ArticleScan.Match>> hits, int sentenceCount) {
        int[] themesIn = new int[sentenceCount];
        int[] lastTheme = new int[sentenceCount];
        Arrays.fill(lastTheme, -1);
        for (int theme = 0; theme < hits.size(); theme++) {
            for (ArticleScan.Match hit : hits.get(theme)) {
                if (lastTheme[hit.sentence()] != theme) {
                    lastTheme[hit.sentence()] = theme;
                    themesIn[hit.sentence()]++;
                }
            }
        }
        BitSet agenda = new BitSet();
        for (int sentence = 1; sentence < sentenceCount; sentence++) {
            if (themesIn[sentence] >= 2) {
                agenda.set(sentence);
            }
        }
        return agenda;
    }

    /** Sentences reciting a theme's diplomatic formula ("peace and stability across the Taiwan Strait"). */
    private static BitSet formulaSentences(ArticleScan scan, List<List<ArticleScan.Match>> hits, List<ThemeDefinition> themes) {
        BitSet formulas = new BitSet();
        for (List<ArticleScan.Match> themeHits : hits) {
            for (ArticleScan.Match hit : themeHits) {
                for (Lexicon.Role role : scan.rolesOf(hit)) {
                    if (role instanceof Lexicon.ThemeTerm term && themes.get(term.theme()).terms().get(term.term()).formula() && hit.sentence() != 0) {
                        formulas.set(hit.sentence());
                    }
                }
            }
        }
        return formulas;
    }

    private static ThemeEvidence weigh(ArticleScan scan, int index, ThemeDefinition theme, List<ArticleScan.Match> hits, BitSet agenda) {
        // Most themes have no hits in an article: no map for them.
        Map<Integer, Integer> repeats = hits.isEmpty() ? Map.of() : new HashMap<>();
        BitSet sentences = new BitSet();
        double weight = 0;
        int strongHits = 0;
        boolean inLead = false;
        for (ArticleScan.Match hit : hits) {
            int seen = repeats.merge(hit.phrase(), 1, Integer::sum);
            double base = termWeight(scan, hit, index);
            strongHits += base >= STRONG_TERM ? 1 : 0;
            inLead |= (hit.sentence() == 1 || hit.sentence() == 2) && !agenda.get(hit.sentence());
            double placement = hit.sentence() == 0 ? TITLE_BOOST : agenda.get(hit.sentence()) ? AGENDA_FACTOR : 1.0;
            weight += base / seen * placement;
            sentences.set(hit.sentence());
        }
        BitSet ownSentences = (BitSet) sentences.clone();
        ownSentences.andNot(agenda);
        boolean on = weight >= theme.minWeight() && ownSentences.cardinality() >= theme.minSentences();
        double score = weight / (weight + theme.minWeight());
        List<ArticleScan.Match> shown = hits.size() > MAX_EVIDENCE ? hits.subList(0, MAX_EVIDENCE) : hits;
        Shape shape = new Shape(ownSentences.cardinality(), strongHits, sentences.get(0), inLead, on);
        return new ThemeEvidence(index, weight, sentences, List.copyOf(shown), on, score, shape);
    }

    private static double termWeight(ArticleScan scan, ArticleScan.Match hit, int theme) {
        double weight = 0;
        for (Lexicon.Role role : scan.rolesOf(hit)) {
            if (role instanceof Lexicon.ThemeTerm term && term.theme() == theme) {
                weight = Math.max(weight, term.weight());
            }
        }
        return weight;
    }
}
