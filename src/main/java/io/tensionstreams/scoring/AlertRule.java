package io.tensionstreams.scoring;

import java.util.Optional;

/**
 * When a closed window is news, judged against the pair's own history:
 * <ul>
 *   <li>intensity jump: the window's intensity stands {@code k} of the pair's standard deviations
 *       above its intensity baseline;</li>
 *   <li>attention jump: its attention share stands {@code k} standard deviations above its share
 *       baseline;</li>
 *   <li>first seen: a pair without history already at {@code firstSeenLevel} or more.</li>
 * </ul>
 * A jump counts only after {@code minHistory} closed windows, so that a pair seen twice cannot
 * alarm, and only at an index of {@code floor} or more: both levels lie above what a single article
 * can score ({@link TensionIndex#singleArticleCeiling}), so one article never raises an alert. The
 * standard deviations are taken as at least {@code minIntensityStdDev} and {@code minShareStdDev},
 * so that a pair whose history is flat does not alert on a small change.
 */
public record AlertRule(double k, double floor, int history, int minHistory, double firstSeenLevel, double minIntensityStdDev,
                        double minShareStdDev) {

    public static final AlertRule DEFAULT = new AlertRule(3.0, 40.0, 24, 3, 50.0, 10.0, 0.02);

    /** Why an alert fires. */
    public enum Reason {
        INTENSITY_JUMP("intensity-jump"), ATTENTION_JUMP("attention-jump"), FIRST_SEEN("first-seen");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The verdict on one closed window: the reason, and for a jump the z-score and the baseline of the measure that jumped. */
    public record Verdict(Reason reason, Double zScore, double baselineMean, double baselineStdDev) {
    }

    public AlertRule {
        if (k <= 0 || history < 1 || minHistory < 1 || minIntensityStdDev <= 0 || minShareStdDev <= 0) {
            throw new IllegalArgumentException("alert rule needs k > 0, history >= 1, minHistory >= 1 and positive minimum deviations");
        }
    }

    public Optional<Verdict> judge(WindowMeasures window, PairHistory history) {
        if (history.windows() == 0) {
            return window.index() >= firstSeenLevel ? Optional.of(new Verdict(Reason.FIRST_SEEN, null, 0, 0)) : Optional.empty();
        }
        if (history.windows() < minHistory || window.index() < floor) {
            return Optional.empty();
        }
        return jump(Reason.INTENSITY_JUMP, window.intensity(), history.intensity(), minIntensityStdDev)
                .or(() -> jump(Reason.ATTENTION_JUMP, window.attentionShare(), history.attention(), minShareStdDev));
    }

    private Optional<Verdict> jump(Reason reason, double value, Baseline baseline, double minStdDev) {
        double stdDev = Math.max(minStdDev, baseline.standardDeviation());
        double z = (value - baseline.mean()) / stdDev;
        return z >= k ? Optional.of(new Verdict(reason, z, baseline.mean(), baseline.standardDeviation())) : Optional.empty();
    }
}
