package io.tensionstreams.embedded;

import java.nio.file.Path;

/** File helpers for tests. */
public final class TestFiles {
    private TestFiles() {
    }

    public static void deleteRecursively(Path dir) {
        EmbeddedKafka.deleteRecursively(dir);
    }
}
