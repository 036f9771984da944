package io.tensionstreams.testing;

/**
 * The slow test classes that bring their own broker run beside the rest of the suite
 * ({@code @Execution(CONCURRENT)}, see junit-platform.properties), but one at a time: each keeps
 * a core busy, and the machine the suite is meant for has two.
 */
public final class SideLane {
    /** The {@code @ResourceLock} the side-lane classes share. */
    public static final String LOCK = "side lane: a test class with its own broker, beside the rest";

    private SideLane() {
    }
}
