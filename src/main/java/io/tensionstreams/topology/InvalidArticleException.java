package io.tensionstreams.topology;

/**
 * An article the application will not process. Thrown inside the topology so that Kafka Streams'
 * processing-exception handler sends the raw record to the dead-letter topic with this message
 * in its {@code __streams.errors.message} header, and processing continues.
 */
public class InvalidArticleException extends RuntimeException {
    public InvalidArticleException(String reason) {
        super(reason);
    }
}
