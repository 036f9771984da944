package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class TensionCommandTest {
    private final CommandRunner runner = new CommandRunner();
    private final StringWriter out = runner.out;
    private final StringWriter err = runner.err;

    private int execute(String... args) {
        return runner.execute(args);
    }

    @Test
    void helpListsTheRunCommand() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: tension").contains("run");
    }

    @Test
    void versionNamesTheProject() {
        assertThat(execute("--version")).isZero();
        assertThat(out.toString()).startsWith("tension-streams ");
    }

    @Test
    void anUnknownFlagIsNamedAndExitsWithTwo() {
        assertThat(execute("run", "--kafka-prot", "9092")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: Unknown options: '--kafka-prot', '9092' (did you mean --kafka-port? see 'tension run --help')"
                + System.lineSeparator());
    }

    @Test
    void aMalformedPortIsNamedInOneLineAndExitsWithTwo() {
        assertThat(execute("run", "--kafka-port", "ninety")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: setting 'kafka.port' has the malformed value 'ninety': expected a port from 0 to 65535"
                + System.lineSeparator());
    }

    @Test
    void anUnknownSettingInAConfigFileExitsWithTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("bad.properties"), "kafka.bootstrap=x\nhttp.prot=1\n");

        assertThat(execute("run", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown setting 'http.prot'").hasLineCount(1);
    }

    @Test
    void publishWithoutItsRequiredOptionsExitsWithTwo() {
        assertThat(execute("publish", "articles.jsonl")).isEqualTo(2);
        assertThat(err.toString()).contains("--bootstrap-servers");
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("run", "demo", "publish", "consume", "tag", "eval", "topology");
    }
}
