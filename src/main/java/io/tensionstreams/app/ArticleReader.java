package io.tensionstreams.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads articles from {@code .txt} files (the first line is the title, the rest the body, the id the
 * file name), {@code .jsonl} files (one JSON object a line with {@code id}, {@code title},
 * {@code body} and optional {@code url}, {@code source}, {@code published}), directories of them,
 * and standard input ({@code -}, as JSON lines). A bad article is reported with its file and line
 * and skipped; the rest are read.
 */
public final class ArticleReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a decoder puts where the bytes were not UTF-8. */
    private static final char REPLACEMENT = '\uFFFD';
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** A problem with one input line or file. */
    public record Problem(String origin, String message) {
        @Override
        public String toString() {
            return origin + ": " + message;
        }
    }

    private final InputStream stdin;
    private final List<Problem> problems = new ArrayList<>();

    public ArticleReader(InputStream stdin) {
        this.stdin = stdin;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Reads every input in turn, handing each good article to {@code sink}. */
    public void read(List<String> inputs, Consumer<InputArticle> sink) {
        for (String input : inputs) {
            if ("-".equals(input)) {
                readJsonLines("<stdin>", new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), sink);
            } else {
                readPath(Path.of(input), sink);
            }
        }
    }

    private void readPath(Path path, Consumer<InputArticle> sink) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile).filter(ArticleReader::isArticleFile).sorted().forEach(file -> readFile(file, sink));
            } catch (IOException e) {
                problems.add(new Problem(path.toString(), "cannot list: " + e.getMessage()));
            }
        } else if (!Files.exists(path)) {
            problems.add(new Problem(path.toString(), "no such file"));
        } else if (!isArticleFile(path)) {
            problems.add(new Problem(path.toString(), "not a .txt or .jsonl file"));
        } else {
            readFile(path, sink);
        }
    }

    private static boolean isArticleFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".txt") || name.endsWith(".jsonl");
    }

    private void readFile(Path file, Consumer<InputArticle> sink) {
        // Bytes that are not UTF-8 become U+FFFD here, so that a bad line is reported alone (validate)
        // instead of a strict decoder failing the whole file at the first one.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            if (file.toString().endsWith(".jsonl")) {
                readJsonLines(file.toString(), reader, sink);
            } else {
                readText(file, reader, sink);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(file.toString(), "cannot read: " + e.getMessage()));
        }
    }

    private void readText(Path file, BufferedReader reader, Consumer<InputArticle> sink) throws IOException {
        String title = reader.readLine();
        String body = String.join("\n", reader.lines().toList());
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - ".txt".length());
        String text = (title == null ? "" : title) + "\n" + body;
        int bad = text.indexOf(REPLACEMENT);
        int line = bad < 0 ? 1 : 1 + (int) text.substring(0, bad).chars().filter(c -> c == '\n').count();
        InputArticle article = new InputArticle(id, title == null ? "" : title.strip(), body.strip(), null, null, null, file + ":" + line);
        validate(article).ifPresentOrElse(problem -> problems.add(new Problem(article.origin(), problem)), () -> sink.accept(article));
    }

    private void readJsonLines(String name, BufferedReader reader, Consumer<InputArticle> sink) {
        int lineNumber = 0;
        for (String line : (Iterable<String>) reader.lines()::iterator) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String origin = name + ":" + lineNumber;
            try {
                InputArticle article = fromJson(JSON.readTree(line), origin);
                validate(article).ifPresentOrElse(problem -> problems.add(new Problem(origin, problem)), () -> sink.accept(article));
            } catch (JsonProcessingException e) {
                problems.add(new Problem(origin, "not JSON: " + e.getOriginalMessage()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(origin, e.getMessage()));
            }
        }
    }

    public static InputArticle fromJson(JsonNode node, String origin) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return new InputArticle(text(node, "id"), text(node, "title"), text(node, "body"), text(node, "url"),
                node.hasNonNull("source") ? text(node, "source") : text(node, "outlet"), published(node), origin);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static Instant published(JsonNode node) {
        String value = text(node, "published");
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"published\" is not an ISO date or instant: " + value);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("\"published\" is out of range (years 1000 to 9999): " + value);
        }
        return instant;
    }

    private static java.util.Optional<String> validate(InputArticle article) {
        if (article.id() == null || article.id().isBlank()) {
            return java.util.Optional.of("missing \"id\"");
        }
        boolean noTitle = article.title() == null || article.title().isBlank();
        boolean noBody = article.body() == null || article.body().isBlank();
        if (noTitle && noBody) {
            return java.util.Optional.of("article " + article.id() + " has neither title nor body");
        }
        if (!noTitle && article.title().indexOf(REPLACEMENT) >= 0 || !noBody && article.body().indexOf(REPLACEMENT) >= 0) {
            return java.util.Optional.of("article " + article.id() + " has bytes that are not UTF-8");
        }
        return java.util.Optional.empty();
    }
}
