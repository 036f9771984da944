package io.tensionstreams.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tensionstreams.tagging.ArticleText;

/** Articles to benchmark on: the labelled corpus when it is beside the project, and long synthetic ones. */
final class BenchArticles {
    private static final String[] SENTENCES = {
            "Chinese warships held drills near Taiwan on Tuesday as Beijing warned against independence.",
            "The Philippine coast guard said a Chinese vessel fired a water cannon near Second Thomas Shoal.",
            "Russian missiles struck Kyiv overnight, and Ukraine's air defenses shot down most of the drones.",
            "Officials said the spy balloon had crossed sensitive military sites before it was shot down.",
            "The Commerce Department added a dozen chipmakers to the entity list under new export controls.",
            "Ministers met in Geneva for talks and agreed to keep lines of communication open.",
            "Farmers in the valley expect a large harvest after a wet spring and a mild summer.",
            "The museum reopened its galleries with an exhibition of paintings from the last century.",
            "Local officials said the new bridge would cut travel times for commuters by half.",
            "Analysts expect the central bank to hold interest rates steady at its next meeting."};

    private BenchArticles() {
    }

    /** The bodies of the labelled corpus, or an empty list when it is not there. */
    static List<ArticleText> corpus(Path file) throws IOException {
        List<ArticleText> articles = new ArrayList<>();
        if (!Files.exists(file)) {
            return articles;
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            JsonNode node = json.readTree(line);
            articles.add(new ArticleText(node.get("id").asText(), node.get("title").asText(), node.get("body").asText(), null));
        }
        return articles;
    }

    /** Synthetic articles of about {@code chars} characters each, a mix of tension and everyday sentences. */
    static List<ArticleText> synthetic(int count, int chars, long seed) {
        Random random = new Random(seed);
        List<ArticleText> articles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder(chars + 200);
            while (body.length() < chars) {
                body.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(random.nextInt(6) == 0 ? "\n\n" : " ");
            }
            articles.add(new ArticleText("synthetic-" + i, "Synthetic article " + i, body.toString(), LocalDate.of(2024, 1, 1)));
        }
        return articles;
    }
}
