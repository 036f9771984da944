package io.tensionstreams.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.tensionstreams.tagging.Evaluation;

/**
 * The lowest figures the tagger may score ({@code eval --floors FILE}): a key per figure of
 * {@link Evaluation#FIGURES} for the whole set, the same with {@code cv_} for the fold mean, and
 * {@code folds} for how many folds. {@code max_no_theme_fp_rate} is a ceiling, not a floor.
 */
record Floors(Path file, Map<String, Double> limits, Integer folds) {
    private static final String CEILING = "max_no_theme_fp_rate";
    private static final String CV = "cv_";

    static Floors read(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        Map<String, Double> limits = new LinkedHashMap<>();
        Integer folds = null;
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            if (key.equals("folds")) {
                folds = Integer.valueOf(value);
                continue;
            }
            String figure = figureOf(key);
            if (!Evaluation.FIGURES.contains(figure) || figure.equals("no_theme_fp_rate") != key.endsWith(CEILING)) {
                throw new IllegalArgumentException(file + ": unknown floor \"" + key + "\"; known: " + known());
            }
            limits.put(key, Double.valueOf(value));
        }
        boolean needsFolds = limits.keySet().stream().anyMatch(key -> key.startsWith(CV));
        return new Floors(file, limits, needsFolds && folds == null ? Integer.valueOf(5) : folds);
    }

    /** One line for each figure below its floor (or above its ceiling). */
    List<String> missed(Evaluation.Report report, Evaluation.CrossValidation crossValidation) {
        List<String> missed = new ArrayList<>();
        limits.forEach((key, limit) -> {
            boolean cv = key.startsWith(CV);
            String figure = figureOf(key);
            double value = cv ? crossValidation.figures().get(figure).mean() : report.figures().get(figure);
            String name = (cv ? "fold mean of " : "") + figure;
            if (key.endsWith(CEILING) && value > limit + 1e-9) {
                missed.add(String.format("%s %.3f > %.3f", name, value, limit));
            } else if (!key.endsWith(CEILING) && value < limit - 1e-9) {
                missed.add(String.format("%s %.3f < %.3f", name, value, limit));
            }
        });
        return missed;
    }

    private static String figureOf(String key) {
        String figure = key.startsWith(CV) ? key.substring(CV.length()) : key;
        return figure.equals(CEILING) ? "no_theme_fp_rate" : figure;
    }

    private static String known() {
        List<String> keys = new ArrayList<>();
        for (String figure : Evaluation.FIGURES) {
            String key = figure.equals("no_theme_fp_rate") ? CEILING : figure;
            keys.add(key);
            keys.add(CV + key);
        }
        keys.add("folds");
        return String.join(", ", keys);
    }
}
