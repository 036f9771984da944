package io.tensionstreams.scoring;

import java.util.Optional;

/**
 * When a closed window's index is news: it stands at least {@code k} standard deviations above the
 * pair's baseline and above {@code floor}, after at least {@code minHistory} windows; or the pair is
 * seen for the first time already at {@code firstSeenLevel} or more.
 *
 * <p>The standard deviation is taken as at least {@code minStdDev}, so that a pair whose history is
 * flat does not alert on a rise of one point.
 */
public record AlertRule(double k, double floor, int history, int minHistory, double firstSeenLevel, double minStdDev) {

    public static final AlertRule DEFAULT = new AlertRule(3.0, 30.0, 24, 3, 60.0, 5.0);

    /** Why an alert fires. */
    public enum Reason {
        JUMP("jump"), FIRST_SEEN("first-seen");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The verdict on one closed window: the reason, and the z-score when there was a history. */
    public record Verdict(Reason reason, Double zScore) {
    }

    public AlertRule {
        if (k <= 0 || history < 1 || minHistory < 1 || minStdDev <= 0) {
            throw new IllegalArgumentException("alert rule needs k > 0, history >= 1, minHistory >= 1, minStdDev > 0");
        }
    }

    public Optional<Verdict> judge(double index, Baseline baseline) {
        if (baseline.windows() == 0) {
            return index >= firstSeenLevel ? Optional.of(new Verdict(Reason.FIRST_SEEN, null)) : Optional.empty();
        }
        if (baseline.windows() < minHistory || index < floor) {
            return Optional.empty();
        }
        double z = (index - baseline.mean()) / Math.max(minStdDev, baseline.standardDeviation());
        return z >= k ? Optional.of(new Verdict(Reason.JUMP, z)) : Optional.empty();
    }
}
