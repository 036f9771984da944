package io.tensionstreams.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.tensionstreams.avro.Article;
import io.tensionstreams.avro.TensionScore;
import io.tensionstreams.registry.SchemaRegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPlatformRestartTest {

    @Test
    void schemaIdsSurviveARestartOnTheSameDataDirectory(@TempDir Path dataDir) {
        int articleId;
        try (EmbeddedPlatform first = EmbeddedPlatform.start(0, 0, dataDir)) {
            articleId = SchemaRegistryClient.forUrl(first.schemaRegistryUrl()).register("articles-value", Article.getClassSchema());
        }

        try (EmbeddedPlatform second = EmbeddedPlatform.start(0, 0, dataDir)) {
            SchemaRegistryClient client = SchemaRegistryClient.forUrl(second.schemaRegistryUrl());

            assertThat(client.schemaById(articleId)).isEqualTo(Article.getClassSchema());
            assertThat(client.register("articles-value", Article.getClassSchema())).isEqualTo(articleId);
            assertThat(client.register("tension-scores-value", TensionScore.getClassSchema())).isGreaterThan(articleId);
            assertThat(client.subjects()).containsExactly("articles-value", "tension-scores-value");
        }
    }
}
