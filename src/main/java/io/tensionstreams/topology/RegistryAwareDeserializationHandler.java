package io.tensionstreams.topology;

import io.tensionstreams.registry.RegistryRetry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be read to the dead-letter topic, as Kafka Streams' own handler does
 * (kept small enough to write, see {@link DeadLetters}),
 * unless the reason is a Schema Registry outage that outlasted the deserializer's retries: then
 * the record is fine and only the registry is not. The stream thread stops (and is replaced by
 * the application's uncaught-exception handler), and the record is read again from the last
 * commit, so nothing good is dead-lettered and nothing is skipped.
 */
public final class RegistryAwareDeserializationHandler extends LogAndContinueExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryAwareDeserializationHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (RegistryRetry.isTransient(exception)) {
            LOG.warn("the Schema Registry is unavailable while reading {}-{}@{}; the stream thread restarts and reads it again: {}",
                    record.topic(), record.partition(), record.offset(), exception.getMessage());
            return Response.fail();
        }
        Response response = super.handleError(context, record, exception);
        return response.deadLetterQueueRecords().isEmpty() ? response : Response.resume(DeadLetters.writable(response.deadLetterQueueRecords()));
    }
}
