package io.tensionstreams.tagging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Words that move tension up or down, and the words that cancel or damp them.
 *
 * @param escalation   cues of rising tension ("shot down", "sanctions", "water cannon")
 * @param deescalation cues of easing tension ("talks", "ceasefire", "mend relations")
 * @param negation     markers that cancel a cue shortly after them ("did not attack")
 * @param hedges       markers that damp a cue shortly after them ("could", "if")
 */
public record CueDefinitions(List<Cue> escalation, List<Cue> deescalation, Modifier negation, Modifier hedges) {

    public CueDefinitions(
            @JsonProperty(value = "escalation", required = true) List<Cue> escalation,
            @JsonProperty(value = "deescalation", required = true) List<Cue> deescalation,
            @JsonProperty(value = "negation", required = true) Modifier negation,
            @JsonProperty(value = "hedges", required = true) Modifier hedges) {
        this.escalation = Entries.list(escalation, "escalation");
        this.deescalation = Entries.list(deescalation, "deescalation");
        this.negation = negation;
        this.hedges = hedges;
    }

    /** Phrases with a weight. */
    public record Cue(double weight, List<String> phrases) {
        public Cue(@JsonProperty(value = "weight", required = true) double weight,
                   @JsonProperty(value = "phrases", required = true) List<String> phrases) {
            this.weight = weight;
            this.phrases = Entries.phrases(phrases, "phrases");
            if (weight <= 0) {
                throw new IllegalArgumentException("a cue's weight must be positive, not " + weight);
            }
        }
    }

    /**
     * Markers that act on a cue at most {@code window} words after them in the same sentence,
     * multiplying its weight by {@code factor} (0 cancels it).
     */
    public record Modifier(int window, double factor, List<String> phrases) {
        public Modifier(@JsonProperty(value = "window", required = true) int window,
                        @JsonProperty(value = "factor", required = true) double factor,
                        @JsonProperty(value = "phrases", required = true) List<String> phrases) {
            this.window = window;
            this.factor = factor;
            this.phrases = Entries.phrases(phrases, "phrases");
            if (window < 1 || factor < 0 || factor >= 1) {
                throw new IllegalArgumentException("a modifier needs window >= 1 and 0 <= factor < 1");
            }
        }
    }
}
