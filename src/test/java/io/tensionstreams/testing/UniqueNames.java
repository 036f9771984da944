package io.tensionstreams.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Topic and application names that no other test in the JVM uses. */
public final class UniqueNames {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private UniqueNames() {
    }

    public static String of(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }
}
