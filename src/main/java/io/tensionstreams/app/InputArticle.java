package io.tensionstreams.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.tensionstreams.tagging.ArticleText;

/**
 * An article read from a file or standard input, before it becomes an Avro record or is tagged.
 *
 * @param origin where it was read, as {@code file:line}, for error messages
 */
public record InputArticle(String id, String title, String body, String url, String source, Instant published, String origin) {

    public ArticleText text() {
        return new ArticleText(id, title, body, published == null ? null : LocalDate.ofInstant(published, ZoneOffset.UTC));
    }
}
