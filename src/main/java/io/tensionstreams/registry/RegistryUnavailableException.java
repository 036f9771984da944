package io.tensionstreams.registry;

/** No configured Schema Registry URL answered within the timeouts. */
public class RegistryUnavailableException extends RuntimeException {
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
