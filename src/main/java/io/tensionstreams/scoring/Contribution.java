package io.tensionstreams.scoring;

import java.util.List;

/**
 * What one article adds to one country pair's window: its cue sums for the pair, how strongly it
 * ties the pair, and the themes it ties the pair under.
 */
public record Contribution(String articleId, String source, String pair, double escalation, double deescalation,
                           double tension, List<String> themes) {
    public Contribution {
        themes = List.copyOf(themes);
        if (escalation < 0 || deescalation < 0 || tension < 0) {
            throw new IllegalArgumentException("contributions are non-negative");
        }
    }

    /** How much the article weighs among the window's top articles: its escalation, then its tension. */
    public double weight() {
        return escalation + tension;
    }
}
