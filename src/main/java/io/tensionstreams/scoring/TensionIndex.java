package io.tensionstreams.scoring;

/**
 * The headline tension index of a pair's window, 0 to 100: how hostile its coverage is, times how
 * much evidence there is for that.
 *
 * <pre>
 *   hostility  = max(0, intensity) / 100                  (intensity: -100..+100, see PairWindow)
 *   confidence = 1 - exp(-evidence / evidenceScale)       (evidence: the articles' summed weights)
 *   index      = 100 * hostility * confidence
 * </pre>
 *
 * Intensity is a weighted mean, so the index does not grow with how much is written: the same mix
 * of stories scores the same at twelve articles and at twelve thousand. The confidence term keeps
 * one article from scoring like a trend: with the default scale of 2, one article (weight at most 1)
 * reaches at most 39.3, three central ones about 78% of their hostility, ten all of it. A quiet
 * pair that suddenly gets three hostile reports therefore scores high at once, whatever else the
 * news is about. Cooperation and neutral coverage both score 0; intensity tells them apart.
 */
public final class TensionIndex {
    public static final double DEFAULT_EVIDENCE_SCALE = 2.0;

    private TensionIndex() {
    }

    public static double of(double intensity, double evidence, double evidenceScale) {
        if (evidenceScale <= 0) {
            throw new IllegalArgumentException("the evidence scale must be positive");
        }
        double hostility = Math.max(0, Math.min(100, intensity)) / 100;
        double confidence = 1 - Math.exp(-Math.max(0, evidence) / evidenceScale);
        return 100 * hostility * confidence;
    }

    /** The most one article can score: the index's confidence at a weight of 1 with the stance at its limit. */
    public static double singleArticleCeiling(double evidenceScale) {
        return of(100, 1, evidenceScale);
    }
}
