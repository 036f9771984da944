package io.tensionstreams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The package rules of DESIGN.md: arrows point inward, and the domain code never touches Kafka or HTTP. */
class ArchitectureTest {

    @ParameterizedTest(name = "{0} does not import {1}")
    @CsvSource({
            "tagging, org.apache.kafka", "tagging, com.sun.net.httpserver", "tagging, java.net.http", "tagging, io.tensionstreams.",
            "scoring, org.apache.kafka", "scoring, com.sun.net.httpserver", "scoring, io.tensionstreams.topology",
            "topology, com.sun.net.httpserver", "topology, io.tensionstreams.cli", "topology, picocli",
            "registry, io.tensionstreams.tagging", "embedded, io.tensionstreams.tagging",
            "app, io.tensionstreams.cli", "app, picocli", "bench, io.tensionstreams.cli", "bench, picocli"})
    void packageDoesNotImport(String pkg, String forbidden) throws IOException {
        Path dir = Path.of("src/main/java/io/tensionstreams", pkg);
        if (!Files.isDirectory(dir)) {
            return;
        }
        String allowedSelf = "io.tensionstreams." + pkg + ".";
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> imports(file, forbidden, allowedSelf))
                    .map(Path::toString)
                    .toList();
            assertThat(offenders).as("files in %s importing %s", pkg, forbidden).isEmpty();
        }
    }

    private static boolean imports(Path file, String forbidden, String allowedSelf) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith("import "))
                    .map(line -> line.substring("import ".length()).replace("static ", ""))
                    .anyMatch(target -> target.startsWith(forbidden) && !target.startsWith(allowedSelf));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
