package io.tensionstreams.scoring;

import java.util.List;

/**
 * What one article adds to one country pair's window: its cue sums for the pair, how strongly it
 * ties the pair, the themes it ties the pair under, and every theme the article mentions at all.
 */
public record Contribution(String articleId, String source, String pair, double escalation, double deescalation,
                           double tension, List<String> themes, List<String> mentions) {
    public Contribution {
        themes = List.copyOf(themes);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        if (escalation < 0 || deescalation < 0 || tension < 0) {
            throw new IllegalArgumentException("contributions are non-negative");
        }
    }

    /** How much the article weighs among the window's top articles: its escalation, then its tension. */
    public double weight() {
        return escalation + tension;
    }
}
