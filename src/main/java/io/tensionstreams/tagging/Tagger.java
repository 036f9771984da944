package io.tensionstreams.tagging;

import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads one article and says which tension themes it is about, which countries and pairs it
 * involves, whether it escalates or de-escalates, and the words behind each finding.
 *
 * <p>Pure Java and thread-safe: the compiled taxonomy is immutable and each call keeps its state
 * on the stack, so one instance serves every stream thread. See docs/SCORING.md for the rules.
 */
public final class Tagger {
    /** Below this total of cue weight an article moves nothing: its direction is none. */
    static final double MIN_DIRECTION_WEIGHT = 1.0;
    /** The share of escalation at or above which an article escalates (and at or below 1 - it, de-escalates). */
    static final double DIRECTION_SHARE = 0.7;

    private final Lexicon lexicon;
    private final Taxonomy taxonomy;

    public Tagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.lexicon = Lexicon.compile(taxonomy);
    }

    /** A tagger with the taxonomy bundled in the jar. */
    public static Tagger bundled() {
        return new Tagger(TaxonomyLoader.bundled());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public ArticleTags tag(ArticleText article) {
        ArticleScan scan = ArticleScan.of(lexicon, article);
        List<CountryMentions.Mention> countryMentions = CountryMentions.find(scan, article.published(), taxonomy);
        List<ThemeScorer.ThemeEvidence> themes = ThemeScorer.score(scan, taxonomy);
        CueScorer.SentenceCues cues = CueScorer.score(scan, taxonomy.cues());
        List<PairFinder.Found> pairs = PairFinder.find(new PairFinder.Inputs(scan, countryMentions, themes, cues, taxonomy));

        BitSet relevant = relevantSentences(themes, pairs);
        double escalation = relevant.stream().mapToDouble(cues::escalationIn).sum();
        double deescalation = relevant.stream().mapToDouble(cues::deescalationIn).sum();
        return new ArticleTags(themeMatches(scan, themes, ThemeScorer.ThemeEvidence::on),
                themeMatches(scan, themes, ThemeScorer.ThemeEvidence::mentioned), countriesBySalience(countryMentions),
                pairs.stream().map(PairFinder.Found::pair).toList(), direction(escalation, deescalation), escalation, deescalation);
    }

    /** Direction comes only from sentences that carry a theme or tie a reported pair. */
    private static BitSet relevantSentences(List<ThemeScorer.ThemeEvidence> themes, List<PairFinder.Found> pairs) {
        BitSet relevant = new BitSet();
        themes.stream().filter(ThemeScorer.ThemeEvidence::on).forEach(theme -> relevant.or(theme.sentences()));
        pairs.forEach(pair -> relevant.or(pair.sentences()));
        return relevant;
    }

    static Direction direction(double escalation, double deescalation) {
        double total = escalation + deescalation;
        if (total < MIN_DIRECTION_WEIGHT) {
            return Direction.NONE;
        }
        double share = escalation / total;
        if (share >= DIRECTION_SHARE) {
            return Direction.ESCALATION;
        }
        return share <= 1 - DIRECTION_SHARE ? Direction.DEESCALATION : Direction.MIXED;
    }

    private List<ThemeMatch> themeMatches(ArticleScan scan, List<ThemeScorer.ThemeEvidence> themes,
                                          Predicate<ThemeScorer.ThemeEvidence> tier) {
        return themes.stream()
                .filter(tier)
                .sorted(Comparator.comparingDouble(ThemeScorer.ThemeEvidence::score).reversed())
                .map(theme -> new ThemeMatch(taxonomy.themes().get(theme.theme()).id(), round(theme.score()),
                        theme.hits().stream().map(scan::evidence).toList()))
                .toList();
    }

    private List<String> countriesBySalience(List<CountryMentions.Mention> mentions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        mentions.forEach(mention -> counts.merge(taxonomy.countries().get(mention.country()).code(), 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
