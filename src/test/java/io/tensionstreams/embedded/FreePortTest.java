package io.tensionstreams.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FreePortTest {
    // Enough choices that ports released as soon as chosen would, on Linux's random ephemeral
    // range, repeat one in most runs (a broker once got the same port for both its listeners).
    private static final int MANY = 300;

    @Test
    void portsChosenTogetherAreAllDifferent() {
        int[] ports = FreePort.orAny(new int[MANY]);

        assertThat(Arrays.stream(ports).min().orElseThrow()).isPositive();
        assertThat(ports).doesNotHaveDuplicates();
    }

    @Test
    void aPortAskedForByNumberIsKeptAndNotChosenForAnother() throws IOException {
        int asked = portFreeAMomentAgo();
        int[] requested = new int[MANY];
        requested[0] = asked;

        int[] ports = FreePort.orAny(requested);

        assertThat(ports[0]).isEqualTo(asked);
        assertThat(Arrays.copyOfRange(ports, 1, MANY)).doesNotContain(asked).doesNotHaveDuplicates();
    }

    private static int portFreeAMomentAgo() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
