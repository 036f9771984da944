package io.tensionstreams.topology;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/** Kafka Streams' log-and-continue for a record a processor refused, with dead letters kept writable ({@link DeadLetters}). */
public final class WritableDeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {
    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        return response.deadLetterQueueRecords().isEmpty() ? response : Response.resume(DeadLetters.writable(response.deadLetterQueueRecords()));
    }
}
