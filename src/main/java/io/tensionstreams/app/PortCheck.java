package io.tensionstreams.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks before anything starts that the fixed ports asked for are free, so that a port in use is
 * one line naming the port, its setting and its server, not a stack trace from deep inside a
 * broker that had already started.
 */
public final class PortCheck {
    private static final String LOOPBACK = "127.0.0.1";

    private PortCheck() {
    }

    public static void requireFree(Settings settings) {
        requireFree(settings.get("http.host"), settings.integer("http.port"), "http.port", "--http-port", "the HTTP server");
        if (settings.get("bootstrap.servers") == null) {
            requireFree(LOOPBACK, settings.integer("kafka.port"), "kafka.port", "--kafka-port", "the embedded Kafka broker");
            requireFree(LOOPBACK, settings.integer("registry.port"), "registry.port", "--registry-port", "the embedded Schema Registry");
        }
    }

    private static void requireFree(String host, int port, String key, String flag, String server) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new Settings.SettingException("port " + port + " on " + host + " for " + server + " is not free (" + e.getMessage()
                    + "): choose another with " + flag + " (setting '" + key + "'), or 0 for any free port");
        }
    }
}
