package io.tensionstreams.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The tagger's fitted part: four small logistic models over features the rules compute, fitted
 * by {@code tension train} on labelled articles and shipped as {@code topology/model.json}.
 * Whether a mentioned theme is substantive, whether a candidate is a pair, and whether an article
 * (or a pair's sentences) escalates and whether it de-escalates: both yes is mixed, neither is
 * none. The rules still find every word of evidence; the models only weigh it.
 *
 * @param version      the model file format; a file of another version is refused
 * @param trainedOn    what the model was fitted on, for people reading the file
 * @param themes       P(mentioned theme is substantive | {@link ThemeFeatures})
 * @param pairs        P(candidate is a pair | {@link PairFeatures})
 * @param escalation   P(escalation is substantial | {@link DirectionFeatures})
 * @param deescalation P(de-escalation is substantial | {@link DirectionFeatures})
 */
public record TaggerModel(int version, String trainedOn, Logistic themes, Logistic pairs, Logistic escalation,
                          Logistic deescalation) {
    /** 2: the theme model was added. */
    public static final int VERSION = 2;
    public static final String FILE = "model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public TaggerModel(@JsonProperty(value = "version", required = true) int version,
                       @JsonProperty("trainedOn") String trainedOn,
                       @JsonProperty(value = "themes", required = true) Logistic themes,
                       @JsonProperty(value = "pairs", required = true) Logistic pairs,
                       @JsonProperty(value = "escalation", required = true) Logistic escalation,
                       @JsonProperty(value = "deescalation", required = true) Logistic deescalation) {
        if (version != VERSION) {
            throw new TaxonomyException("model version " + version + " is not the supported version " + VERSION);
        }
        this.version = version;
        this.trainedOn = trainedOn;
        this.themes = requireFeatures(themes, ThemeFeatures.NAMES, "themes");
        this.pairs = requireFeatures(pairs, PairFeatures.NAMES, "pairs");
        this.escalation = requireFeatures(escalation, DirectionFeatures.NAMES, "escalation");
        this.deescalation = requireFeatures(deescalation, DirectionFeatures.NAMES, "deescalation");
    }

    private static Logistic requireFeatures(Logistic model, List<String> expected, String name) {
        if (!model.features().equals(expected)) {
            throw new TaxonomyException("the " + name + " model reads " + model.features() + ", not the tagger's " + expected
                    + ": train it again with tension train");
        }
        return model;
    }

    /** A model that decides nothing: no candidate is a pair and no article moves (the starting point of training). */
    static TaggerModel untrained() {
        return new TaggerModel(VERSION, "nothing", Logistic.constant(ThemeFeatures.NAMES), Logistic.constant(PairFeatures.NAMES),
                Logistic.constant(DirectionFeatures.NAMES), Logistic.constant(DirectionFeatures.NAMES));
    }

    /** This model with another pair model, or theme model: the stages of training. */
    TaggerModel withThemes(Logistic fitted) {
        return new TaggerModel(version, trainedOn, fitted, pairs, escalation, deescalation);
    }

    TaggerModel withPairs(Logistic fitted) {
        return new TaggerModel(version, trainedOn, themes, fitted, escalation, deescalation);
    }

    double themeProbability(double[] features) {
        return themes.probability(features);
    }

    double pairProbability(double[] features) {
        return pairs.probability(features);
    }

    Direction direction(double[] features) {
        boolean up = escalation.probability(features) >= 0.5;
        boolean down = deescalation.probability(features) >= 0.5;
        return up && down ? Direction.MIXED : up ? Direction.ESCALATION : down ? Direction.DEESCALATION : Direction.NONE;
    }

    /** The model bundled in the jar. */
    public static TaggerModel bundled() {
        try (InputStream in = TaggerModel.class.getResourceAsStream("/topology/" + FILE)) {
            if (in == null) {
                throw new TaxonomyException("the bundled model /topology/" + FILE + " is missing from the classpath");
            }
            return JSON.readValue(in, TaggerModel.class);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read the bundled model /topology/" + FILE + ": " + e.getMessage(), e);
        }
    }

    /**
     * The model in {@code dir}, or the bundled one when {@code dir} has none. The bundled theme
     * model was fitted to the bundled themes, so where {@code dir} defines its own themes and no
     * model, its themes are decided by their own rules (minWeight and minSentences).
     */
    public static TaggerModel fromDirectory(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Files.exists(dir.resolve(TaxonomyLoader.THEMES)) ? bundled().withThemes(Logistic.following(ThemeFeatures.NAMES, "rule_on"))
                    : bundled();
        }
        try {
            return JSON.readValue(file.toFile(), TaggerModel.class);
        } catch (IOException e) {
            throw new TaxonomyException(file + ": " + e.getMessage().lines().findFirst().orElse("unreadable"), e);
        }
    }

    public void write(Path file) {
        try {
            Files.writeString(file, JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
