package io.tensionstreams.http;

/**
 * Bounds on the JDK's HTTP server, which both the app's HTTP port and the embedded Schema Registry
 * run on. The JDK server reads a request on a worker thread with no time limit by default, so a
 * few connections that send one byte and wait would hold every worker, health checks included.
 * Its limits are JVM-wide system properties read once, when the first server starts: set here
 * (unless the user set them) and by the test JVM's configuration.
 */
public final class ServerLimits {
    /** Seconds a client may take to send a request line and headers before the connection is closed. */
    public static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";
    /** Seconds a response may take to be written. */
    public static final String MAX_RESPONSE_SECONDS = "sun.net.httpserver.maxRspTime";
    /** Worker threads per server: more than a dashboard and a scraper need, so that a few slow clients cannot take them all. */
    public static final int WORKERS = 16;

    private ServerLimits() {
    }

    /** Sets the limits unless already set; call before the first server of the JVM starts. */
    public static void apply() {
        setIfAbsent(MAX_REQUEST_SECONDS, "10");
        setIfAbsent(MAX_RESPONSE_SECONDS, "60");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
