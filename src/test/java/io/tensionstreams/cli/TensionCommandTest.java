package io.tensionstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TensionCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = TensionCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
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
        assertThat(err.toString()).contains("'--kafka-prot'").contains("Possible solutions: --kafka-port");
    }

    @Test
    void aMalformedPortIsNamedAndExitsWithTwo() {
        assertThat(execute("run", "--kafka-port", "ninety")).isEqualTo(2);
        assertThat(err.toString()).contains("--kafka-port").contains("ninety");
    }
}
