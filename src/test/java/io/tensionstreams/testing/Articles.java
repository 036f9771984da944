package io.tensionstreams.testing;

import java.time.Instant;

import io.tensionstreams.avro.Article;

/** Articles for tests, written by the team. */
public final class Articles {
    private Articles() {
    }

    public static Article article(String id, String title, String body) {
        return Article.newBuilder()
                .setId(id)
                .setTitle(title)
                .setBody(body)
                .setSource("test-wire")
                .setPublishedAt(Instant.parse("2026-03-01T10:00:00Z"))
                .build();
    }
}
