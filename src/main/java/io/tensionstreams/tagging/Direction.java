package io.tensionstreams.tagging;

/** Which way an article moves tension. */
public enum Direction {
    ESCALATION("escalation"),
    DEESCALATION("de-escalation"),
    MIXED("mixed"),
    NONE("none");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The name used in JSON and Avro: escalation, de-escalation, mixed or none. */
    public String label() {
        return label;
    }

    public static Direction fromLabel(String label) {
        for (Direction direction : values()) {
            if (direction.label.equals(label)) {
                return direction;
            }
        }
        throw new IllegalArgumentException("unknown direction \"" + label + "\"");
    }
}
