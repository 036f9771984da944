package io.tensionstreams.scoring;

/**
 * A pair's own history for one window size: an exponentially weighted baseline of its intensity
 * and one of its attention share, updated once per closed window.
 */
public record PairHistory(Baseline intensity, Baseline attention) {

    public static PairHistory empty() {
        return new PairHistory(Baseline.empty(), Baseline.empty());
    }

    /** How many closed windows of the pair it has seen. */
    public long windows() {
        return intensity.windows();
    }

    public PairHistory update(WindowMeasures measures, int history) {
        return new PairHistory(intensity.update(measures.intensity(), history), attention.update(measures.attentionShare(), history));
    }
}
