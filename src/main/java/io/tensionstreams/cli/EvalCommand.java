package io.tensionstreams.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tensionstreams.tagging.Direction;
import io.tensionstreams.tagging.Evaluation;
import io.tensionstreams.tagging.LabelledArticle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tension eval}: measures the tagger on labelled articles. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure the tagger on labelled articles (JSON lines with id, title, body, published and labels).")
final class EvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Labelled articles, such as ../shared/corpus/dev.jsonl.")
    private Path file;

    @Option(names = "--json", description = "Print the figures as JSON.")
    private boolean json;

    @Option(names = "--floors", paramLabel = "FILE",
            description = "A properties file of minimum figures (macro_f1, min_theme_f1, pair_f1, direction_accuracy, max_no_theme_fp_rate); exit 1 when one is missed.")
    private Path floors;

    @Mixin
    private TaxonomyOption taxonomy;

    @Override
    public Integer call() throws IOException {
        Evaluation.Report report = Evaluation.run(taxonomy.tagger(), readLabelled(file));
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(report).toPrettyString() : EvalTable.render(report));
        out.flush();
        List<String> missed = floors == null ? List.of() : missedFloors(report, floors);
        missed.forEach(line -> spec.commandLine().getErr().println("below the floor: " + line));
        spec.commandLine().getErr().flush();
        return missed.isEmpty() ? 0 : FailureHandler.EXIT_FAILURE;
    }

    static List<LabelledArticle> readLabelled(Path file) throws IOException {
        List<LabelledArticle> labelled = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String origin = file + ":" + lineNumber;
            JsonNode node = TagsJson.JSON.readTree(line);
            JsonNode labels = node.path("labels");
            if (!labels.isObject()) {
                throw new IllegalArgumentException(origin + ": no \"labels\" object");
            }
            InputArticle article = ArticleReader.fromJson(node, origin);
            labelled.add(new LabelledArticle(article.text(), strings(labels.path("themes")), strings(labels.path("pairs")),
                    Direction.fromLabel(labels.path("direction").asText("none"))));
        }
        return labelled;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    static List<String> missedFloors(Evaluation.Report report, Path floorsFile) throws IOException {
        Properties floors = new Properties();
        try (InputStream in = Files.newInputStream(floorsFile)) {
            floors.load(in);
        }
        Map<String, Double> figures = Map.of(
                "macro_f1", report.macroF1(),
                "min_theme_f1", report.minThemeF1(),
                "pair_f1", report.pairs().f1(),
                "direction_accuracy", report.directionAccuracy());
        List<String> missed = new ArrayList<>();
        for (String key : floors.stringPropertyNames()) {
            double floor = Double.parseDouble(floors.getProperty(key).trim());
            if (key.equals("max_no_theme_fp_rate")) {
                if (report.noThemeFalsePositiveRate() > floor + 1e-9) {
                    missed.add(String.format("no-theme false-positive rate %.3f > %.3f", report.noThemeFalsePositiveRate(), floor));
                }
            } else if (!figures.containsKey(key)) {
                throw new IllegalArgumentException(floorsFile + ": unknown floor \"" + key + "\"; known: " + figures.keySet() + " and max_no_theme_fp_rate");
            } else if (figures.get(key) < floor - 1e-9) {
                missed.add(String.format("%s %.3f < %.3f", key, figures.get(key), floor));
            }
        }
        return missed;
    }

    private static ObjectNode toJson(Evaluation.Report report) {
        ObjectNode root = TagsJson.JSON.createObjectNode().put("articles", report.articles());
        ObjectNode themes = root.putObject("themes");
        report.themes().forEach((theme, score) -> themes.putObject(theme)
                .put("precision", TagsJson.round(score.precision())).put("recall", TagsJson.round(score.recall()))
                .put("f1", TagsJson.round(score.f1())));
        root.put("macro_f1", TagsJson.round(report.macroF1()));
        root.putObject("pairs").put("precision", TagsJson.round(report.pairs().precision()))
                .put("recall", TagsJson.round(report.pairs().recall())).put("f1", TagsJson.round(report.pairs().f1()));
        root.put("no_theme_articles", report.noThemeArticles()).put("no_theme_tagged", report.noThemeTagged())
                .put("no_theme_fp_rate", TagsJson.round(report.noThemeFalsePositiveRate()))
                .put("direction_accuracy", TagsJson.round(report.directionAccuracy()));
        var misses = root.putArray("misses");
        report.misses().forEach(miss -> misses.add(TagsJson.JSON.valueToTree(miss)));
        return root;
    }
}
