package io.tensionstreams.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Picks free TCP ports on the loopback interface. */
final class FreePort {
    private FreePort() {
    }

    /**
     * Returns {@code requested} with every 0 replaced by a port that was free a moment ago.
     *
     * <p>The ports chosen differ from each other and from the ports asked for by number. Each
     * one's socket stays bound until all are chosen: a port chosen and released at once could be
     * handed out again by the next choice, and a broker given the same port for two listeners
     * refuses to start.
     */
    static int[] orAny(int... requested) {
        int[] ports = requested.clone();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < ports.length; i++) {
                if (ports[i] <= 0) {
                    ports[i] = holdOneNotIn(requested, held);
                }
            }
            return ports;
        } finally {
            held.forEach(FreePort::closeQuietly);
        }
    }

    // KafkaRaftServer does not expose the ports it bound, so the ports are chosen here and handed to it.
    private static int holdOneNotIn(int[] requested, List<ServerSocket> held) {
        while (true) {
            ServerSocket socket = bindAny();
            held.add(socket);
            int port = socket.getLocalPort();
            if (Arrays.stream(requested).noneMatch(asked -> asked == port)) {
                return port;
            }
            // A port asked for by number is not bound yet, so the system may offer it; keep it held and ask again.
        }
    }

    private static ServerSocket bindAny() {
        try {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            socket.setReuseAddress(true);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a listening socket that accepted nothing has nothing to lose.
        }
    }
}
