package io.tensionstreams.tagging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A logistic model over named features: {@code p = 1 / (1 + e^-(bias + Σ w_i (x_i - mean_i) / scale_i))}.
 * Features are standardised with the means and scales of the training data, so that one L2
 * penalty treats them alike and the weights read as "how much one standard deviation moves the
 * odds".
 *
 * @param features names of the features, in the order of every vector given to it
 * @param means    each feature's mean over the training rows
 * @param scales   each feature's standard deviation over the training rows (1 where it was 0)
 * @param weights  one weight per standardised feature
 * @param bias     the log-odds of a row at the means
 */
public record Logistic(List<String> features, double[] means, double[] scales, double[] weights, double bias) {
    private static final int ITERATIONS = 3000;
    private static final double LEARNING_RATE = 0.5;

    public Logistic(@JsonProperty(value = "features", required = true) List<String> features,
                    @JsonProperty(value = "means", required = true) double[] means,
                    @JsonProperty(value = "scales", required = true) double[] scales,
                    @JsonProperty(value = "weights", required = true) double[] weights,
                    @JsonProperty(value = "bias", required = true) double bias) {
        this.features = List.copyOf(features);
        this.means = means.clone();
        this.scales = scales.clone();
        this.weights = weights.clone();
        this.bias = bias;
        int n = this.features.size();
        if (means.length != n || scales.length != n || weights.length != n) {
            throw new IllegalArgumentException("a logistic model needs one mean, scale and weight per feature (" + n + ")");
        }
    }

    /** A model with no weights that says no to everything (a probability near zero, whatever the features). */
    static Logistic constant(List<String> features) {
        int n = features.size();
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return new Logistic(features, new double[n], ones, new double[n], -20);
    }

    /** A model that says what one 0-or-1 feature says: yes (near 1) when it is 1, no (near 0) when it is 0. */
    static Logistic following(List<String> features, String feature) {
        int n = features.size();
        int index = features.indexOf(feature);
        if (index < 0) {
            throw new IllegalArgumentException("no feature " + feature + " among " + features);
        }
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        double[] weights = new double[n];
        weights[index] = 40;
        return new Logistic(features, new double[n], ones, weights, -20);
    }

    public double probability(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " features " + features + ", got " + x.length);
        }
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - means[i]) / scales[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Fits the model by gradient descent on the mean log-loss plus {@code l2 / 2 × |w|²}: a convex
     * problem, so the result depends only on the rows, not on their order or on chance.
     */
    public static Logistic fit(List<String> features, List<double[]> rows, List<Boolean> labels, double l2) {
        int n = features.size();
        int m = rows.size();
        if (m == 0 || labels.size() != m) {
            throw new IllegalArgumentException("fitting needs rows, one label each (" + m + " rows, " + labels.size() + " labels)");
        }
        double[] means = new double[n];
        double[] scales = new double[n];
        rows.forEach(row -> {
            for (int i = 0; i < n; i++) {
                means[i] += row[i] / m;
            }
        });
        rows.forEach(row -> {
            for (int i = 0; i < n; i++) {
                scales[i] += (row[i] - means[i]) * (row[i] - means[i]) / m;
            }
        });
        for (int i = 0; i < n; i++) {
            scales[i] = scales[i] < 1e-12 ? 1 : Math.sqrt(scales[i]);
        }
        double[][] z = new double[m][n];
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < n; i++) {
                z[r][i] = (rows.get(r)[i] - means[i]) / scales[i];
            }
        }
        double[] w = new double[n];
        double b = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[n];
            double gradientBias = 0;
            for (int r = 0; r < m; r++) {
                double logit = b;
                for (int i = 0; i < n; i++) {
                    logit += w[i] * z[r][i];
                }
                double error = 1 / (1 + Math.exp(-logit)) - (labels.get(r) ? 1 : 0);
                for (int i = 0; i < n; i++) {
                    gradient[i] += error * z[r][i] / m;
                }
                gradientBias += error / m;
            }
            for (int i = 0; i < n; i++) {
                w[i] -= LEARNING_RATE * (gradient[i] + l2 * w[i]);
            }
            b -= LEARNING_RATE * gradientBias;
        }
        return new Logistic(features, means, scales, w, b);
    }
}
