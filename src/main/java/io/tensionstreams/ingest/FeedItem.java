package io.tensionstreams.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One item of a feed, as it becomes an article.
 *
 * @param id        stable across polls and restarts: derived from the item's GUID, else its link
 * @param text      the item's content or summary, as plain text (or the linked page's text with --fetch-pages)
 * @param published the item's own time, else the time it was read
 * @param language  the feed's language, when it says
 */
public record FeedItem(String id, String title, String text, String link, String source, Instant published, String language) {

    /** {@code feed-} and 20 hex digits of the SHA-256 of the item's GUID (or link): the same item keeps its id on every poll. */
    public static String idOf(String guidOrLink) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(guidOrLink.getBytes(StandardCharsets.UTF_8));
            return "feed-" + HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    public FeedItem withText(String newText) {
        return new FeedItem(id, title, newText, link, source, published, language);
    }
}
