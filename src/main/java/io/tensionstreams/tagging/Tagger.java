package io.tensionstreams.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
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
    /**
     * The theme model's probability at which a mentioned theme is substantive. Above one half: a
     * false theme puts an article into a theme's scores, so precision weighs more than recall;
     * chosen among 0.5-0.7 by the 5-fold macro-F1 and the no-theme false-positive rate.
     */
    static final double THEME_THRESHOLD = 0.6;

    private final Lexicon lexicon;
    private final Taxonomy taxonomy;
    private final TaggerModel model;
    private final CountryCodes codes;

    public Tagger(Taxonomy taxonomy, TaggerModel model) {
        this.taxonomy = taxonomy;
        this.model = model;
        this.lexicon = Lexicon.compile(taxonomy);
        this.codes = new CountryCodes(taxonomy);
    }

    /** A tagger with the taxonomy and the model bundled in the jar. */
    public static Tagger bundled() {
        return new Tagger(TaxonomyLoader.bundled(), TaggerModel.bundled());
    }

    /** A tagger with the taxonomy files and model.json of {@code dir}; a file missing there is taken from the jar. */
    public static Tagger fromDirectory(Path dir) {
        return new Tagger(TaxonomyLoader.fromDirectory(dir), TaggerModel.fromDirectory(dir));
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public ArticleTags tag(ArticleText article) {
        Reading reading = read(article);
        List<PairFinder.Found> pairs = PairFinder.find(reading.inputs(), model);
        BitSet relevant = relevantSentences(reading.themes(), pairs);
        Direction direction = model.direction(DirectionFeatures.of(reading.cues(), relevant, reading.scan().sentences.count()));
        double escalation = relevant.stream().mapToDouble(reading.cues()::escalationIn).sum();
        double deescalation = relevant.stream().mapToDouble(reading.cues()::deescalationIn).sum();
        return new ArticleTags(themeMatches(reading.scan(), reading.themes(), ThemeScorer.ThemeEvidence::on),
                themeMatches(reading.scan(), reading.themes(), ThemeScorer.ThemeEvidence::mentioned),
                countriesBySalience(reading.inputs().mentions()), pairs.stream().map(PairFinder.Found::pair).toList(), direction,
                escalation, deescalation);
    }

    /** The rules' findings in one article, before the model weighs them. */
    private record Reading(ArticleScan scan, List<ThemeScorer.ThemeEvidence> themes, CueScorer.SentenceCues cues,
                           PairFinder.Inputs inputs) {
    }

    private Reading read(ArticleText article) {
        ArticleScan scan = ArticleScan.of(lexicon, article);
        List<CountryMentions.Mention> countryMentions = CountryMentions.find(scan, article.published(), taxonomy);
        List<ThemeScorer.ThemeEvidence> themes = decideThemes(ThemeScorer.score(scan, taxonomy, article.published()), scan.sentences.count());
        // Computed once: the partnerships and the pair finder both read which countries each sentence
        // names, and where the joint authors speak as one.
        List<BitSet> named = CountryMentions.bySentence(scan, countryMentions, codes);
        JointVoice.Voice voice = JointVoice.of(scan, named);
        CueScorer.SentenceCues cues = CueScorer.score(scan, taxonomy.cues(), Partnerships.sentences(named, voice, codes));
        return new Reading(scan, themes, cues, new PairFinder.Inputs(scan, countryMentions, named, voice, themes, cues, taxonomy, codes));
    }

    /** The theme model decides which mentioned themes are substantive; its probability is the theme's score. */
    private List<ThemeScorer.ThemeEvidence> decideThemes(List<ThemeScorer.ThemeEvidence> themes, int sentenceCount) {
        return themes.stream().map(theme -> {
            if (!theme.mentioned()) {
                return theme.decided(false, 0);
            }
            double probability = model.themeProbability(ThemeFeatures.of(theme, themes, sentenceCount));
            return theme.decided(probability >= THEME_THRESHOLD, probability);
        }).toList();
    }

    /** Each mentioned theme's id and features, before the theme model decides, for fitting it. */
    Map<String, double[]> themeFeatures(ArticleText article) {
        ArticleScan scan = ArticleScan.of(lexicon, article);
        List<ThemeScorer.ThemeEvidence> themes = ThemeScorer.score(scan, taxonomy, article.published());
        Map<String, double[]> features = new LinkedHashMap<>();
        themes.stream().filter(ThemeScorer.ThemeEvidence::mentioned).forEach(theme ->
                features.put(taxonomy.themes().get(theme.theme()).id(), ThemeFeatures.of(theme, themes, scan.sentences.count())));
        return features;
    }

    /** Every candidate pair with its features, for fitting the pair model. */
    List<PairFinder.Candidate> pairCandidates(ArticleText article) {
        return PairFinder.candidates(read(article).inputs());
    }

    /** The article's direction features given this tagger's pairs, for fitting the direction model. */
    double[] directionFeatures(ArticleText article) {
        Reading reading = read(article);
        BitSet relevant = relevantSentences(reading.themes(), PairFinder.find(reading.inputs(), model));
        return DirectionFeatures.of(reading.cues(), relevant, reading.scan().sentences.count());
    }

    /** Direction comes only from sentences that carry a theme or tie a reported pair. */
    private static BitSet relevantSentences(List<ThemeScorer.ThemeEvidence> themes, List<PairFinder.Found> pairs) {
        BitSet relevant = new BitSet();
        themes.stream().filter(ThemeScorer.ThemeEvidence::mentioned).forEach(theme -> relevant.or(theme.sentences()));
        pairs.forEach(pair -> relevant.or(pair.sentences()));
        return relevant;
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

    /** The countries mentioned, the most mentioned first; of those mentioned equally often, the first mentioned first. */
    private List<String> countriesBySalience(List<CountryMentions.Mention> mentions) {
        int[] counts = new int[codes.size()];
        List<Integer> firstMentioned = new ArrayList<>();
        for (CountryMentions.Mention mention : mentions) {
            int country = codes.ofCountry(mention.country());
            if (counts[country]++ == 0) {
                firstMentioned.add(country);
            }
        }
        // A stable sort: equal counts keep the order of first mention.
        firstMentioned.sort(Comparator.comparingInt((Integer country) -> counts[country]).reversed());
        return firstMentioned.stream().map(codes::code).toList();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
