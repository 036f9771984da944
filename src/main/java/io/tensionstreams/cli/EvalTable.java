package io.tensionstreams.cli;

import java.util.Map;
import java.util.Set;

import io.tensionstreams.tagging.Evaluation;

/** The evaluation report as a plain-text table. */
final class EvalTable {
    private static final String ROW = "%-18s %9.3f %9.3f %9.3f %5d %5d %5d%n";

    private EvalTable() {
    }

    static String render(Evaluation.Report report, Evaluation.CrossValidation crossValidation) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%d labelled articles%n%n", report.articles()));
        scores(text, "theme", report.themes(), "macro-F1", report.macroF1());
        text.append('\n');
        scores(text, "mention", report.mentions(), "mention macro-F1", report.mentionMacroF1());
        text.append('\n');
        row(text, "pairs", report.pairs());
        text.append(String.format("%nno-theme articles tagged: %d of %d (%.1f%%)%n", report.noThemeTagged(), report.noThemeArticles(),
                100 * report.noThemeFalsePositiveRate()));
        text.append(String.format("direction accuracy: %.3f (%d of %d articles labelled with a theme or a pair)%n",
                report.directionAccuracy(), report.directionRight(), report.directionJudged()));
        if (crossValidation != null) {
            crossValidation(text, crossValidation);
        }
        misses(text, report);
        return text.toString();
    }

    private static void scores(StringBuilder text, String heading, Map<String, Evaluation.Score> scores, String meanLabel, double mean) {
        text.append(String.format("%-18s %9s %9s %9s %5s %5s %5s%n", heading, "precision", "recall", "F1", "TP", "FP", "FN"));
        scores.forEach((theme, score) -> row(text, theme, score));
        text.append(String.format("%-18s %29.3f%n", meanLabel, mean));
    }

    private static void row(StringBuilder text, String label, Evaluation.Score score) {
        text.append(String.format(ROW, label, score.precision(), score.recall(), score.f1(), score.truePositives(),
                score.falsePositives(), score.falseNegatives()));
    }

    private static void crossValidation(StringBuilder text, Evaluation.CrossValidation crossValidation) {
        text.append(crossValidation.repeats() == 1
                ? String.format("%n%d-fold cross-validation (folds by id hash)%n", crossValidation.folds())
                : String.format("%n%d-fold cross-validation repeated over %d fold assignments (folds by id hash; spread over all %d folds)%n",
                        crossValidation.folds(), crossValidation.repeats(), crossValidation.folds() * crossValidation.repeats()));
        text.append(String.format("%-20s %7s %7s %7s %7s%n", "figure", "mean", "sd", "min", "max"));
        crossValidation.figures().forEach((name, spread) -> text.append(String.format("%-20s %7.3f %7.3f %7.3f %7.3f%n", name,
                spread.mean(), spread.standardDeviation(), spread.min(), spread.max())));
    }

    private static void misses(StringBuilder text, Evaluation.Report report) {
        if (report.misses().isEmpty()) {
            return;
        }
        text.append(String.format("%nmisses:%n"));
        for (Evaluation.Miss miss : report.misses()) {
            text.append("  ").append(miss.id()).append(':');
            append(text, " missing themes", miss.missingThemes());
            append(text, " extra themes", miss.extraThemes());
            append(text, " missing mentions", miss.missingMentions());
            append(text, " extra mentions", miss.extraMentions());
            append(text, " missing pairs", miss.missingPairs());
            append(text, " extra pairs", miss.extraPairs());
            if (miss.expectedDirection() != miss.actualDirection()) {
                text.append(" direction ").append(miss.actualDirection().label()).append(" (labelled ")
                        .append(miss.expectedDirection().label()).append(')');
            }
            text.append('\n');
        }
    }

    private static void append(StringBuilder text, String label, Set<String> items) {
        if (!items.isEmpty()) {
            text.append(label).append(' ').append(items);
        }
    }
}
