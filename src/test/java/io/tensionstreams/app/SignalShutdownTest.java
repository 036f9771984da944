package io.tensionstreams.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignalShutdownTest {

    @Test
    void aFinishedCommandLeavesNoShutdownHookBehind() {
        SignalShutdown shutdown = SignalShutdown.install();
        shutdown.serving();

        shutdown.close();

        // Left behind, a serving hook that never saw a clean stop would halt this JVM with 1 at its exit.
        assertThat(Runtime.getRuntime().removeShutdownHook(shutdown.hook())).as("the hook was still installed").isFalse();
    }

    @Test
    void aRunningCommandKeepsItsHook() {
        SignalShutdown shutdown = SignalShutdown.install();
        shutdown.serving();

        assertThat(Runtime.getRuntime().removeShutdownHook(shutdown.hook())).as("the hook was installed").isTrue();
    }
}
