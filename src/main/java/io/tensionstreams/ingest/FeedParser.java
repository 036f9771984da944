package io.tensionstreams.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/** Reads RSS (0.9x, 1.0, 2.0) and Atom with ROME into feed items, and says why any item is skipped. */
public final class FeedParser {
    /** Why an item did not become an article. */
    public enum SkipReason {
        NO_ID("no-guid-or-link"), NO_TEXT("no-title-or-text");

        public final String label;

        SkipReason(String label) {
            this.label = label;
        }
    }

    /** The items read, and those skipped with their reason. */
    public record Parsed(List<FeedItem> items, List<SkipReason> skipped) {
    }

    private FeedParser() {
    }

    /**
     * @param readAt the publication time of items that give none
     */
    public static Parsed parse(byte[] document, FeedSource source, Instant readAt) throws io.tensionstreams.ingest.FeedException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false); // no DTDs: no external entities, no entity expansion bombs
            feed = input.build(new XmlReader(new ByteArrayInputStream(document)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new io.tensionstreams.ingest.FeedException("not an RSS or Atom feed: " + firstLine(e.getMessage()), e);
        }
        List<FeedItem> items = new ArrayList<>();
        List<SkipReason> skipped = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String identity = firstNonBlank(entry.getUri(), entry.getLink());
            String title = clean(entry.getTitle());
            String text = textOf(entry);
            if (identity == null) {
                skipped.add(SkipReason.NO_ID);
            } else if (title.isEmpty() && text.isEmpty()) {
                skipped.add(SkipReason.NO_TEXT);
            } else {
                items.add(new FeedItem(FeedItem.idOf(identity), title, text, blankToNull(entry.getLink()), source.name(),
                        timeOf(entry, readAt), blankToNull(feed.getLanguage())));
            }
        }
        return new Parsed(items, skipped);
    }

    /** The fullest text the item carries: its content (content:encoded, Atom content), else its summary. */
    private static String textOf(SyndEntry entry) {
        StringBuilder content = new StringBuilder();
        for (SyndContent part : entry.getContents()) {
            if (part.getValue() != null) {
                content.append(part.getValue()).append('\n');
            }
        }
        String text = PageText.ofFragment(content.toString());
        if (text.isEmpty() && entry.getDescription() != null) {
            text = PageText.ofFragment(entry.getDescription().getValue());
        }
        return text;
    }

    private static Instant timeOf(SyndEntry entry, Instant readAt) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? readAt : date.toInstant();
    }

    private static String clean(String text) {
        return text == null ? "" : PageText.ofFragment(text);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
