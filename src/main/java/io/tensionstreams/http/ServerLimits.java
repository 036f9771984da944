package io.tensionstreams.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/**
 * Bounds on the JDK's HTTP server, which both the app's HTTP port and the embedded Schema Registry
 * run on. The JDK server reads a request on a worker thread with no time limit by default, so a
 * few connections that send one byte and wait would hold every worker, health checks included.
 * Its limits are JVM-wide system properties read once, when the first server starts: set here
 * (unless the user set them) and by the test JVM's configuration.
 *
 * <p>The JDK server drops a connection whose headers pass its own limits without answering; the
 * lower limits here are checked by the handlers, which answer 431 and 413 as HTTP says.
 */
public final class ServerLimits {
    /** Seconds a client may take to send a request line and headers before the connection is closed. */
    public static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";
    /** Seconds a response may take to be written. */
    public static final String MAX_RESPONSE_SECONDS = "sun.net.httpserver.maxRspTime";
    /** Bytes of request headers the JDK server reads at all; past this it closes the connection. */
    public static final String MAX_HEADER_BYTES_READ = "sun.net.httpserver.maxReqHeaderSize";
    /** Request header lines the JDK server reads at all. */
    public static final String MAX_HEADERS_READ = "sun.net.httpserver.maxReqHeaders";
    /** Worker threads per server: more than a dashboard and a scraper need, so that a few slow clients cannot take them all. */
    public static final int WORKERS = 16;
    /** Request headers larger than this (names and values) are answered 431: browsers and clients send a few KiB. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    private ServerLimits() {
    }

    /** Sets the limits unless already set; call before the first server of the JVM starts. */
    public static void apply() {
        setIfAbsent(MAX_REQUEST_SECONDS, "10");
        setIfAbsent(MAX_RESPONSE_SECONDS, "60");
        setIfAbsent(MAX_HEADER_BYTES_READ, String.valueOf(4 * MAX_HEADER_BYTES));
        setIfAbsent(MAX_HEADERS_READ, "100");
    }

    /**
     * Why a request must be refused before it is handled, if it must: 431 for headers over
     * {@link #MAX_HEADER_BYTES}, 413 for a declared body over {@code maxBodyBytes}. A body sent
     * without a declared length is bounded by whoever reads it.
     */
    public static Optional<Refusal> refusal(HttpExchange exchange, long maxBodyBytes) {
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            return Optional.of(new Refusal(431, "Request Header Fields Too Large: " + headerBytes + " bytes of headers, the limit is "
                    + MAX_HEADER_BYTES));
        }
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && (!declared.matches("\\d{1,18}") || Long.parseLong(declared) > maxBodyBytes)) {
            return Optional.of(new Refusal(413, "Request Entity Too Large: the limit is " + maxBodyBytes + " bytes"));
        }
        return Optional.empty();
    }

    /** A status and the reason to give with it; the connection closes after it, since the request was not read. */
    public record Refusal(int status, String reason) {
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
