package io.tensionstreams.cli;

import java.util.Set;

import io.tensionstreams.tagging.Evaluation;

/** The evaluation report as a plain-text table. */
final class EvalTable {
    private EvalTable() {
    }

    static String render(Evaluation.Report report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%d labelled articles%n%n", report.articles()));
        text.append(String.format("%-18s %9s %9s %9s %5s %5s %5s%n", "theme", "precision", "recall", "F1", "TP", "FP", "FN"));
        report.themes().forEach((theme, score) -> text.append(String.format("%-18s %9.3f %9.3f %9.3f %5d %5d %5d%n", theme,
                score.precision(), score.recall(), score.f1(), score.truePositives(), score.falsePositives(), score.falseNegatives())));
        text.append(String.format("%-18s %29.3f%n", "macro-F1", report.macroF1()));
        Evaluation.Score pairs = report.pairs();
        text.append(String.format("%-18s %9.3f %9.3f %9.3f %5d %5d %5d%n", "pairs", pairs.precision(), pairs.recall(), pairs.f1(),
                pairs.truePositives(), pairs.falsePositives(), pairs.falseNegatives()));
        text.append(String.format("%nno-theme articles tagged: %d of %d (%.1f%%)%n", report.noThemeTagged(), report.noThemeArticles(),
                100 * report.noThemeFalsePositiveRate()));
        text.append(String.format("direction accuracy: %.3f%n", report.directionAccuracy()));
        if (!report.misses().isEmpty()) {
            text.append(String.format("%nmisses:%n"));
            for (Evaluation.Miss miss : report.misses()) {
                text.append("  ").append(miss.id()).append(':');
                append(text, " missing themes", miss.missingThemes());
                append(text, " extra themes", miss.extraThemes());
                append(text, " missing pairs", miss.missingPairs());
                append(text, " extra pairs", miss.extraPairs());
                if (miss.expectedDirection() != miss.actualDirection()) {
                    text.append(" direction ").append(miss.actualDirection().label()).append(" (labelled ")
                            .append(miss.expectedDirection().label()).append(')');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String label, Set<String> items) {
        if (!items.isEmpty()) {
            text.append(label).append(' ').append(items);
        }
    }
}
