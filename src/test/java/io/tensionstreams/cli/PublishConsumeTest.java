package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tensionstreams.embedded.EmbeddedPlatform;
import io.tensionstreams.testing.SharedPlatform;
import io.tensionstreams.testing.UniqueNames;
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
}
