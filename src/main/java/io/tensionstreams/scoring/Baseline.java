package io.tensionstreams.scoring;

/**
 * A recent history of one measure of a pair's closed windows (its intensity, its attention share), as an exponentially
 * weighted mean and variance (West 1979): constant size, updated once per closed window.
 *
 * @param windows how many closed windows it has seen
 */
public record Baseline(long windows, double mean, double variance) {

    public static Baseline empty() {
        return new Baseline(0, 0, 0);
    }

    /** The baseline after one more closed window; {@code history} sets the weight, alpha = 2 / (history + 1). */
    public Baseline update(double value, int history) {
        if (windows == 0) {
            return new Baseline(1, value, 0);
        }
        double alpha = 2.0 / (history + 1);
        double delta = value - mean;
        double nextMean = mean + alpha * delta;
        double nextVariance = (1 - alpha) * (variance + alpha * delta * delta);
        return new Baseline(windows + 1, nextMean, nextVariance);
    }

    public double standardDeviation() {
        return Math.sqrt(variance);
    }
}
