package io.tensionstreams.http;

/**
 * A score store, or part of it, cannot be read right now (a task is migrating, restoring or
 * rebalancing). The HTTP layer answers 503 with Retry-After rather than a 200 with some windows
 * silently missing.
 */
public final class ScoresUnavailableException extends RuntimeException {
    public ScoresUnavailableException(String message) {
        super(message);
    }
}
