package io.tensionstreams.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global window totals store in step with the window-counts topic: a count replaces, a tombstone deletes. */
final class WindowTotalsUpdater implements Processor<String, Long, Void, Void> {
    private KeyValueStore<String, Long> totals;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.totals = context.getStateStore(WindowTotals.STORE);
    }

    @Override
    public void process(Record<String, Long> record) {
        if (record.value() == null) {
            totals.delete(record.key());
        } else {
            totals.put(record.key(), record.value());
        }
    }
}
