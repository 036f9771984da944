package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagAndEvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARTICLE = """
            {"id": "scs-1", "title": "Chinese coast guard fires water cannon at Philippine boat", \
            "body": "A Chinese coast guard ship fired a water cannon at a Philippine supply boat near Second Thomas Shoal in \
            the South China Sea, Manila said. Beijing claims most of the South China Sea and accused Manila of trespassing.", \
            "published": "2024-03-23", "labels": {"themes": ["south_china_sea"], "pairs": ["CN-PH"], "direction": "escalation"}}""";

    private final CommandRunner runner = new CommandRunner();
    private final StringWriter out = runner.out;
    private final StringWriter err = runner.err;

    private int execute(String... args) {
        return runner.execute(args);
    }

    @Test
    void tagWritesTheJsonContractWithOffsetsIntoTitleAndBody(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("articles.jsonl"), ARTICLE + "\n");

        assertThat(execute("tag", "--format", "jsonl", input.toString())).isZero();

        JsonNode result = JSON.readTree(out.toString().lines().findFirst().orElseThrow());
        JsonNode source = JSON.readTree(ARTICLE);
        String text = source.get("title").asText() + "\n\n" + source.get("body").asText();
        assertThat(result.get("id").asText()).isEqualTo("scs-1");
        assertThat(result.get("direction").asText()).isEqualTo("escalation");
        JsonNode theme = result.get("themes").get(0);
        assertThat(theme.get("theme").asText()).isEqualTo("south_china_sea");
        assertThat(theme.get("score").asDouble()).isBetween(0.0, 1.0);
        for (JsonNode evidence : theme.get("evidence")) {
            assertThat(text.substring(evidence.get("start").asInt(), evidence.get("end").asInt())).isEqualTo(evidence.get("text").asText());
        }
        assertThat(result.get("mentions").findValuesAsText("theme")).as("mentions are a superset of themes")
                .containsAll(result.get("themes").findValuesAsText("theme"));
        JsonNode pair = result.get("pairs").get(0);
        assertThat(pair.get("pair").asText()).isEqualTo("CN-PH");
        assertThat(pair.fieldNames()).toIterable().contains("tension", "escalation", "deescalation", "themes", "evidence");
    }

    @Test
    void tagReadsTextFilesAndReportsABadLineWithoutStopping(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("drills.txt"), "China holds drills near Taiwan\nWarships circled the island as Beijing warned Taipei.");
        Files.writeString(dir.resolve("mixed.jsonl"), "{not json}\n" + ARTICLE + "\n{\"id\": \"empty\", \"title\": \"\", \"body\": \"\"}\n");

        int exit = execute("tag", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("drills: China holds drills near Taiwan").contains("scs-1:");
        assertThat(err.toString()).contains("mixed.jsonl:1: not JSON").contains("mixed.jsonl:3: article empty has neither title nor body");
    }

    @Test
    void theReadableSummaryListsAThemeOnlyMentionedApartFromTheSubject(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("shoal.txt"), "Chinese coast guard fires water cannon at Philippine boat\n"
                + io.tensionstreams.testing.Stories.WATER_CANNON_BODY + " The clash came as analysts watched the war in Ukraine.");

        assertThat(execute("tag", dir.resolve("shoal.txt").toString())).isZero();

        assertThat(out.toString().lines()).anyMatch(line -> line.matches("  theme +south_china_sea .*\"water cannon\".*"))
                .anyMatch(line -> line.matches("  mention +ukraine .*\"war in Ukraine\".*"))
                .noneMatch(line -> line.matches("  theme +ukraine .*"));
    }

    @Test
    void evalPrintsTheFiguresAndFailsBelowAFloor(@TempDir Path dir) throws IOException {
        Path labelled = Files.writeString(dir.resolve("dev.jsonl"), ARTICLE + "\n");
        Path reachable = Files.writeString(dir.resolve("ok.properties"), "macro_f1=0.1\npair_f1=0.5\nmax_no_theme_fp_rate=0.05\n");
        Path unreachable = Files.writeString(dir.resolve("high.properties"), "direction_accuracy=1.01\n");

        assertThat(execute("eval", "--json", "--floors", reachable.toString(), labelled.toString())).isZero();
        JsonNode report = JSON.readTree(out.toString());
        assertThat(report.get("themes").get("south_china_sea").get("f1").asDouble()).isEqualTo(1.0);
        assertThat(report.get("pairs").get("f1").asDouble()).isEqualTo(1.0);

        assertThat(execute("eval", "--floors", unreachable.toString(), labelled.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("macro-F1");
        assertThat(err.toString()).contains("below the floor: direction_accuracy");
    }

    /** Ten copies of the labelled article under different ids: enough for five folds. */
    private static Path tenLabelledArticles(Path dir) throws IOException {
        StringBuilder articles = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            articles.append(ARTICLE.replace("scs-1", "scs-" + i)).append('\n');
        }
        return Files.writeString(dir.resolve("dev.jsonl"), articles);
    }

    @Test
    void evalCrossValidatesAndHoldsTheFoldMeanToItsFloor(@TempDir Path dir) throws IOException {
        Path labelled = tenLabelledArticles(dir);
        Path reachable = Files.writeString(dir.resolve("ok.properties"), "folds=5\ncv_macro_f1=0.9\nmacro_f1=0.9\n");
        Path unreachable = Files.writeString(dir.resolve("high.properties"), "folds=2\ncv_pair_f1=1.01\n");

        assertThat(execute("eval", "--json", "--floors", reachable.toString(), labelled.toString())).isZero();
        JsonNode cv = JSON.readTree(out.toString()).get("cross_validation");
        assertThat(cv.get("folds").asInt()).isEqualTo(5);
        assertThat(cv.get("macro_f1").get("mean").asDouble()).isEqualTo(1.0);
        assertThat(cv.get("macro_f1").fieldNames()).toIterable().containsExactly("mean", "sd", "min", "max");

        assertThat(execute("eval", "--floors", unreachable.toString(), labelled.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("2-fold cross-validation");
        assertThat(err.toString()).contains("below the floor: fold mean of pair_f1 1.000 < 1.010");
    }

    @Test
    void evalRepeatsTheCrossValidationOverSeveralFoldAssignments(@TempDir Path dir) throws IOException {
        Path labelled = tenLabelledArticles(dir);
        Path floors = Files.writeString(dir.resolve("ok.properties"), "folds=5\ncv_macro_f1=0.9\n");

        assertThat(execute("eval", "--json", "--folds", "5", "--repeats", "3", labelled.toString())).isZero();
        JsonNode cv = JSON.readTree(out.toString()).get("cross_validation");
        assertThat(cv.get("repeats").asInt()).isEqualTo(3);
        assertThat(cv.get("macro_f1").get("mean").asDouble()).isEqualTo(1.0);
        assertThat(execute("eval", "--folds", "5", "--repeats", "3", labelled.toString())).isZero();
        assertThat(out.toString()).contains("5-fold cross-validation repeated over 3 fold assignments");

        assertThat(execute("eval", "--folds", "5", "--repeats", "0", labelled.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--repeats must be 1 or more");
        assertThat(execute("eval", "--repeats", "3", labelled.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--repeats needs --folds");
        assertThat(execute("eval", "--folds", "5", "--repeats", "3", "--floors", floors.toString(), labelled.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--repeats cannot be used with --floors");
    }

    @Test
    void trainWritesAModelThatTagAndEvalReadFromTheTaxonomyDirectory(@TempDir Path dir) throws IOException {
        Path labelled = Files.writeString(dir.resolve("dev.jsonl"), ARTICLE + "\n" + ARTICLE.replace("scs-1", "scs-2") + "\n");
        Path taxonomy = Files.createDirectory(dir.resolve("taxonomy"));

        assertThat(execute("train", labelled.toString(), "--out", taxonomy.resolve("model.json").toString())).isZero();
        assertThat(out.toString()).contains("fitted on 2 labelled articles");
        assertThat(JSON.readTree(taxonomy.resolve("model.json").toFile()).get("trainedOn").asText()).isEqualTo("2 labelled articles");

        assertThat(execute("eval", "--taxonomy", taxonomy.toString(), labelled.toString())).isZero();
        Files.writeString(taxonomy.resolve("model.json"), "{\"version\": 2}");
        assertThat(execute("tag", "--taxonomy", taxonomy.toString(), labelled.toString())).isNotZero();
        assertThat(err.toString()).contains("model.json");
    }

    @Test
    void anUnknownFloorIsNamed(@TempDir Path dir) throws IOException {
        Path labelled = Files.writeString(dir.resolve("dev.jsonl"), ARTICLE + "\n");
        Path floors = Files.writeString(dir.resolve("typo.properties"), "macro_f2=0.5\n");

        assertThat(execute("eval", "--floors", floors.toString(), labelled.toString())).isNotZero();
        assertThat(err.toString()).contains("unknown floor \"macro_f2\"");
    }

    @Test
    void aMalformedTaxonomyStopsWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cues.yaml"), "escalation: [oops\n");
        Path input = Files.writeString(dir.resolve("a.jsonl"), ARTICLE + "\n");

        assertThat(execute("tag", "--taxonomy", dir.toString(), input.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: ").contains("cues.yaml line ").hasLineCount(1);
    }
}
