package io.tensionstreams.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tensionstreams.avro.Article;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest against a local HTTP server serving feeds written by the team: no network. */
class IngestTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final long MAX_BYTES = 100_000;

    @TempDir
    Path dataDir;

    private HttpServer server;
    private final AtomicReference<String> rss = new AtomicReference<>("rss.xml");
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final List<String> atomConditions = new CopyOnWriteArrayList<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final List<Article> published = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/rss", exchange -> send(exchange, 200, "application/rss+xml", local(fixture(rss.get()))));
        server.createContext("/atom", this::atom);
        server.createContext("/flaky", exchange -> {
            if (flakyCalls.getAndIncrement() == 0) {
                send(exchange, 500, "text/plain", "down for maintenance");
            } else {
                send(exchange, 200, "application/atom+xml", fixture("atom.xml").replace("urn:uuid:", "urn:flaky:"));
            }
        });
        server.createContext("/notxml", exchange -> send(exchange, 200, "text/plain", "this is not a feed, nor XML at all"));
        server.createContext("/huge", exchange -> send(exchange, 200, "application/rss+xml", "<rss>" + "x".repeat((int) MAX_BYTES * 3) + "</rss>"));
        server.createContext("/bomb", this::gzipBomb);
        server.createContext("/slow", exchange -> {
            awaitRelease();
            send(exchange, 200, "application/rss+xml", fixture("rss.xml"));
        });
        server.createContext("/world/", exchange -> send(exchange, 200, "text/html", fixture("page.html")));
        server.start();
    }

    @AfterEach
    void stopServer() {
        releaseSlow.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Ingester ingester(boolean fetchPages) {
        return new Ingester(new BoundedFetcher(Duration.ofSeconds(2), MAX_BYTES), fetchPages, IngestState.load(dataDir),
                articles -> {
                    published.addAll(articles);
                    return Map.of();
                }, new IngestMeters(metrics), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void eachItemIsPublishedOnceAcrossPollsAChangedFeedAndARestart() throws Exception {
        FeedSource feed = new FeedSource(java.net.URI.create(url("/rss")), "Harbour Gazette");

        Ingester.PollReport first = ingester(false).poll(feed);
        Ingester.PollReport second = ingester(false).poll(feed);
        rss.set("rss-updated.xml");
        Ingester.PollReport changed = ingester(false).poll(feed);
        Ingester.PollReport afterRestart = ingester(false).poll(feed); // a fresh Ingester reads the saved state, as a restart does

        assertThat(first.published()).isEqualTo(3);
        assertThat(first.skipped()).containsExactlyInAnyOrderEntriesOf(Map.of("no-title-or-text", 1, "no-guid-or-link", 1));
        assertThat(second.published()).isZero();
        assertThat(second.seenBefore()).isEqualTo(3);
        assertThat(changed.published()).isEqualTo(1);
        assertThat(afterRestart.published()).isZero();
        assertThat(published).extracting(Article::getId).doesNotHaveDuplicates().hasSize(4);
        Article hotline = published.stream().filter(a -> a.getTitle().startsWith("US and Chinese")).findFirst().orElseThrow();
        assertThat(hotline.getBody()).as("content:encoded, as text").isEqualTo(
                "The United States and China agreed on Monday to reopen a military hotline after talks in Washington.\n\nBoth sides called the meeting constructive.");
        assertThat(hotline.getSource()).isEqualTo("Harbour Gazette");
        assertThat(hotline.getLanguage()).isEqualTo("en-gb");
        assertThat(hotline.getPublishedAt()).isEqualTo(Instant.parse("2026-11-30T10:40:00Z"));
        assertThat(hotline.getId()).isEqualTo(FeedItem.idOf("hg-world-0002")).matches("feed-[0-9a-f]{20}");
        assertThat(userAgents).allMatch(agent -> agent.startsWith("tension-streams-ingest/"));
        assertThat(metrics.find("tension.ingest.items.published").tag("feed", "Harbour Gazette").counter().count()).isEqualTo(4);
        assertThat(metrics.find("tension.ingest.items.skipped").tag("reason", "no-title-or-text").counter().count()).isEqualTo(4);
    }

    @Test
    void aFeedThatSaysNotModifiedIsNotReadAgain() throws Exception {
        FeedSource feed = FeedSource.of(url("/atom"));

        Ingester.PollReport first = ingester(false).poll(feed);
        Ingester.PollReport second = ingester(false).poll(feed);

        assertThat(first.published()).isEqualTo(2);
        assertThat(second.outcome()).isEqualTo("not_modified");
        assertThat(atomConditions).containsExactly("none", "\"atom-v1\"");
        Article statement = published.stream().filter(a -> a.getTitle().startsWith("Statement")).findFirst().orElseThrow();
        assertThat(statement.getBody()).isEqualTo("The ministry protested the detention of a national and demanded consular access.");
        assertThat(statement.getPublishedAt()).as("updated, when there is no published date").isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(statement.getSource()).as("the host, when the list names no source").isEqualTo("127.0.0.1");
        assertThat(metrics.find("tension.ingest.polls").tag("outcome", "not_modified").counter().count()).isEqualTo(1);
    }

    @Test
    void aFeedThatFailsIsReportedInOneLineAndReadOnTheNextPoll() throws Exception {
        FeedSource feed = FeedSource.of(url("/flaky"));

        Ingester.PollReport down = ingester(false).poll(feed);
        Ingester.PollReport up = ingester(false).poll(feed);

        assertThat(down.outcome()).isEqualTo("error");
        assertThat(down.line()).isEqualTo("127.0.0.1: error: HTTP 500");
        assertThat(up.published()).isEqualTo(2);
        assertThat(metrics.find("tension.ingest.fetch.errors").tag("feed", "127.0.0.1").counter().count()).isEqualTo(1);
    }

    @Test
    void feedsThatAreNotXmlTooLargeGzipBombedOrSlowAreOneLineErrorsAndTheOthersGoOn() throws Exception {
        Ingester ingester = ingester(false);

        assertThat(ingester.poll(FeedSource.of(url("/notxml"))).error()).startsWith("not an RSS or Atom feed");
        assertThat(ingester.poll(FeedSource.of(url("/huge"))).error()).startsWith("too large");
        assertThat(ingester.poll(FeedSource.of(url("/bomb"))).error()).startsWith("too large").contains("after gzip");
        assertThat(ingester.poll(FeedSource.of(url("/slow"))).error()).contains("PT2S");
        assertThat(ingester.poll(FeedSource.of(url("/rss"))).published()).isEqualTo(3);
    }

    @Test
    void withFetchPagesTheBodyIsTheLinkedPagesArticleText() throws Exception {
        FeedSource feed = FeedSource.of(url("/rss"));

        ingester(true).poll(feed);

        Article shoal = published.stream().filter(a -> a.getTitle().startsWith("Chinese coast guard")).findFirst().orElseThrow();
        assertThat(shoal.getBody()).startsWith("China's coast guard shadowed a Philippine supply boat")
                .contains("blocked its path for an hour").contains("lodged a protest")
                .doesNotContain("NAVIGATION TEXT", "SCRIPT TEXT", "FOOTER TEXT", "RELATED STORIES", "Home");
        assertThat(shoal.getUrl()).isEqualTo(url("/world/1"));
    }

    @Test
    void aFeedListGivesNamesAndABadLineIsNamedWithFileAndLine() throws IOException {
        Path list = Files.writeString(dataDir.resolve("feeds.txt"), """
                # world news
                https://harbour-gazette.example/world/rss  Harbour Gazette

                https://mfa.example/press.atom
                ftp://nope.example/feed
                """);

        assertThatThrownBy(() -> FeedSource.readList(list)).hasMessage(list + ":5: not an http(s) URL: ftp://nope.example/feed");
        Files.writeString(list, "https://harbour-gazette.example/world/rss  Harbour Gazette\nhttps://mfa.example/press.atom\n");
        assertThat(FeedSource.readList(list)).extracting(FeedSource::name).containsExactly("Harbour Gazette", "mfa.example");
    }

    private void atom(HttpExchange exchange) throws IOException {
        String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
        atomConditions.add(condition == null ? "none" : condition);
        if ("\"atom-v1\"".equals(condition)) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("ETag", "\"atom-v1\"");
        send(exchange, 200, "application/atom+xml", fixture("atom.xml"));
    }

    /** 40 MB of spaces in a gzip stream of about 40 KB. */
    private void gzipBomb(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                gzip.write(spaces);
            }
        }
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, compressed.size());
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(compressed.toByteArray());
        }
    }

    private void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // The client gave up (a test of limits): nothing to answer.
        }
    }

    private void awaitRelease() {
        try {
            releaseSlow.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The fixture with its links pointing at this server, so that --fetch-pages fetches them here. */
    private String local(String feed) {
        return feed.replace("https://harbour-gazette.example", url(""));
    }

    private static String fixture(String name) {
        try (var in = IngestTest.class.getResourceAsStream("/feeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
