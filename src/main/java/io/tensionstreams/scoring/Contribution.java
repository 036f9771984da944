package io.tensionstreams.scoring;

import java.util.List;

/**
 * What one article adds to one country pair's window: its cue sums for the pair, how strongly it
 * ties the pair in tension, how central the pair is to it, the themes it ties the pair under, and
 * every theme the article mentions at all.
 */
public record Contribution(String articleId, String source, String pair, double escalation, double deescalation,
                           double tension, double centrality, List<String> themes, List<String> mentions) {
    /** Every article that names a pair weighs something in its intensity, however unsure the tagger was. */
    static final double MIN_CENTRALITY = 0.05;

    public Contribution {
        themes = List.copyOf(themes);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        if (escalation < 0 || deescalation < 0 || tension < 0 || centrality < 0) {
            throw new IllegalArgumentException("contributions are non-negative");
        }
    }

    /**
     * Which way the article moves the pair, from -1 (all cooperation) to +1 (all conflict):
     * {@code (escalation - deescalation) / (escalation + deescalation + 1)}. An article without cues
     * is 0; the +1 keeps one weak cue from reading as a pure stance.
     */
    public double stance() {
        return (escalation - deescalation) / (escalation + deescalation + 1);
    }

    /** The article's weight in the pair's intensity. */
    public double weight() {
        return Math.max(MIN_CENTRALITY, Math.min(1, centrality));
    }

    /** How much the article stands out among the window's top articles: its escalation, then its tension. */
    public double prominence() {
        return escalation + tension;
    }
}
