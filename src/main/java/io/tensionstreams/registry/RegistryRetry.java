package io.tensionstreams.registry;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a registry call while the registry is out (no answer, or a 5xx from it or a proxy before
 * it), with doubling pauses, for a bounded time. An outage is not a property of the record being
 * read: a record must not go to the dead-letter topic because the registry restarted.
 */
public final class RegistryRetry {
    static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(30);
    private static final long FIRST_PAUSE_MS = 250;
    private static final long MAX_PAUSE_MS = 5_000;

    private RegistryRetry() {
    }

    /** Whether a failure of a registry call says nothing about the record: the call may succeed later. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryUnavailableException
                    || cause instanceof SchemaRegistryException registry && registry.httpStatus() >= 500) {
                return true;
            }
        }
        return false;
    }

    /**
     * The call's result, retried while it fails transiently and {@code patience} lasts; then the
     * last failure, as a {@link RegistryUnavailableException}.
     */
    static <T> T call(Supplier<T> call, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e instanceof RegistryUnavailableException unavailable ? unavailable
                            : new RegistryUnavailableException("the Schema Registry kept failing for " + patience.toSeconds() + " s: " + e.getMessage(), e);
                }
                sleep(pause);
                pause = Math.min(MAX_PAUSE_MS, pause * 2);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("interrupted while waiting for the Schema Registry", e);
        }
    }
}
