package io.tensionstreams.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tensionstreams.avro.ArticleSignal;
import io.tensionstreams.avro.Evidence;
import io.tensionstreams.avro.TensionAlert;
import io.tensionstreams.avro.ThemeHit;
import io.tensionstreams.scoring.Attention;
import io.tensionstreams.scoring.PairWindow;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP port: Prometheus metrics, health, score queries (routed to the instance that owns
 * a pair), the activity feed and the dashboard. On the JDK's HTTP server, bound to the configured
 * address (127.0.0.1 unless told otherwise).
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAIR_SCORES = Pattern.compile("/api/pairs/([A-Z]{2}-[A-Z]{2})/scores");
    private static final Duration DEFAULT_HISTORY = Duration.ofDays(30);
    private static final String CHART_JS = "/webjars/chart.js/";
    /** Every endpoint is a GET: a request body is never read, and a large one is refused. */
    private static final long MAX_BODY_BYTES = 8 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient peers = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final PrometheusMeterRegistry metrics;
    private final Supplier<KafkaStreams.State> state;
    private final Supplier<ScoreQueries> queries;
    private final ActivityFeed feed;
    private final double evidenceScale;

    /**
     * @param queries supplies the score queries once the streams exist (null until then: the API answers 503)
     */
    public HttpApi(String host, int port, PrometheusMeterRegistry metrics, Supplier<KafkaStreams.State> state,
                   Supplier<ScoreQueries> queries, ActivityFeed feed, double evidenceScale) throws IOException {
        this.metrics = metrics;
        this.state = state;
        this.queries = queries;
        this.feed = feed;
        this.evidenceScale = evidenceScale;
        ServerLimits.apply();
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        this.executor = Executors.newFixedThreadPool(ServerLimits.WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "tension-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL to open: on a wildcard address (0.0.0.0, ::) that is this machine's loopback, which the server also listens on. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Whether other machines can reach the API: it has no authentication, so that is worth a warning. */
    public boolean reachableFromOtherMachines() {
        return !server.getAddress().getAddress().isLoopbackAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // The catch sits inside the try-with-resources so that the 500 is written before the exchange closes.
        try (exchange) {
            try {
                Optional<ServerLimits.Refusal> refusal = ServerLimits.refusal(exchange, MAX_BODY_BYTES);
                if (refusal.isPresent()) {
                    // The request was not read: the connection cannot carry another one.
                    exchange.getResponseHeaders().set("Connection", "close");
                    send(exchange, refusal.get().status(), "application/json", error(refusal.get().reason()));
                    return;
                }
                String method = exchange.getRequestMethod();
                if (!"GET".equals(method) && !"HEAD".equals(method)) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    send(exchange, 405, "application/json", error("only GET and HEAD are served"));
                    return;
                }
                route(exchange, exchange.getRequestURI().getPath());
            } catch (ScoresUnavailableException e) {
                exchange.getResponseHeaders().set("Retry-After", "5");
                send(exchange, 503, "application/json", error(e.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("HTTP {} failed: {}", exchange.getRequestURI(), e.toString());
                send(exchange, 500, "application/json", error(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        Matcher pairScores = PAIR_SCORES.matcher(path);
        switch (path) {
            case "/metrics" -> send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(StandardCharsets.UTF_8));
            case "/health/live" -> health(exchange, isLive());
            case "/health/ready" -> health(exchange, state.get() == KafkaStreams.State.RUNNING);
            case "/api/pairs" -> pairs(exchange);
            case "/api/alerts" -> sendJson(exchange, 200, alertsJson());
            case "/api/articles" -> sendJson(exchange, 200, articlesJson());
            case "/", "/index.html" -> resource(exchange, "/dashboard/index.html", "text/html; charset=utf-8");
            case "/dashboard.js" -> resource(exchange, "/dashboard/dashboard.js", "text/javascript; charset=utf-8");
            case "/dashboard.css" -> resource(exchange, "/dashboard/dashboard.css", "text/css; charset=utf-8");
            default -> {
                if (pairScores.matches()) {
                    pairScores(exchange, pairScores.group(1));
                } else if (path.startsWith(CHART_JS) && !path.contains("..") && !path.endsWith("/")) {
                    resource(exchange, "/META-INF/resources" + path, "text/javascript; charset=utf-8");
                } else {
                    send(exchange, 404, "application/json", error("no such path: " + path));
                }
            }
        }
    }

    private boolean isLive() {
        KafkaStreams.State current = state.get();
        return current != KafkaStreams.State.ERROR && current != KafkaStreams.State.NOT_RUNNING && current != KafkaStreams.State.PENDING_ERROR;
    }

    private void health(HttpExchange exchange, boolean up) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("status", up ? "UP" : "DOWN").put("state", String.valueOf(state.get()));
        sendJson(exchange, up ? 200 : 503, body);
    }

    /** Pairs with their latest index per window size, from every instance. */
    private void pairs(HttpExchange exchange) throws IOException {
        ScoreQueries scores = queries.get();
        if (scores == null || state.get() != KafkaStreams.State.RUNNING) {
            sendJson(exchange, 503, error("the streams are not running yet"));
            return;
        }
        Map<String, ObjectNode> byPair = new TreeMap<>();
        Instant now = Instant.now();
        for (Duration size : scores.windowSizes()) {
            for (ScoreQueries.WindowScore window : scores.localWindows(size, Instant.EPOCH, now.plus(Duration.ofDays(1)))) {
                ObjectNode pair = byPair.computeIfAbsent(window.pair(), p -> newPair(p));
                JsonNode latest = pair.path("windows").path(window.windowSize());
                if (latest.isMissingNode() || Instant.parse(latest.get("windowStart").asText()).isBefore(window.start())) {
                    ((ObjectNode) pair.get("windows")).set(window.windowSize(), windowJson(scores, window));
                }
            }
        }
        if (!"true".equals(query(exchange).get("local"))) {
            for (HostInfo host : scores.otherInstances()) {
                fetch(host, "/api/pairs?local=true").ifPresent(remote -> remote.forEach(node -> byPair.putIfAbsent(node.get("pair").asText(), (ObjectNode) node)));
            }
        }
        ArrayNode answer = JSON.createArrayNode();
        byPair.values().stream()
                .sorted(Comparator.comparingDouble(HttpApi::maxIndex).reversed())
                .forEach(answer::add);
        sendJson(exchange, 200, answer);
    }

    private void pairScores(HttpExchange exchange, String pair) throws IOException {
        ScoreQueries scores = queries.get();
        if (scores == null || state.get() != KafkaStreams.State.RUNNING) {
            sendJson(exchange, 503, error("the streams are not running yet"));
            return;
        }
        Map<String, String> params = query(exchange);
        Optional<Duration> size = scores.windowSizes().stream().filter(s -> ScoreQueries.label(s).equals(params.getOrDefault("window",
                ScoreQueries.label(scores.windowSizes().get(0))))).findFirst();
        if (size.isEmpty()) {
            sendJson(exchange, 400, error("unknown window " + params.get("window") + "; known: "
                    + scores.windowSizes().stream().map(ScoreQueries::label).toList()));
            return;
        }
        Instant to;
        Instant from;
        try {
            to = params.containsKey("to") ? Instant.parse(params.get("to")) : Instant.now().plus(Duration.ofDays(1));
            from = params.containsKey("from") ? Instant.parse(params.get("from")) : to.minus(DEFAULT_HISTORY);
        } catch (DateTimeParseException e) {
            sendJson(exchange, 400, error("from and to must be ISO-8601 instants, such as 2026-11-29T10:00:00Z"));
            return;
        }
        Optional<HostInfo> owner = "true".equals(params.get("local")) ? Optional.empty() : scores.ownerElsewhere(pair);
        if (owner.isPresent()) {
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Optional<JsonNode> remote = fetch(owner.get(), exchange.getRequestURI().getPath() + "?" + (rawQuery == null ? "" : rawQuery + "&") + "local=true");
            if (remote.isPresent()) {
                sendJson(exchange, 200, remote.get());
            } else {
                sendJson(exchange, 502, error("the instance that owns " + pair + " (" + owner.get() + ") did not answer"));
            }
            return;
        }
        ArrayNode answer = JSON.createArrayNode();
        scores.localPairWindows(pair, size.get(), from, to).stream()
                .sorted(Comparator.comparing(ScoreQueries.WindowScore::start))
                .forEach(window -> answer.add(windowJson(scores, window)));
        sendJson(exchange, 200, answer);
    }

    private ObjectNode newPair(String pair) {
        ObjectNode node = JSON.createObjectNode().put("pair", pair);
        node.putObject("windows");
        return node;
    }

    private ObjectNode windowJson(ScoreQueries scores, ScoreQueries.WindowScore window) {
        PairWindow aggregate = window.aggregate();
        long windowArticles = Math.max(aggregate.articles(), scores.windowArticles(window.windowSize(), window.start()));
        ObjectNode node = JSON.createObjectNode()
                .put("windowSize", window.windowSize())
                .put("windowStart", window.start().toString())
                .put("windowEnd", window.end().toString())
                .put("index", round(aggregate.index(evidenceScale)))
                .put("intensity", round(aggregate.intensity()))
                .put("articles", aggregate.articles())
                .put("windowArticles", windowArticles)
                .put("attentionShare", Math.round(Attention.share(aggregate.articles(), windowArticles) * 10_000) / 10_000.0)
                .put("sources", aggregate.sources().size())
                .put("escalation", round(aggregate.escalation()))
                .put("deescalation", round(aggregate.deescalation()));
        ArrayNode themes = node.putArray("themes");
        for (String theme : aggregate.themesByStrength()) {
            PairWindow.ThemeTally tally = aggregate.themes().get(theme);
            themes.addObject().put("theme", theme).put("articles", tally.articles()).put("escalation", round(tally.escalation()))
                    .put("mentions", tally.mentions());
        }
        ArrayNode top = node.putArray("topArticles");
        aggregate.topArticles().forEach(article -> top.add(article.id()));
        return node;
    }

    private ArrayNode alertsJson() {
        ArrayNode answer = JSON.createArrayNode();
        for (TensionAlert alert : feed.alerts()) {
            ObjectNode node = answer.addObject().put("pair", alert.getPair()).put("windowSize", alert.getWindowSize())
                    .put("windowStart", alert.getWindowStart().toString()).put("index", alert.getIndex())
                    .put("intensity", alert.getIntensity()).put("attentionShare", alert.getAttentionShare())
                    .put("baselineMean", alert.getBaselineMean()).put("reason", alert.getReason());
            node.putPOJO("themes", alert.getThemes());
            node.putPOJO("articleIds", alert.getArticleIds());
        }
        return answer;
    }

    private ArrayNode articlesJson() {
        ArrayNode answer = JSON.createArrayNode();
        for (ArticleSignal signal : feed.articles()) {
            ObjectNode node = answer.addObject().put("id", signal.getArticleId()).put("title", signal.getTitle())
                    .put("source", signal.getSource()).put("publishedAt", signal.getPublishedAt().toString())
                    .put("direction", signal.getDirection()).put("duplicateOf", signal.getDuplicateOf());
            node.putPOJO("pairs", signal.getPairs().stream().map(pair -> pair.getPair()).toList());
            themeHits(node.putArray("themes"), signal.getThemes());
            themeHits(node.putArray("mentions"), signal.getMentions());
        }
        return answer;
    }

    private static void themeHits(ArrayNode array, List<ThemeHit> hits) {
        for (ThemeHit hit : hits) {
            ObjectNode theme = array.addObject().put("theme", hit.getTheme()).put("score", hit.getScore());
            ArrayNode evidence = theme.putArray("evidence");
            for (Evidence span : hit.getEvidence()) {
                evidence.add(span.getText());
            }
        }
    }

    private Optional<JsonNode> fetch(HostInfo host, String pathAndQuery) {
        try {
            HttpResponse<byte[]> response = peers.send(HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("instance {} did not answer {}: {}", host, pathAndQuery, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static double maxIndex(JsonNode pair) {
        double max = 0;
        for (JsonNode window : pair.path("windows")) {
            max = Math.max(max, window.path("index").asDouble());
        }
        return max;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                params.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private void resource(HttpExchange exchange, String name, String contentType) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            if (in == null) {
                send(exchange, 404, "application/json", error("no such path: " + exchange.getRequestURI().getPath()));
                return;
            }
            send(exchange, 200, contentType, in.readAllBytes());
        }
    }

    private static byte[] error(String message) {
        try {
            return JSON.writeValueAsBytes(JSON.createObjectNode().put("error", message));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void sendJson(HttpExchange exchange, int status, byte[] body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            // A HEAD answer has the GET answer's headers and no body (-1: no body follows).
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
