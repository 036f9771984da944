package io.tensionstreams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void flagsBeatTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefaults(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tension.properties"), "http.port=9001\npartitions=3\napplication.id=from-file\n");

        Settings settings = Settings.load(file, Map.of("TENSION_PARTITIONS", "4", "TENSION_APPLICATION_ID", "from-env"),
                Map.of("application.id", "from-flag"));

        assertThat(settings.get("http.port")).isEqualTo("9001");
        assertThat(settings.get("partitions")).isEqualTo("4");
        assertThat(settings.get("application.id")).isEqualTo("from-flag");
        assertThat(settings.get("http.host")).isEqualTo("127.0.0.1");
    }

    @Test
    void kafkaAndRegistrySettingsPassThrough(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.properties"), "kafka.security.protocol=SASL_SSL\nschema.registry.basic.auth.user.info=alice:s3cret\n");

        Settings settings = Settings.load(file, Map.of("TENSION_KAFKA_SASL_MECHANISM", "PLAIN"), Map.of());

        assertThat(settings.kafkaClientSettings()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN")
                .doesNotContainKey("port");
        assertThat(settings.registrySettings()).containsEntry("schema.registry.basic.auth.user.info", "alice:s3cret");
        assertThat(settings.describe()).contains("kafka.security.protocol=SASL_SSL").doesNotContain("s3cret");
    }

    @Test
    void secretsArePrintedMaskedWhereverTheyStandAndHoweverTheKeyIsSpelt() {
        Settings settings = Settings.load(null, Map.of(), Map.of(
                "bootstrap.servers", "b:9092",
                "schema.registry.url", "http://alice:s3cret@registry:8081",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"pw1\";",
                "kafka.ssl.keystore.pasword", "pw2",
                "schema.registry.basic.auth.user.inf", "bob:pw3",
                "kafka.sasl.jass.config", "whatever password=pw4"));

        assertThat(settings.describe()).doesNotContain("s3cret", "pw1", "pw2", "pw3", "pw4")
                .contains("http://alice:****@registry:8081", "bootstrap.servers=b:9092");
        assertThat(Secrets.maskText("login failed for username=\"u\" password=\"pw5\" at sasl://x")).doesNotContain("pw5");
        assertThat(Failures.describe(new IllegalStateException("cannot reach http://carol:pw6@host:8081/subjects")))
                .isEqualTo("cannot reach http://carol:****@host:8081/subjects");
    }

    @Test
    void aBadStartupTimeoutNamesTheSetting() {
        assertThatThrownBy(() -> Settings.load(null, Map.of(), Map.of("startup.timeout.seconds", "abc")))
                .isInstanceOf(Settings.SettingException.class)
                .hasMessageContaining("'startup.timeout.seconds'").hasMessageContaining("abc").hasMessageContaining("seconds");
    }

    @Test
    void latenessAndDuplicateHorizonsAreSettingsWithLiveDefaults() {
        Settings defaults = Settings.load(null, Map.of(), Map.of());
        Settings backfill = Settings.load(null, Map.of("TENSION_WINDOW_GRACE", "P400D"),
                Map.of("window.final.delay", "PT2H", "dedup.retention", "P30D", "near.duplicate.window", "PT12H", "near.duplicate.settle", "PT3S"));

        assertThat(defaults.topology().grace()).isEqualTo(java.time.Duration.ofDays(7));
        assertThat(defaults.topology().finalDelay()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(backfill.topology().grace()).isEqualTo(java.time.Duration.ofDays(400));
        assertThat(backfill.topology().finalDelay()).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(backfill.topology().duplicateRetention()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(backfill.topology().nearDuplicateWindow()).isEqualTo(java.time.Duration.ofHours(12));
        assertThat(defaults.topology().nearDuplicateSettle()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(backfill.topology().nearDuplicateSettle()).isEqualTo(java.time.Duration.ofSeconds(3));
    }

    @Test
    void aMalformedOrInconsistentDurationIsNamed() {
        assertThatThrownBy(() -> Settings.load(null, Map.of(), Map.of("window.grace", "7 days")))
                .isInstanceOf(Settings.SettingException.class).hasMessageContaining("'window.grace'").hasMessageContaining("7 days")
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> Settings.load(null, Map.of(), Map.of("dedup.retention", "-P1D"))).hasMessageContaining("'dedup.retention'");
        assertThatThrownBy(() -> Settings.load(null, Map.of(), Map.of("window.grace", "PT30M")))
                .hasMessageContaining("'window.final.delay'").hasMessageContaining("must not exceed 'window.grace'");
    }

    @Test
    void theVariablesOfTheSamePrefixThatAreNotSettingsAreLeftAlone() {
        Settings settings = Settings.load(null, Map.of("TENSION_HOME", "/tmp/elsewhere", "TENSION_DEBUG", "true", "TENSION_PARTITIONS", "3"), Map.of());

        assertThat(settings.get("partitions")).isEqualTo("3");
    }

    @Test
    void anUnknownOrMalformedSettingIsNamed(@TempDir Path dir) throws IOException {
        Path typo = Files.writeString(dir.resolve("typo.properties"), "htp.port=80\n");

        assertThatThrownBy(() -> Settings.load(typo, Map.of(), Map.of())).hasMessageContaining("unknown setting 'htp.port'").hasMessageContaining("typo.properties");
        assertThatThrownBy(() -> Settings.load(null, Map.of("TENSION_HTTP_PROT", "1"), Map.of())).hasMessageContaining("TENSION_HTTP_PROT");
        assertThatThrownBy(() -> Settings.load(null, Map.of(), Map.of("http.port", "eighty"))).hasMessageContaining("'http.port'").hasMessageContaining("eighty");
        assertThatThrownBy(() -> Settings.load(null, Map.of(), Map.of("bootstrap.servers", "b:9092"))).hasMessageContaining("schema.registry.url");
    }
}
