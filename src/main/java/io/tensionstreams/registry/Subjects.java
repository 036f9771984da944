package io.tensionstreams.registry;

/** TopicNameStrategy: a topic's values live under {@code <topic>-value}, its keys under {@code <topic>-key}. */
public final class Subjects {
    private Subjects() {
    }

    public static String of(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
