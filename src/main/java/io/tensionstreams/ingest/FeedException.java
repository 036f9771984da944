package io.tensionstreams.ingest;

/** A feed that could not be read this time, with a one-line reason; it is retried later. */
public final class FeedException extends Exception {
    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
