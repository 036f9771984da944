package io.tensionstreams.embedded;

import java.nio.file.Path;

/** Removing a directory tree, for temporary data the app made itself. */
public final class Directories {
    private Directories() {
    }

    public static void deleteRecursively(Path dir) {
        EmbeddedKafka.deleteRecursively(dir);
    }
}
