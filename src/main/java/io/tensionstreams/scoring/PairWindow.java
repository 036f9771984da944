package io.tensionstreams.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The running totals of one pair in one time window: the aggregate a Kafka Streams window store
 * keeps. Immutable; {@link #add} returns the next value.
 *
 * <p>{@code weight} sums the articles' weights (how central the pair is to each) and
 * {@code weightedStance} their weight times stance, so that the intensity is their weighted mean.
 *
 * <p>Its size is bounded whatever the traffic: distinct sources are remembered up to
 * {@link #MAX_SOURCES} (more are counted as that many), and only the {@code topN} strongest
 * articles are kept by id.
 */
public record PairWindow(int articles, List<String> sources, double escalation, double deescalation, double weight,
                         double weightedStance, Map<String, ThemeTally> themes, List<TopArticle> topArticles) {
    public static final int MAX_SOURCES = 500;

    /**
     * One theme's share of the window: {@code articles} tie the pair under the theme (they are
     * substantively about it), {@code mentions} refer to it at all, passing references included.
     */
    public record ThemeTally(int articles, double escalation, int mentions) {
        static final ThemeTally NONE = new ThemeTally(0, 0, 0);
    }

    /** An article among the window's strongest, with the prominence it was ranked by. */
    public record TopArticle(String id, double prominence) {
    }

    public PairWindow {
        sources = List.copyOf(sources);
        themes = Map.copyOf(themes);
        topArticles = List.copyOf(topArticles);
    }

    public static PairWindow empty() {
        return new PairWindow(0, List.of(), 0, 0, 0, 0, Map.of(), List.of());
    }

    public PairWindow add(Contribution contribution, int topN) {
        return new PairWindow(articles + 1, withSource(contribution.source()), escalation + contribution.escalation(),
                deescalation + contribution.deescalation(), weight + contribution.weight(),
                weightedStance + contribution.weight() * contribution.stance(), withThemes(contribution), withTop(contribution, topN));
    }

    /** The weighted mean stance of the window's articles, from -100 (all cooperation) to +100 (all conflict); 0 when empty. */
    public double intensity() {
        return weight <= 0 ? 0 : 100 * weightedStance / weight;
    }

    public double index(double evidenceScale) {
        return TensionIndex.of(intensity(), weight, evidenceScale);
    }

    /** Themes by escalation, strongest first, then by the articles about each, the articles that mention each, and name. */
    public List<String> themesByStrength() {
        // Ties broken by mentions, then by name: the map's own order differs from one JVM to the next.
        return themes.entrySet().stream()
                .sorted(Map.Entry.<String, ThemeTally>comparingByValue(Comparator.comparingDouble(ThemeTally::escalation)
                        .thenComparingInt(ThemeTally::articles).thenComparingInt(ThemeTally::mentions)).reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<String> withSource(String source) {
        if (source == null || source.isBlank() || sources.size() >= MAX_SOURCES || sources.contains(source)) {
            return sources;
        }
        TreeSet<String> next = new TreeSet<>(sources);
        next.add(source);
        return new ArrayList<>(next);
    }

    private Map<String, ThemeTally> withThemes(Contribution contribution) {
        if (contribution.themes().isEmpty() && contribution.mentions().isEmpty()) {
            return themes;
        }
        Map<String, ThemeTally> next = new TreeMap<>(themes);
        for (String theme : contribution.themes()) {
            ThemeTally tally = next.getOrDefault(theme, ThemeTally.NONE);
            next.put(theme, new ThemeTally(tally.articles() + 1, tally.escalation() + contribution.escalation(), tally.mentions()));
        }
        for (String theme : contribution.mentions()) {
            ThemeTally tally = next.getOrDefault(theme, ThemeTally.NONE);
            next.put(theme, new ThemeTally(tally.articles(), tally.escalation(), tally.mentions() + 1));
        }
        return next;
    }

    private List<TopArticle> withTop(Contribution contribution, int topN) {
        List<TopArticle> next = new ArrayList<>(topArticles);
        next.add(new TopArticle(contribution.articleId(), contribution.prominence()));
        next.sort(Comparator.comparingDouble(TopArticle::prominence).reversed().thenComparing(TopArticle::id));
        return next.size() > topN ? next.subList(0, topN) : next;
    }
}
