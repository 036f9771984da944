package io.tensionstreams.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tensionstreams.app.ArticleReader;
import io.tensionstreams.app.InputArticle;
import io.tensionstreams.tagging.Direction;
import io.tensionstreams.tagging.Evaluation;
import io.tensionstreams.tagging.LabelledArticle;
import io.tensionstreams.tagging.Tagger;
import io.tensionstreams.tagging.TaggerTrainer;
import io.tensionstreams.tagging.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

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
            description = "A properties file of minimum figures (macro_f1, min_theme_f1, mention_macro_f1, pair_f1, direction_accuracy, "
                    + "max_no_theme_fp_rate; the same with a cv_ prefix for the fold means, and folds=K); exit 1 when one is missed.")
    private Path floors;

    @Option(names = "--folds", paramLabel = "K",
            description = "Add K-fold cross-validated figures (mean, spread, lowest and highest fold): folds by a hash of the id, "
                    + "each fold scored by a tagger fitted on the others.")
    private Integer folds;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
            description = "Repeat the cross-validation over R assignments of the articles to folds and report the spread over all "
                    + "R x K folds (default: ${DEFAULT-VALUE}). One assignment's mean moves by an article or two with any change; "
                    + "judge a change by several. Needs --folds; not with --floors, whose fold figures are of one assignment.")
    private int repeats;

    @Mixin
    private TaxonomyOption taxonomy;

    @Override
    public Integer call() throws IOException {
        requireValidRepeats();
        List<LabelledArticle> labelled = readLabelled(file);
        Tagger tagger = taxonomy.tagger();
        Evaluation.Report report = Evaluation.run(tagger, labelled);
        Floors floorFigures = floors == null ? null : Floors.read(floors);
        Integer k = folds != null ? folds : floorFigures != null ? floorFigures.folds() : null;
        // The taxonomy is written by hand; the model is fitted again on each fold's training part.
        Taxonomy rules = taxonomy.taxonomy();
        Evaluation.CrossValidation crossValidation = k == null ? null
                : Evaluation.crossValidate(training -> new Tagger(rules, TaggerTrainer.fit(rules, training)), labelled, k, repeats);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(report, crossValidation).toPrettyString() : EvalTable.render(report, crossValidation));
        out.flush();
        List<String> missed = floorFigures == null ? List.of() : floorFigures.missed(report, crossValidation);
        missed.forEach(line -> spec.commandLine().getErr().println("below the floor: " + line));
        spec.commandLine().getErr().flush();
        return missed.isEmpty() ? 0 : FailureHandler.EXIT_FAILURE;
    }

    private void requireValidRepeats() {
        if (repeats < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--repeats must be 1 or more, not " + repeats);
        }
        if (repeats > 1 && folds == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--repeats needs --folds K: it repeats the cross-validation");
        }
        if (repeats > 1 && floors != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--repeats cannot be used with --floors: the floors' fold figures were set on one assignment of folds");
        }
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
            Set<String> themes = strings(labels.path("themes"));
            // Labels written before mentions existed name only the themes; a theme is always a mention.
            Set<String> mentions = strings(labels.path("mentions"));
            mentions.addAll(themes);
            labelled.add(new LabelledArticle(article.text(), themes, mentions, strings(labels.path("pairs")),
                    Direction.fromLabel(labels.path("direction").asText("none"))));
        }
        return labelled;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static ObjectNode toJson(Evaluation.Report report, Evaluation.CrossValidation crossValidation) {
        ObjectNode root = TagsJson.JSON.createObjectNode().put("articles", report.articles());
        scores(root.putObject("themes"), report.themes());
        root.put("macro_f1", TagsJson.round(report.macroF1()));
        scores(root.putObject("mentions"), report.mentions());
        root.put("mention_macro_f1", TagsJson.round(report.mentionMacroF1()));
        score(root.putObject("pairs"), report.pairs());
        root.put("no_theme_articles", report.noThemeArticles()).put("no_theme_tagged", report.noThemeTagged())
                .put("no_theme_fp_rate", TagsJson.round(report.noThemeFalsePositiveRate()))
                .put("direction_judged", report.directionJudged())
                .put("direction_accuracy", TagsJson.round(report.directionAccuracy()));
        if (crossValidation != null) {
            ObjectNode cv = root.putObject("cross_validation").put("folds", crossValidation.folds())
                    .put("repeats", crossValidation.repeats());
            crossValidation.figures().forEach((name, spread) -> cv.putObject(name).put("mean", TagsJson.round(spread.mean()))
                    .put("sd", TagsJson.round(spread.standardDeviation())).put("min", TagsJson.round(spread.min()))
                    .put("max", TagsJson.round(spread.max())));
        }
        var misses = root.putArray("misses");
        report.misses().forEach(miss -> misses.add(TagsJson.JSON.valueToTree(miss)));
        return root;
    }

    private static void scores(ObjectNode parent, Map<String, Evaluation.Score> scores) {
        scores.forEach((theme, value) -> score(parent.putObject(theme), value));
    }

    private static void score(ObjectNode node, Evaluation.Score score) {
        node.put("precision", TagsJson.round(score.precision())).put("recall", TagsJson.round(score.recall()))
                .put("f1", TagsJson.round(score.f1()));
    }
}
