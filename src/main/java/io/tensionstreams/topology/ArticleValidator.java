package io.tensionstreams.topology;

import java.time.Duration;
import java.time.Instant;

import io.tensionstreams.avro.Article;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Refuses articles that cannot be scored: a null value, no text at all, a body over the limit, an
 * impossible date (before the earliest news date, or more than a day after the record was written),
 * text that was not valid UTF-8.
 */
final class ArticleValidator implements FixedKeyProcessor<String, Article, Article> {
    /** A publisher's clock may run ahead a little (clamped by the timestamp extractor); a day ahead is a wrong date. */
    static final Duration MAX_FUTURE_SKEW = Duration.ofDays(1);
    /** What a decoder puts where the bytes were not valid UTF-8: the article's text was lost on the way. */
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';
    private final int maxBodyChars;
    private final Instant earliestPublishedAt;
    private final TopologyListeners.RejectionListener listener;
    private FixedKeyProcessorContext<String, Article> context;

    ArticleValidator(int maxBodyChars, Instant earliestPublishedAt, TopologyListeners.RejectionListener listener) {
        this.maxBodyChars = maxBodyChars;
        this.earliestPublishedAt = earliestPublishedAt;
        this.listener = listener;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        try {
            validate(record.value(), Instant.ofEpochMilli(record.timestamp()));
        } catch (InvalidArticleException e) {
            listener.rejected(e.getMessage());
            throw e;
        }
        context.forward(record);
    }

    private void validate(Article article, Instant recordTime) {
        if (article == null) {
            throw new InvalidArticleException("null value: a tombstone or an empty record is not an article");
        }
        if (article.getId() == null || article.getId().isBlank()) {
            throw new InvalidArticleException("article has no id");
        }
        if (isBlank(article.getTitle()) && isBlank(article.getBody())) {
            throw new InvalidArticleException("article " + article.getId() + " has neither title nor body");
        }
        if (article.getBody() != null && article.getBody().length() > maxBodyChars) {
            throw new InvalidArticleException("article " + article.getId() + " has a body of " + article.getBody().length()
                    + " characters, over the limit of " + maxBodyChars);
        }
        if (article.getPublishedAt() != null && article.getPublishedAt().isBefore(earliestPublishedAt)) {
            throw new InvalidArticleException("article " + article.getId() + " claims publishedAt " + article.getPublishedAt()
                    + ", before " + earliestPublishedAt + ": not a news timestamp");
        }
        if (article.getPublishedAt() != null && article.getPublishedAt().isAfter(recordTime.plus(MAX_FUTURE_SKEW))) {
            throw new InvalidArticleException("article " + article.getId() + " claims publishedAt " + article.getPublishedAt()
                    + ", more than " + MAX_FUTURE_SKEW.toHours() + " h after it was written (" + recordTime + "): not a news timestamp");
        }
        if (hasReplacementCharacter(article.getTitle()) || hasReplacementCharacter(article.getBody())) {
            throw new InvalidArticleException("article " + article.getId()
                    + " has text that was not valid UTF-8 (U+FFFD replacement characters): its words were lost before it arrived");
        }
    }

    private static boolean hasReplacementCharacter(String text) {
        return text != null && text.indexOf(REPLACEMENT_CHARACTER) >= 0;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
