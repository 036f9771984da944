package io.tensionstreams.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What ingest remembers per feed across polls and restarts: the validators for a conditional GET,
 * the ids of items already published, and the last success. Kept as one JSON file under the data
 * directory, written whole to a temporary file and moved into place, so a crash leaves the old
 * state or the new one, never half of either.
 *
 * <p>A file rather than a compacted topic: the state belongs to one ingest process and its feed
 * list, is read once at start, and must be readable when Kafka is not. Should a crash fall between
 * publishing an item and saving this file, the item is published again on the next poll, and the
 * application's exact-duplicate filter (by id, for a week) drops it.
 */
public final class IngestState {
    /** Ids remembered per feed: far more than any feed lists at once, so an item seen once is never new again. */
    static final int MAX_SEEN = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, FeedState> feeds;

    /** One feed's memory. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class FeedState {
        public String etag;
        public String lastModified;
        /** ISO-8601, as the file shows it. */
        public String lastSuccess;
        public List<String> seen = new ArrayList<>();

        boolean hasSeen(String id) {
            return seen.contains(id);
        }

        void remember(List<String> ids) {
            LinkedHashSet<String> all = new LinkedHashSet<>(seen);
            all.addAll(ids);
            List<String> kept = new ArrayList<>(all);
            seen = kept.size() > MAX_SEEN ? new ArrayList<>(kept.subList(kept.size() - MAX_SEEN, kept.size())) : kept;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class Document {
        public Map<String, FeedState> feeds = new TreeMap<>();
    }

    private IngestState(Path file, Map<String, FeedState> feeds) {
        this.file = file;
        this.feeds = feeds;
    }

    /** The state in {@code dir}/ingest-state.json, empty when there is none yet. */
    public static IngestState load(Path dir) {
        Path file = dir.resolve("ingest-state.json");
        try {
            Files.createDirectories(dir);
            Document document = Files.exists(file) ? JSON.readValue(file.toFile(), Document.class) : new Document();
            return new IngestState(file, new TreeMap<>(document.feeds));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ingest state " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized FeedState of(FeedSource feed) {
        return feeds.computeIfAbsent(feed.url().toString(), url -> new FeedState());
    }

    public synchronized void save() {
        Document document = new Document();
        document.feeds.putAll(feeds);
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), document);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ingest state " + file + ": " + e.getMessage(), e);
        }
    }
}
