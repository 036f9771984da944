package io.tensionstreams.topology;

import java.time.Instant;

import io.tensionstreams.avro.Article;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Refuses articles that cannot be scored: a null value, no text at all, a body over the limit, an impossible date. */
final class ArticleValidator implements FixedKeyProcessor<String, Article, Article> {
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
            validate(record.value());
        } catch (InvalidArticleException e) {
            listener.rejected(e.getMessage());
            throw e;
        }
        context.forward(record);
    }

    private void validate(Article article) {
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
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
