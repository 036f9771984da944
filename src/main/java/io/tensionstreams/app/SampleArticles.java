package io.tensionstreams.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The sample articles bundled in the jar: what {@code demo} publishes and {@code bench} builds its stories from. */
public final class SampleArticles {
    static final String RESOURCE = "/samples/articles.jsonl";

    private SampleArticles() {
    }

    /**
     * The samples moved forward by whole days, so that the newest falls in the day before
     * {@code now}. The output topics carry each article's own time as their record timestamp, and
     * the broker's retention (seven days by default) counts from it: samples dated as written,
     * weeks back by the time someone runs the demo, would have their scores deleted by the
     * broker's next retention check, a few minutes after the demo wrote them. Whole days keep
     * every hourly and daily window's alignment, and the officials in office on each date.
     */
    public static List<InputArticle> recent(Instant now) throws IOException {
        List<InputArticle> samples = all();
        Instant newest = samples.stream().map(InputArticle::published).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(now);
        Duration shift = Duration.ofDays(Math.max(0, Duration.between(newest, now).toDays()));
        return samples.stream().map(sample -> sample.published() == null ? sample
                : new InputArticle(sample.id(), sample.title(), sample.body(), sample.url(), sample.source(), sample.published().plus(shift),
                        sample.origin())).toList();
    }

    /** The samples as the resource dates them. */
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
