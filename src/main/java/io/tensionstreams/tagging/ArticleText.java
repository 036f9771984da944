package io.tensionstreams.tagging;

import java.time.LocalDate;

/**
 * An article as the tagger reads it.
 *
 * @param published the publication date, or null when unknown; officials resolve to their country
 *                  only within their terms of office
 */
public record ArticleText(String id, String title, String body, LocalDate published) {
    /** The text that evidence offsets point into. */
    public static final String SEPARATOR = "\n\n";

    public ArticleText {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }

    public String fullText() {
        return title + SEPARATOR + body;
    }
}
