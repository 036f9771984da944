package io.tensionstreams.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed to poll: its URL and the name articles from it carry as their source (the host when the
 * list gives none).
 */
public record FeedSource(URI url, String name) {

    public FeedSource {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        if (name == null || name.isBlank()) {
            name = url.getHost();
        }
    }

    /** A feed from a URL given on the command line. */
    public static FeedSource of(String url) {
        try {
            return new FeedSource(new URI(url.trim()), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (" + e.getReason() + ")");
        }
    }

    /**
     * The feeds of a list file: one URL a line, optionally followed by whitespace and a name;
     * blank lines and lines starting with {@code #} are skipped. A bad line is an error naming the file and line.
     */
    public static List<FeedSource> readList(Path file) throws IOException {
        List<FeedSource> feeds = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            try {
                FeedSource feed = of(parts[0]);
                feeds.add(parts.length > 1 ? new FeedSource(feed.url(), parts[1].strip()) : feed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return feeds;
    }
}
