package io.tensionstreams.tagging;

/** The taxonomy cannot be loaded; the message names the file, the line and the fault. */
public class TaxonomyException extends RuntimeException {
    public TaxonomyException(String message) {
        super(message);
    }

    public TaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
