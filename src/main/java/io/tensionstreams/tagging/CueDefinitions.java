package io.tensionstreams.tagging;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Words that move tension up or down, and the words that cancel or damp them.
 *
 * @param escalation   cues of rising tension ("shot down", "sanctions", "water cannon")
 * @param deescalation cues of easing tension ("talks", "ceasefire", "mend relations")
 * @param negation     markers that cancel a cue shortly after them ("did not attack")
 * @param hedges       markers that damp a cue shortly after them ("could", "if")
 * @param reversals    actions that turn a cue shortly after them around: suspending talks raises
 *                     tension, suspending drills eases it; optional
 * @param hazards      natural hazards: in a sentence naming one, no cue counts, as a typhoon's
 *                     "warning", the people an earthquake "killed" and a storm that "struck" are no
 *                     conflict; optional
 */
public record CueDefinitions(List<Cue> escalation, List<Cue> deescalation, Modifier negation, Modifier hedges, Reversal reversals,
                             List<String> hazards) {

    public CueDefinitions(
            @JsonProperty(value = "escalation", required = true) List<Cue> escalation,
            @JsonProperty(value = "deescalation", required = true) List<Cue> deescalation,
            @JsonProperty(value = "negation", required = true) Modifier negation,
            @JsonProperty(value = "hedges", required = true) Modifier hedges,
            @JsonProperty("reversals") Reversal reversals,
            @JsonProperty("hazards") List<String> hazards) {
        this.escalation = Entries.list(escalation, "escalation");
        this.deescalation = Entries.list(deescalation, "deescalation");
        this.negation = negation;
        this.hedges = hedges;
        this.reversals = reversals == null ? new Reversal(1, List.of(), null) : reversals;
        this.hazards = Entries.phrases(hazards, "hazards");
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

    /**
     * Actions that end or undo what a cue at most {@code window} words after them names, so the cue
     * counts the other way: "suspended talks", "broke off the dialogue" and "froze cooperation" raise
     * tension; "halted the strikes", "called off the drills" and "lifted the blockade" ease it. A
     * reversal that is only asked for or wished ({@code demands} at most {@code window} words before
     * it: "urged Beijing to halt reclamation", "there should be a halt to") reverses nothing: the
     * demand is pressure about the cue, not its undoing.
     */
    public record Reversal(int window, List<String> phrases, List<String> demands) {
        public Reversal(@JsonProperty(value = "window", required = true) int window,
                        @JsonProperty(value = "phrases", required = true) List<String> phrases,
                        @JsonProperty("demands") List<String> demands) {
            this.window = window;
            this.phrases = Entries.phrases(phrases, "phrases");
            // Read from the text around a reversal, not matched: one or two lower-case words each.
            // Read from the few words before a reversal, not matched in the text: lower case, one or two words.
            this.demands = Entries.phrases(demands, "demands").stream().map(demand -> demand.toLowerCase(Locale.ROOT)).toList();
            if (window < 1) {
                throw new IllegalArgumentException("reversals need window >= 1");
            }
        }
    }
}
