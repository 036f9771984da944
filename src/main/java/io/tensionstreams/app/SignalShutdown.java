package io.tensionstreams.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets SIGTERM or Ctrl-C stop a long-running command ({@code run}, {@code demo}) cleanly. The JVM
 * runs the shutdown hook; the hook asks the command to stop, waits until it has closed everything,
 * and then ends the JVM with 0 when that went well, instead of the 143 the JVM reports for death by
 * SIGTERM: a stop that was asked for and done is a success to systemd, Kubernetes and scripts.
 */
public final class SignalShutdown implements AutoCloseable {
    /** The exit code of a process that did not stop cleanly, as the commands use it. */
    private static final int EXIT_FAILURE = 1;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean serving = new AtomicBoolean();
    private final Thread hook = new Thread(this::onSignal, "tension-shutdown");
    private volatile boolean clean;

    private SignalShutdown() {
    }

    public static SignalShutdown install() {
        SignalShutdown shutdown = new SignalShutdown();
        Runtime.getRuntime().addShutdownHook(shutdown.hook);
        return shutdown;
    }

    /** The command is up: a signal from now on is a request to stop. */
    public void serving() {
        serving.set(true);
    }

    /** Counted down when a signal asks the command to stop. */
    public CountDownLatch requested() {
        return requested;
    }

    /** The command closed everything without an error. */
    public void stoppedCleanly() {
        clean = true;
    }

    /**
     * The command has finished, cleanly or not: a hook already waiting on it may end the JVM, and
     * otherwise the hook goes. A command run in a longer-lived JVM (a test, an embedding program)
     * would leave it behind to end that JVM, at its exit, with this command's code.
     */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook is running (or the JVM is exiting anyway); it was waiting for the count-down above.
        }
    }

    /** The hook, for a test to see whether it is still installed. */
    Thread hook() {
        return hook;
    }

    /** Ends serving before a normal return, so that the command's own exit code stands. */
    public void finishing() {
        serving.set(false);
    }

    private void onSignal() {
        boolean bySignal = serving.get();
        requested.countDown();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (bySignal) {
            Runtime.getRuntime().halt(clean ? 0 : EXIT_FAILURE);
        }
    }
}
