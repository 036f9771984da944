package io.tensionstreams.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.tensionstreams.app.InputArticle;

/**
 * A seeded stream of realistic articles for {@code tension bench}: the demo's stories (themes,
 * pairs, de-escalation and negatives) recombined with everyday sentences into bodies of a
 * realistic spread of lengths, and about one in twenty a syndicated near-copy of an earlier one.
 */
final class ArticleMix {
    private static final String[] FILLER = {
            "Officials said more details would be released later in the week.",
            "The ministry did not respond to a request for comment.",
            "Analysts said the markets had largely priced in the news.",
            "Local residents said life in the city continued as usual.",
            "The statement was published on the government's website.",
            "Reporters at the scene said traffic was moving normally by evening.",
            "A spokesperson declined to give further details, citing security.",
            "The figures could not be independently verified."};

    private ArticleMix() {
    }

    static List<InputArticle> generate(int count, long seed, Instant start, Duration span, List<InputArticle> stories) {
        Random random = new Random(seed);
        List<InputArticle> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant published = start.plusMillis(span.toMillis() * i / Math.max(1, count));
            if (i > 10 && random.nextInt(20) == 0) {
                InputArticle original = articles.get(i - 1 - random.nextInt(Math.min(10, i)));
                articles.add(new InputArticle("bench-" + i, "Wire: " + original.title(),
                        "WIRE SERVICE \u2014 " + original.body() + "\nCopyright 2026 Wire Service. All rights reserved.", null, "wire-copy",
                        published, "bench:" + i));
                continue;
            }
            InputArticle story = stories.get(random.nextInt(stories.size()));
            StringBuilder body = new StringBuilder(story.body());
            int extra = (int) Math.min(40, Math.abs(random.nextGaussian() * 8));
            for (int s = 0; s < extra; s++) {
                body.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
            }
            body.append(" Reference ").append(Long.toHexString(random.nextLong())).append('.');
            articles.add(new InputArticle("bench-" + i, story.title(), body.toString(), null, "source-" + random.nextInt(40), published,
                    "bench:" + i));
        }
        return articles;
    }
}
