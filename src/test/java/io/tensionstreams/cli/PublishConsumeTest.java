package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.testing.SharedPlatform;
import io.tensionstreams.testing.UniqueNames;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code publish} then {@code consume}, with the commands' own code, through the real embedded broker. */
class PublishConsumeTest {
    private final EmbeddedPlatform platform = SharedPlatform.get();
    private final CommandRunner runner = new CommandRunner();
    private final StringWriter out = runner.out;
    private final StringWriter err = runner.err;

    private int execute(String... args) {
        return runner.execute(args);
    }

    @Test
    void publishedArticlesAreConsumedAndABadLineIsReportedWithoutStoppingTheRest(@TempDir Path dir) throws IOException {
        String topic = UniqueNames.of("publish-consume");
        Path articles = Files.writeString(dir.resolve("batch.jsonl"), String.join("\n",
                "{\"id\": \"p-1\", \"title\": \"Talks resume in Geneva\", \"body\": \"Envoys met for talks.\", \"published\": \"2026-11-20\"}",
                "{\"id\": \"p-2\", \"title\": \"\", \"body\": \"\"}",
                "{\"id\": \"p-3\", \"title\": \"Drills near the island\", \"body\": \"Warships circled the island.\", \"source\": \"wire\"}") + "\n");
        Files.writeString(dir.resolve("note.txt"), "Coast guards meet\nThe two coast guards agreed on a hotline.");

        int published = execute("publish", "--bootstrap-servers", platform.bootstrapServers(), "--schema-registry-url",
                platform.schemaRegistryUrl(), "--topic", topic, dir.toString());

        assertThat(published).isEqualTo(1);
        assertThat(out.toString()).contains("Published 3 articles to " + topic + "; 1 skipped.");
        assertThat(err.toString()).contains("batch.jsonl:2: article p-2 has neither title nor body");

        out.getBuffer().setLength(0);
        int consumed = execute("consume", "--bootstrap-servers", platform.bootstrapServers(), "--schema-registry-url",
                platform.schemaRegistryUrl(), "--topic", topic, "--format", "jsonl", "--from-beginning", "--max-records", "3",
                "--timeout", "PT60S");

        assertThat(consumed).isZero();
        ObjectMapper json = new ObjectMapper();
        List<String> ids = out.toString().lines().map(line -> {
            try {
                JsonNode node = json.readTree(line);
                return node.get("id").asText();
            } catch (IOException e) {
                throw new IllegalStateException(line, e);
            }
        }).toList();
        assertThat(ids).containsExactlyInAnyOrder("p-1", "p-3", "note");
    }

    @Test
    void eachBadLineIsReportedWithFileAndLineAndTheRestIsPublished(@TempDir Path dir) throws IOException {
        String topic = UniqueNames.of("publish-bad-lines");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("{\"id\": \"g-1\", \"title\": \"Talks resume\", \"body\": \"Envoys met.\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"id\": \"bad-utf8\", \"title\": \"Caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes("\", \"body\": \"x\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"id\": \"far\", \"title\": \"Far\", \"body\": \"x\", \"published\": \"+999999999-01-01T00:00:00Z\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(("{\"id\": \"huge\", \"title\": \"Huge\", \"body\": \"" + "y".repeat(1_200_000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"id\": \"g-2\", \"title\": \"Drills\", \"body\": \"Warships circled.\"}\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("mixed.jsonl"), bytes.toByteArray());

        int exit = execute("publish", "--bootstrap-servers", platform.bootstrapServers(), "--schema-registry-url",
                platform.schemaRegistryUrl(), "--topic", topic, file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(file + ":2: article bad-utf8 has bytes that are not UTF-8")
                .contains(file + ":3: \"published\" is out of range")
                .contains(file + ":4:");
        assertThat(out.toString()).contains("Published 2 articles to " + topic + "; 3 skipped.");
    }

    @Test
    void deadLettersAndRecordsThatAreNotAvroAreShownNotFatal() throws Exception {
        String topic = UniqueNames.of("dlq");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", platform.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(topic, "bad-1".getBytes(StandardCharsets.UTF_8),
                    "not avro at all".getBytes(StandardCharsets.UTF_8));
            dead.headers().add("__streams.errors.message", "Unknown magic byte!".getBytes(StandardCharsets.UTF_8))
                    .add("__streams.errors.exception", "org.apache.kafka.common.errors.SerializationException".getBytes(StandardCharsets.UTF_8))
                    .add("__streams.errors.topic", "articles".getBytes(StandardCharsets.UTF_8))
                    .add("__streams.errors.partition", "3".getBytes(StandardCharsets.UTF_8))
                    .add("__streams.errors.offset", "42".getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
            producer.send(new ProducerRecord<>(topic, new byte[] {(byte) 0xff, 0x01}, new byte[] {9, 9, 9})).get();
        }

        int exit = execute("consume", "--bootstrap-servers", platform.bootstrapServers(), "--schema-registry-url",
                platform.schemaRegistryUrl(), "--topic", topic, "--format", "jsonl", "--from-beginning", "--max-records", "2",
                "--timeout", "PT60S");

        assertThat(exit).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = out.toString().lines().map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new IllegalStateException(line, e);
            }
        }).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("key").asText()).isEqualTo("bad-1");
        assertThat(lines.get(0).get("reason").asText()).isEqualTo("Unknown magic byte!");
        assertThat(lines.get(0).get("source").get("topic").asText()).isEqualTo("articles");
        assertThat(lines.get(0).get("source").get("offset").asText()).isEqualTo("42");
        assertThat(lines.get(1).get("key").asText()).isEqualTo("0xff01");
        assertThat(lines.get(1).get("reason").asText()).startsWith("not readable as Avro");

        out.getBuffer().setLength(0);
        assertThat(execute("consume", "--bootstrap-servers", platform.bootstrapServers(), "--schema-registry-url",
                platform.schemaRegistryUrl(), "--topic", topic, "--from-beginning", "--max-records", "1", "--timeout", "PT60S")).isZero();
        assertThat(out.toString()).contains("dead letter key=bad-1  reason: Unknown magic byte!  from articles-3@42");
    }
}
