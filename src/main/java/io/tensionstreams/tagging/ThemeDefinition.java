package io.tensionstreams.tagging;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A tension theme as the taxonomy defines it: weighted phrases, the context an ambiguous phrase
 * needs, and how much evidence makes an article substantively about the theme.
 *
 * @param id           stable id, such as {@code taiwan}
 * @param label        human-readable name
 * @param implies      countries a hit involves even when they are not named (a Taiwan Strait
 *                     incident involves CN and TW)
 * @param sides        the two sides of the theme's own conflict, or none: Russia and Ukraine for the
 *                     war, China and Taiwan across the Strait; where the theme is substantive, the
 *                     pair of its sides is the conflict the article reports
 * @param minWeight    the weighted evidence an article needs to be about the theme
 * @param minSentences the number of distinct sentences that evidence must span, so that a passing
 *                     mention in one sentence does not make the theme
 * @param groups       named lists of context phrases, referred to by the terms
 * @param terms        the theme's phrases with their weights and context rules
 * @param since        when the theme began, or null: an article published before it cannot be
 *                     about it, whatever its words ("Russian forces" in a 2008 report on Georgia
 *                     is not the war in Ukraine, which began in 2014)
 */
public record ThemeDefinition(
        String id,
        String label,
        List<String> implies,
        List<String> sides,
        double minWeight,
        int minSentences,
        Map<String, List<String>> groups,
        List<Term> terms,
        LocalDate since) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    @JsonCreator
    public ThemeDefinition(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "label", required = true) String label,
            @JsonProperty("implies") List<String> implies,
            @JsonProperty("sides") List<String> sides,
            @JsonProperty(value = "minWeight", required = true) double minWeight,
            @JsonProperty("minSentences") Integer minSentences,
            @JsonProperty("groups") Map<String, List<String>> groups,
            @JsonProperty(value = "terms", required = true) List<Term> terms,
            @JsonProperty("since") String since) {
        this(id, label, implies, sides, minWeight, minSentences == null ? 2 : minSentences.intValue(), groups, terms, date(id, since));
    }

    private static LocalDate date(String id, String since) {
        try {
            return since == null ? null : LocalDate.parse(since);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("theme " + id + ": since must be a date such as 2014-02-20, not \"" + since + "\"");
        }
    }

    /** Whether an article published on {@code published} (null: unknown) can be about the theme. */
    boolean inForce(LocalDate published) {
        return since == null || published == null || !published.isBefore(since);
    }

    public ThemeDefinition {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("theme id \"" + id + "\" must be lower-case letters, digits and _");
        }
        implies = Entries.list(implies, "implies");
        implies.forEach(CountryDefinition::requireCode);
        sides = Entries.list(sides, "sides");
        sides.forEach(CountryDefinition::requireCode);
        if (!sides.isEmpty() && (sides.size() != 2 || sides.get(0).equals(sides.get(1)))) {
            throw new IllegalArgumentException("theme " + id + ": sides must be two different countries, not " + sides);
        }
        groups = groups == null ? Map.of() : groups.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, g -> Entries.phrases(g.getValue(), "group " + g.getKey())));
        if (minWeight <= 0 || minSentences < 1) {
            throw new IllegalArgumentException("theme " + id + ": minWeight must be > 0 and minSentences >= 1");
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("theme " + id + " has no terms");
        }
        terms = Entries.list(terms, "terms");
        for (Term term : terms) {
            for (String group : term.needsAndUnless()) {
                if (!groups.containsKey(group)) {
                    throw new IllegalArgumentException("theme " + id + ": a term refers to group \"" + group
                            + "\", which is not among its groups " + groups.keySet());
                }
            }
        }
    }

    /**
     * Phrases that count toward the theme.
     *
     * @param weight  how much one occurrence counts
     * @param phrases the phrases, matched whole-word after folding
     * @param needs   context groups: an occurrence counts only when a phrase of one of them is in
     *                the same or a neighbouring sentence (empty: always counts)
     * @param alsoNeeds context groups of a second condition, which must hold as well as {@code needs}:
     *                "trade secrets" is espionage only beside a state and a theft ("charged with stealing
     *                the trade secrets for Beijing"), not in a dialogue on protecting them
     * @param unless  context groups that cancel an occurrence in the same or a neighbouring sentence
     * @param formula whether the phrases are diplomatic boilerplate ("peace and stability across the
     *                Taiwan Strait"): the theme is mentioned, but the sentence counts as an agenda
     *                sentence, as readouts recite the formula whatever the meeting was about
     */
    public record Term(double weight, List<String> phrases, List<String> needs, List<String> alsoNeeds, List<String> unless,
                       boolean formula) {
        @JsonCreator
        public Term(
                @JsonProperty(value = "weight", required = true) double weight,
                @JsonProperty(value = "phrases", required = true) List<String> phrases,
                @JsonProperty("needs") List<String> needs,
                @JsonProperty("alsoNeeds") List<String> alsoNeeds,
                @JsonProperty("unless") List<String> unless,
                @JsonProperty("formula") Boolean formula) {
            this(weight, phrases, needs, alsoNeeds, unless, Boolean.TRUE.equals(formula));
        }

        public Term(double weight, List<String> phrases, List<String> needs, List<String> alsoNeeds, List<String> unless,
                    boolean formula) {
            this.weight = weight;
            this.formula = formula;
            this.phrases = Entries.phrases(phrases, "phrases");
            this.needs = Entries.list(needs, "needs");
            this.alsoNeeds = Entries.list(alsoNeeds, "alsoNeeds");
            this.unless = Entries.list(unless, "unless");
            if (weight <= 0) {
                throw new IllegalArgumentException("a term's weight must be positive, not " + weight);
            }
            if (this.phrases.isEmpty()) {
                throw new IllegalArgumentException("a term needs at least one phrase");
            }
        }

        List<String> needsAndUnless() {
            return java.util.stream.Stream.of(needs, alsoNeeds, unless).flatMap(List::stream).toList();
        }
    }
}
