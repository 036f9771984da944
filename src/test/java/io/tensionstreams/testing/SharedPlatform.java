package io.tensionstreams.testing;

import io.tensionstreams.embedded.EmbeddedPlatform;

/**
 * One embedded broker and registry for the whole test JVM: starting a KRaft broker takes seconds,
 * so tests share it and keep apart by using topic and application names of their own.
 */
public final class SharedPlatform {
    private static EmbeddedPlatform platform;

    private SharedPlatform() {
    }

    public static synchronized EmbeddedPlatform get() {
        if (platform == null) {
            platform = EmbeddedPlatform.start();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "shared-platform-shutdown"));
        }
        return platform;
    }
}
