package io.tensionstreams.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The sample articles bundled in the jar: what {@code demo} publishes and {@code bench} builds its stories from. */
public final class SampleArticles {
    static final String RESOURCE = "/samples/articles.jsonl";

    private SampleArticles() {
    }

    public static List<InputArticle> all() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<InputArticle> articles = new ArrayList<>();
        try (InputStream in = SampleArticles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled samples " + RESOURCE + " are missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int line = 0;
            for (String text : (Iterable<String>) reader.lines()::iterator) {
                line++;
                articles.add(ArticleReader.fromJson(json.readTree(text), RESOURCE + ":" + line));
            }
        }
        return articles;
    }
}
