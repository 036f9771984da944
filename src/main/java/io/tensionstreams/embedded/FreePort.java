package io.tensionstreams.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a free TCP port on the loopback interface. */
final class FreePort {
    private FreePort() {
    }

    /** Returns {@code requested} when it is positive, else a port that was free a moment ago. */
    static int orAny(int requested) {
        if (requested > 0) {
            return requested;
        }
        // KafkaRaftServer does not expose the ports it bound, so the port is chosen here and handed to it.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
