package io.tensionstreams.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary directories removed when the JVM exits. */
public final class TempDirectories {
    private TempDirectories() {
    }

    public static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> EmbeddedKafka.deleteRecursively(dir), "delete-" + prefix));
        return dir;
    }
}
