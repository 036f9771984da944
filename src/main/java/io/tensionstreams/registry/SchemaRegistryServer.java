package io.tensionstreams.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tensionstreams.http.ServerLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Schema Registry serving Confluent's REST API for Avro on the JDK's HTTP server: the same
 * paths, JSON shapes, status codes and error bodies, so that any Confluent client can use it.
 */
public final class SchemaRegistryServer implements AutoCloseable {
    /** The largest request body read; a larger one is refused with 413 before it is read. */
    static final int MAX_REQUEST_BYTES = 2 * 1024 * 1024;
    /** The largest schema registered (Confluent answers a larger one with 42209). */
    static final int MAX_SCHEMA_CHARS = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "([^/]+)";

    private final SchemaStore store;
    private final SchemaLog log;
    private final HttpServer http;
    private final ExecutorService executor;
    private final List<Route> routes;

    SchemaRegistryServer(SchemaLog log, String host, int port) throws IOException {
        this.log = log;
        this.store = new SchemaStore(log);
        this.routes = routes();
        ServerLimits.apply();
        this.http = HttpServer.create(new InetSocketAddress(host, port), 0);
        this.executor = Executors.newFixedThreadPool(ServerLimits.WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Starts a registry whose state lives in the compacted topic {@code _schemas} of the given cluster. */
    public static SchemaRegistryServer start(String bootstrapServers, String host, int port) throws IOException {
        return new SchemaRegistryServer(new KafkaSchemaLog(bootstrapServers, KafkaSchemaLog.DEFAULT_TOPIC), host, port);
    }

    /** Starts a registry that keeps its state in memory only. */
    public static SchemaRegistryServer startInMemory(String host, int port) throws IOException {
        return new SchemaRegistryServer(SchemaLog.inMemory(), host, port);
    }

    public String url() {
        InetSocketAddress address = http.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        log.close();
    }

    private List<Route> routes() {
        String version = "/subjects/" + SUBJECT + "/versions/([^/]+)";
        String id = "/schemas/ids/(\\d+)";
        return List.of(
                new Route("GET", "/", (m, e) -> JSON.createObjectNode()),
                new Route("GET", "/subjects", (m, e) -> store.subjects(queryParam(e, "subjectPrefix"), deleted(e))),
                new Route("GET", "/subjects/" + SUBJECT + "/versions", (m, e) -> store.versions(subject(m), deleted(e))),
                new Route("POST", "/subjects/" + SUBJECT + "/versions", (m, e) -> Map.of("id", store.register(subject(m), schemaOf(e)))),
                new Route("DELETE", "/subjects/" + SUBJECT, (m, e) -> store.deleteSubject(subject(m), permanent(e))),
                new Route("GET", version, (m, e) -> metadataJson(version(subject(m), m.group(2), deleted(e)))),
                new Route("DELETE", version, (m, e) -> store.deleteVersion(subject(m), m.group(2), permanent(e))),
                new Route("GET", version + "/schema", (m, e) -> JSON.readTree(version(subject(m), m.group(2), deleted(e)).schema())),
                // Schema references are not served: nothing refers to a version.
                new Route("GET", version + "/referencedby", (m, e) -> referencedBy(version(subject(m), m.group(2), SchemaStore.Deleted.INCLUDED))),
                new Route("POST", "/subjects/" + SUBJECT, (m, e) -> metadataJson(store.lookup(subject(m), schemaOf(e), deleted(e)))),
                new Route("GET", "/schemas", (m, e) -> store.schemas(queryParam(e, "subjectPrefix"), deleted(e),
                        queryParam(e, "latestOnly").equals("true")).stream().map(SchemaRegistryServer::metadataJson).toList()),
                new Route("GET", "/schemas/types", (m, e) -> List.of("AVRO")),
                new Route("GET", id, (m, e) -> Map.of("schema", store.schemaById(schemaId(m.group(1))))),
                new Route("GET", id + "/schema", (m, e) -> JSON.readTree(store.schemaById(schemaId(m.group(1))))),
                new Route("GET", id + "/subjects", (m, e) -> store.versionsOfId(schemaId(m.group(1)), deleted(e)).stream()
                        .map(SchemaMetadata::subject).distinct().toList()),
                new Route("GET", id + "/versions", (m, e) -> store.versionsOfId(schemaId(m.group(1)), deleted(e)).stream()
                        .map(found -> Map.of("subject", found.subject(), "version", found.version())).toList()),
                new Route("POST", "/compatibility/subjects/" + SUBJECT + "/versions", this::compatibilityWithAll),
                new Route("POST", "/compatibility/subjects/" + SUBJECT + "/versions/([^/]+)", this::compatibility),
                new Route("GET", "/config", (m, e) -> Map.of("compatibilityLevel", store.globalLevel().name())),
                new Route("PUT", "/config", (m, e) -> setLevel(null, e)),
                new Route("GET", "/config/" + SUBJECT, this::subjectConfig),
                new Route("PUT", "/config/" + SUBJECT, (m, e) -> setLevel(subject(m), e)),
                new Route("DELETE", "/config/" + SUBJECT, (m, e) -> Map.of("compatibilityLevel", store.deleteLevel(subject(m)).name())),
                new Route("GET", "/mode", (m, e) -> Map.of("mode", store.globalMode().name())),
                new Route("PUT", "/mode", (m, e) -> setMode(null, e)),
                new Route("GET", "/mode/" + SUBJECT, this::subjectMode),
                new Route("PUT", "/mode/" + SUBJECT, (m, e) -> setMode(subject(m), e)),
                new Route("DELETE", "/mode/" + SUBJECT, (m, e) -> Map.of("mode", store.deleteMode(subject(m)).name())));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer = ServerLimits.refusal(exchange, MAX_REQUEST_BYTES)
                    .map(refusal -> new Answer(refusal.status(), error(refusal.status(), refusal.reason())))
                    .orElseGet(() -> answer(exchange));
            respond(exchange, answer.status, answer.body);
        }
    }

    private Answer answer(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return new Answer(200, dispatch(exchange, trimmed));
        } catch (SchemaRegistryException e) {
            return new Answer(e.httpStatus(), error(e.errorCode(), e.serverMessage()));
        } catch (BadRequest e) {
            return new Answer(e.status, error(e.code, e.getMessage()));
        } catch (IOException | RuntimeException e) {
            LOG.error("Schema Registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            return new Answer(500, error(SchemaRegistryException.INTERNAL_ERROR, "Internal Server Error: " + e.getMessage()));
        }
    }

    private Object dispatch(HttpExchange exchange, String path) throws IOException {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.pattern.matcher(path);
            if (matcher.matches()) {
                pathKnown = true;
                if (route.method.equals(exchange.getRequestMethod())) {
                    return route.action.apply(matcher, exchange);
                }
            }
        }
        throw pathKnown ? new BadRequest(405, 405, "HTTP 405 Method Not Allowed") : new BadRequest(404, 404, "HTTP 404 Not Found");
    }

    /** Against one version (or the latest), as Confluent's {@code /compatibility/subjects/{s}/versions/{v}}. */
    private Object compatibility(Matcher matcher, HttpExchange exchange) throws IOException {
        String subject = subject(matcher);
        String schema = schemaOf(exchange);
        SchemaMetadata against = version(subject, matcher.group(2), SchemaStore.Deleted.EXCLUDED);
        return compatibilityAnswer(store.compatibilityViolations(subject, schema, against), exchange);
    }

    /** The check a registration would make, against every version the subject's level asks for. */
    private Object compatibilityWithAll(Matcher matcher, HttpExchange exchange) throws IOException {
        return compatibilityAnswer(store.compatibilityViolations(subject(matcher), schemaOf(exchange)), exchange);
    }

    private static ObjectNode compatibilityAnswer(List<String> violations, HttpExchange exchange) {
        ObjectNode answer = JSON.createObjectNode().put("is_compatible", violations.isEmpty());
        if (queryParam(exchange, "verbose").equals("true")) {
            answer.set("messages", JSON.valueToTree(violations));
        }
        return answer;
    }

    private static List<Integer> referencedBy(SchemaMetadata version) {
        return List.of();
    }

    private Object subjectMode(Matcher matcher, HttpExchange exchange) {
        String subject = subject(matcher);
        boolean defaultToGlobal = queryParam(exchange, "defaultToGlobal").equals("true");
        return store.subjectMode(subject)
                .or(() -> defaultToGlobal ? Optional.of(store.globalMode()) : Optional.empty())
                .map(mode -> Map.of("mode", mode.name()))
                .orElseThrow(() -> new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_MODE_NOT_CONFIGURED,
                        "Subject '" + subject + "' does not have subject-level mode configured"));
    }

    private Object setMode(String subject, HttpExchange exchange) throws IOException {
        String requested = body(exchange).path("mode").asText(null);
        Mode mode = Mode.parse(requested).orElseThrow(() -> new SchemaRegistryException(422, SchemaRegistryException.INVALID_MODE,
                "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, and IMPORT."));
        store.setMode(subject, mode);
        return Map.of("mode", mode.name());
    }

    private static SchemaStore.Deleted deleted(HttpExchange exchange) {
        if (queryParam(exchange, "deletedOnly").equals("true")) {
            return SchemaStore.Deleted.ONLY;
        }
        return queryParam(exchange, "deleted").equals("true") ? SchemaStore.Deleted.INCLUDED : SchemaStore.Deleted.EXCLUDED;
    }

    private static boolean permanent(HttpExchange exchange) {
        return queryParam(exchange, "permanent").equals("true");
    }

    private Object subjectConfig(Matcher matcher, HttpExchange exchange) {
        String subject = subject(matcher);
        boolean defaultToGlobal = queryParam(exchange, "defaultToGlobal").equals("true");
        return store.subjectLevel(subject)
                .or(() -> defaultToGlobal ? Optional.of(store.globalLevel()) : Optional.empty())
                .map(level -> Map.of("compatibilityLevel", level.name()))
                .orElseThrow(() -> new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                        "Subject '" + subject + "' does not have subject-level compatibility configured"));
    }

    private Object setLevel(String subject, HttpExchange exchange) throws IOException {
        String requested = body(exchange).path("compatibility").asText(null);
        CompatibilityLevel level = CompatibilityLevel.parse(requested).orElseThrow(() -> new SchemaRegistryException(422,
                SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive"));
        store.setLevel(subject, level);
        return Map.of("compatibility", level.name());
    }

    private SchemaMetadata version(String subject, String versionText, SchemaStore.Deleted deleted) {
        if ("latest".equals(versionText) || "-1".equals(versionText)) {
            return store.latest(subject);
        }
        return store.version(subject, SchemaStore.versionNumber(versionText), deleted);
    }

    private static ObjectNode metadataJson(SchemaMetadata metadata) {
        return JSON.createObjectNode().put("subject", metadata.subject()).put("version", metadata.version())
                .put("id", metadata.id()).put("schema", metadata.schema());
    }

    private static String schemaOf(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException.InvalidSchema(422, "Invalid schema type " + type + ": this registry serves AVRO only");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new SchemaRegistryException.InvalidSchema(422, "Invalid schema: the request has no \"schema\" string");
        }
        if (schema.asText().length() > MAX_SCHEMA_CHARS) {
            throw new SchemaRegistryException(422, SchemaRegistryException.SCHEMA_TOO_LARGE, "Schema too large: " + schema.asText().length()
                    + " characters, the limit is " + MAX_SCHEMA_CHARS);
        }
        return schema.asText();
    }

    /** An id beyond the int range names no schema: a 404, as for any unknown id, not a parse failure. */
    private static int schemaId(String digits) {
        long id = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (id > Integer.MAX_VALUE) {
            throw new SchemaRegistryException.SchemaNotFound(404, "Schema " + (digits.length() > 20 ? digits.substring(0, 20) + "..." : digits)
                    + " not found");
        }
        return (int) id;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        if (contentLength(exchange) > MAX_REQUEST_BYTES) {
            throw new BadRequest(413, 413, "Request Entity Too Large: the limit is " + MAX_REQUEST_BYTES + " bytes");
        }
        try (InputStream in = exchange.getRequestBody()) {
            // A body without a declared length (chunked) is read at most one byte past the limit, so no body grows the heap.
            byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (bytes.length > MAX_REQUEST_BYTES) {
                throw new BadRequest(413, 413, "Request Entity Too Large: the limit is " + MAX_REQUEST_BYTES + " bytes");
            }
            JsonNode node = bytes.length == 0 ? null : JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new BadRequest(400, 400, "Bad Request: expected a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest(400, 400, "Bad Request: the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static long contentLength(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        return declared != null && declared.matches("\\d{1,18}") ? Long.parseLong(declared) : 0;
    }

    private static String subject(Matcher matcher) {
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private static String queryParam(HttpExchange exchange, String name) {
        URI uri = exchange.getRequestURI();
        String query = uri.getQuery();
        if (query == null) {
            return "";
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return parts.length > 1 ? parts[1] : "";
            }
        }
        return "";
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("error_code", code).put("message", message);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", RegistryTransport.CONTENT_TYPE);
        if (status == 413 || status == 431) {
            // The body was not read: the connection cannot carry another request, so say it closes.
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @FunctionalInterface
    private interface Action {
        Object apply(Matcher matcher, HttpExchange exchange) throws IOException;
    }

    private record Answer(int status, Object body) {
    }

    private record Route(String method, Pattern pattern, Action action) {
        Route(String method, String regex, Action action) {
            this(method, Pattern.compile(regex), action);
        }
    }

    /** A request the registry cannot read, answered with a plain HTTP error. */
    private static final class BadRequest extends RuntimeException {
        private final int status;
        private final int code;

        BadRequest(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
