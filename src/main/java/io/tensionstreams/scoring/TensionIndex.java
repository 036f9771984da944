package io.tensionstreams.scoring;

/**
 * The tension index of a pair's window, 0 to 100.
 *
 * <pre>
 *   net   = max(0, escalation - DEESCALATION_WEIGHT * deescalation)
 *   index = 100 * (1 - exp(-net / scale))
 * </pre>
 *
 * It rises with escalation, falls with de-escalation, never leaves [0, 100], and saturates: the
 * first escalating articles move it most. With the default scale of 20, one strongly escalating
 * article (escalation 6) scores about 26, three about 59, ten about 95.
 */
public final class TensionIndex {
    /** De-escalation counts half: a meeting does not undo a missile strike. */
    public static final double DEESCALATION_WEIGHT = 0.5;
    public static final double DEFAULT_SCALE = 20.0;

    private TensionIndex() {
    }

    public static double of(double escalation, double deescalation, double scale) {
        if (scale <= 0) {
            throw new IllegalArgumentException("the index scale must be positive");
        }
        double net = Math.max(0, escalation - DEESCALATION_WEIGHT * deescalation);
        return 100 * (1 - Math.exp(-net / scale));
    }
}
