package io.tensionstreams.tagging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tagger's knowledge, as data: themes, countries and cues. Loaded from
 * {@code topology/themes.yaml}, {@code actors.yaml} and {@code cues.yaml}.
 *
 * @param themes    the themes, in the order they are reported
 * @param countries the countries and the ways they are named
 * @param blockers  phrases that contain a country's name but mention no country
 *                  ("South China Sea", "China Daily"); they hide the name inside them
 * @param collective phrases by which the joint authors of a statement or a meeting speak as one
 *                  ("we", "the ministers", "both sides"); see {@code PairFinder}
 * @param partners  standing alliances and partnerships, each a set of country codes: cooperation
 *                  inside one is alliance business, not the easing of a tension
 * @param cues      escalation and de-escalation cues with their modifiers
 */
public record Taxonomy(List<ThemeDefinition> themes, List<CountryDefinition> countries, List<String> blockers,
                       List<String> collective, List<Set<String>> partners, CueDefinitions cues) {

    public Taxonomy {
        themes = List.copyOf(themes);
        countries = List.copyOf(countries);
        blockers = List.copyOf(blockers);
        collective = List.copyOf(collective);
        partners = partners.stream().map(Set::copyOf).toList();
        requireUnique(themes, ThemeDefinition::id, "theme");
        requireUnique(countries, CountryDefinition::code, "country");
    }

    public List<String> themeIds() {
        return themes.stream().map(ThemeDefinition::id).toList();
    }

    private static <T> void requireUnique(List<T> items, Function<T, String> key, String kind) {
        Map<String, Long> counts = items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        counts.forEach((id, count) -> {
            if (count > 1) {
                throw new TaxonomyException(kind + " \"" + id + "\" is defined " + count + " times");
            }
        });
    }
}
