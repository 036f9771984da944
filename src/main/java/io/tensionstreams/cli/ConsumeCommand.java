package io.tensionstreams.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tensionstreams.app.Failures;
import io.tensionstreams.app.Preflight;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.registry.AvroSerdes;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code tension consume}: tails a topic of the application as a table or JSON lines. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Tail tension-scores (or --topic) as a table or JSON lines. Stops at Ctrl-C, or after --max-records.")
final class ConsumeCommand implements Callable<Integer> {
    enum Format { table, jsonl }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--topic", defaultValue = "tension-scores", description = "Topic to read (default ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--format", defaultValue = "table", description = "table (default) or jsonl.")
    private Format format;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of the newest.")
    private boolean fromBeginning;

    @Option(names = "--pair", paramLabel = "PAIR", description = "Only records of this pair, such as CN-US.")
    private String pair;

    @Option(names = "--max-records", paramLabel = "N", description = "Stop after N records (default: never).")
    private Integer maxRecords;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Stop when no record arrives for this long, such as PT30S (default: never).")
    private Duration idleTimeout;

    @Mixin
    private ClientOptions client;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Properties props = new Properties();
        Preflight.kafka(client.bootstrapServers(), client.kafkaSettings());
        Preflight.registry(client.registry());
        props.putAll(client.kafkaSettings());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, client.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "tension-consume-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int seen = 0;
        long lastRecord = System.nanoTime();
        if (format == Format.table) {
            out.println(String.format("%-8s %-5s %-17s %7s %9s %9s %9s %8s %s", "pair", "size", "window start", "index", "intensity", "attention",
                    "articles", "final", "themes"));
        }
        // Raw bytes, decoded record by record: a dead letter or any record that is not Avro is shown, not fatal.
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             Deserializer<GenericRecord> avro = AvroSerdes.generic(client.registry(), false).deserializer()) {
            consumer.subscribe(List.of(topic));
            while (maxRecords == null || seen < maxRecords) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    lastRecord = System.nanoTime();
                    String key = DeadLetter.text(record.key());
                    if ((pair != null && !pair.equals(key)) || (maxRecords != null && seen >= maxRecords)) {
                        continue;
                    }
                    seen++;
                    out.println(lineOf(record, avro));
                }
                out.flush();
                if (idleTimeout != null && System.nanoTime() - lastRecord > idleTimeout.toNanos()) {
                    break;
                }
            }
        }
        return 0;
    }

    private String lineOf(ConsumerRecord<byte[], byte[]> record, Deserializer<GenericRecord> avro) {
        DeadLetter dead = DeadLetter.of(record);
        if (dead != null) {
            return format == Format.jsonl ? dead.json().toString() : dead.row();
        }
        GenericRecord value;
        try {
            value = record.value() == null ? null : avro.deserialize(record.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            DeadLetter undecodable = DeadLetter.undecodable(record, Failures.describe(e));
            return format == Format.jsonl ? undecodable.json().toString() : undecodable.row();
        }
        if (value == null) {
            return format == Format.jsonl ? TagsJson.JSON.createObjectNode().put("key", DeadLetter.text(record.key())).putNull("value").toString()
                    : "tombstone key=" + DeadLetter.text(record.key());
        }
        return format == Format.jsonl ? jsonOf(value) : rowOf(value);
    }

    /** Avro's JSON form of the record, so that any topic of the app prints. */
    private static String jsonOf(GenericRecord record) {
        try {
            ObjectNode node = (ObjectNode) TagsJson.JSON.readTree(record.toString());
            return node.toString();
        } catch (java.io.IOException e) {
            return record.toString();
        }
    }

    private static String rowOf(GenericRecord record) {
        if (!record.getSchema().getFullName().equals(TensionScore.getClassSchema().getFullName())) {
            return jsonOf(record);
        }
        List<ThemeColumn.Theme> themes = new ArrayList<>();
        if (record.get("themes") instanceof List<?> list) {
            for (Object theme : list) {
                GenericRecord fields = (GenericRecord) theme;
                themes.add(new ThemeColumn.Theme(fields.get("theme").toString(), (Integer) fields.get("articles")));
            }
        }
        String start = java.time.Instant.ofEpochMilli((Long) record.get("windowStart")).toString();
        return String.format("%-8s %-5s %-17s %7.1f %9s %9s %9s %8s %s", record.get("pair"), record.get("windowSize"),
                start.substring(0, 16).replace('T', ' '), (Double) record.get("index"), optional(record, "intensity", "%+.1f"),
                optional(record, "attentionShare", "%.3f"), record.get("articles"), record.get("final"), ThemeColumn.of(themes));
    }

    /** A field added in a later schema version: "-" for records written before it. */
    private static String optional(GenericRecord record, String field, String format) {
        return record.hasField(field) && record.get(field) != null ? String.format(format, record.get(field)) : "-";
    }
}
