package io.tensionstreams.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The taxonomy compiled for matching: every phrase of every file in one {@link PhraseMatcher},
 * each phrase carrying the roles it plays (a theme term, a country's name, a cue...). Built once
 * at start-up; shared by all tagging threads, as it is immutable.
 */
final class Lexicon {
    /** What a matched phrase means. One phrase may mean several things. */
    sealed interface Role {
    }

    /** A term of theme {@code theme} ({@code term} indexes its terms). */
    record ThemeTerm(int theme, int term, double weight) implements Role {
    }

    /** A phrase of context group {@code group} of theme {@code theme}. */
    record ThemeContext(int theme, String group) implements Role {
    }

    /**
     * A name of country {@code country}; {@code person} is the index of the official, or -1;
     * {@code place} when the name is a city, which may be only where something happened.
     */
    record CountryName(int country, int person, boolean ambiguous, String exactText, boolean place) implements Role {
        CountryName(int country, int person, boolean ambiguous, String exactText) {
            this(country, person, ambiguous, exactText, false);
        }
    }

    /** A phrase that confirms an ambiguous name of country {@code country}. */
    record CountryContext(int country) implements Role {
    }

    /** A phrase that hides the country names inside it ("South China Sea"). */
    record Blocker() implements Role {
    }

    /** A collective subject: the joint authors speaking as one ("we", "the ministers"). */
    record Collective() implements Role {
    }

    /** An escalation ({@code escalation}) or de-escalation cue. */
    record Cue(boolean escalation, double weight) implements Role {
    }

    /** A negation or a hedge. */
    record Modifier(boolean negation) implements Role {
    }

    /** A natural hazard: no cue counts in its sentence ("the typhoon killed twelve"). */
    record Hazard() implements Role {
    }

    /** An action that turns the cue after it around ("suspended" before "talks"). */
    record Reversal() implements Role {
    }

    /**
     * The kinds of role, one bit each: a phrase's kinds are one {@code int}, so that asking whether a
     * match plays any of several kinds is one AND instead of a predicate called on each role.
     */
    enum Kind {
        THEME_TERM(ThemeTerm.class), THEME_CONTEXT(ThemeContext.class), COUNTRY_NAME(CountryName.class),
        COUNTRY_CONTEXT(CountryContext.class), BLOCKER(Blocker.class), COLLECTIVE(Collective.class), CUE(Cue.class),
        MODIFIER(Modifier.class), HAZARD(Hazard.class), REVERSAL(Reversal.class);

        private final Class<? extends Role> type;

        Kind(Class<? extends Role> type) {
            this.type = type;
        }

        int bit() {
            return 1 << ordinal();
        }

        static int bitsOf(Role[] roles) {
            int bits = 0;
            for (Role role : roles) {
                bits |= Arrays.stream(values()).filter(kind -> kind.type.isInstance(role)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no kind for " + role)).bit();
            }
            return bits;
        }
    }

    /**
     * The context groups a term of a theme asks for nearby, or must not have nearby, as context
     * signatures ({@link #contexts}).
     */
    record TermContexts(long needs, long alsoNeeds, long unless) {
    }

    final PhraseMatcher matcher;
    final Role[][] roles;
    /** The bits of {@link Kind} of each phrase's roles. */
    final int[] kinds;
    /**
     * Each phrase's context signature: a bit for each context group it is a phrase of (a theme's
     * group, or a country's confirming context). With more than 64 groups some share a bit, so a
     * signature can say that a group is present when another is, never that a present one is absent:
     * a window whose signature lacks a group's bit holds none of its phrases, which lets a context
     * look-up skip reading the window's matches.
     */
    final long[] contexts;
    private final TermContexts[][] termContexts;
    /** The signature of each country's confirming context. */
    private final long[] countryContexts;
    final List<String> phrases;

    private Lexicon(List<String> phrases, PhraseMatcher matcher, Role[][] roles, Map<Role, Integer> contextNumbers,
                    List<ThemeDefinition> themes, int countries) {
        this.phrases = List.copyOf(phrases);
        this.matcher = matcher;
        this.roles = roles;
        this.kinds = Arrays.stream(roles).mapToInt(Kind::bitsOf).toArray();
        this.contexts = Arrays.stream(roles).mapToLong(phraseRoles -> signature(Arrays.asList(phraseRoles), contextNumbers)).toArray();
        this.termContexts = new TermContexts[themes.size()][];
        for (int t = 0; t < themes.size(); t++) {
            int theme = t;
            termContexts[t] = themes.get(t).terms().stream().map(term -> new TermContexts(
                    signature(groups(theme, term.needs()), contextNumbers), signature(groups(theme, term.alsoNeeds()), contextNumbers),
                    signature(groups(theme, term.unless()), contextNumbers))).toArray(TermContexts[]::new);
        }
        this.countryContexts = new long[countries];
        for (int c = 0; c < countries; c++) {
            countryContexts[c] = signature(List.of(new CountryContext(c)), contextNumbers);
        }
    }

    /** The context groups term {@code term} of theme {@code theme} asks about. */
    TermContexts termContexts(int theme, int term) {
        return termContexts[theme][term];
    }

    /** The signature of the context that confirms an ambiguous name of country {@code country}. */
    long countryContext(int country) {
        return countryContexts[country];
    }

    private static List<Role> groups(int theme, List<String> groups) {
        return groups.stream().<Role>map(group -> new ThemeContext(theme, group)).toList();
    }

    /** The signature of the context roles among {@code roles}; a group no phrase belongs to has no bit, as nothing can match it. */
    private static long signature(List<Role> roles, Map<Role, Integer> contextNumbers) {
        long signature = 0;
        for (Role role : roles) {
            Integer number = contextNumbers.get(role);
            if (number != null) {
                signature |= 1L << (number & 63);
            }
        }
        return signature;
    }

    static Lexicon compile(Taxonomy taxonomy) {
        Builder builder = new Builder();
        List<ThemeDefinition> themes = taxonomy.themes();
        for (int t = 0; t < themes.size(); t++) {
            ThemeDefinition theme = themes.get(t);
            for (int i = 0; i < theme.terms().size(); i++) {
                ThemeDefinition.Term term = theme.terms().get(i);
                for (String phrase : term.phrases()) {
                    builder.add(phrase, new ThemeTerm(t, i, term.weight()));
                }
            }
            for (Map.Entry<String, List<String>> group : theme.groups().entrySet()) {
                for (String phrase : group.getValue()) {
                    builder.add(phrase, new ThemeContext(t, group.getKey()));
                }
            }
        }
        List<CountryDefinition> countries = taxonomy.countries();
        for (int c = 0; c < countries.size(); c++) {
            CountryDefinition country = countries.get(c);
            for (String name : country.names()) {
                builder.add(name, new CountryName(c, -1, false, null));
            }
            for (String name : country.places()) {
                builder.add(name, new CountryName(c, -1, false, null, true));
            }
            for (String name : country.exact()) {
                builder.add(name, new CountryName(c, -1, false, name));
            }
            for (String name : country.ambiguous()) {
                builder.add(name, new CountryName(c, -1, true, null));
            }
            for (String phrase : country.context()) {
                builder.add(phrase, new CountryContext(c));
            }
            for (int p = 0; p < country.people().size(); p++) {
                CountryDefinition.Person person = country.people().get(p);
                for (String name : person.names()) {
                    builder.add(name, new CountryName(c, p, false, null));
                }
                for (String name : person.exact()) {
                    builder.add(name, new CountryName(c, p, false, name));
                }
            }
        }
        taxonomy.blockers().forEach(phrase -> builder.add(phrase, new Blocker()));
        taxonomy.collective().forEach(phrase -> builder.add(phrase, new Collective()));
        CueDefinitions cues = taxonomy.cues();
        cues.escalation().forEach(cue -> cue.phrases().forEach(phrase -> builder.add(phrase, new Cue(true, cue.weight()))));
        cues.deescalation().forEach(cue -> cue.phrases().forEach(phrase -> builder.add(phrase, new Cue(false, cue.weight()))));
        cues.negation().phrases().forEach(phrase -> builder.add(phrase, new Modifier(true)));
        cues.hedges().phrases().forEach(phrase -> builder.add(phrase, new Modifier(false)));
        cues.reversals().phrases().forEach(phrase -> builder.add(phrase, new Reversal()));
        cues.hazards().forEach(phrase -> builder.add(phrase, new Hazard()));
        return builder.build(themes, countries.size());
    }

    private static final class Builder {
        private final Map<String, List<Role>> rolesByPhrase = new LinkedHashMap<>();
        /** Each context group's number, in the order they are first added: a theme's group or a country's context. */
        private final Map<Role, Integer> contextNumbers = new HashMap<>();

        void add(String phrase, Role role) {
            String folded = TextFolder.fold(phrase.strip());
            if (folded.isEmpty()) {
                throw new TaxonomyException("an empty phrase in the taxonomy");
            }
            for (int i = 0; i < folded.length(); i++) {
                if (folded.charAt(i) == 0 || folded.charAt(i) >= 128) {
                    throw new TaxonomyException("the phrase \"" + phrase + "\" holds a character the tagger cannot match");
                }
            }
            rolesByPhrase.computeIfAbsent(folded, k -> new ArrayList<>()).add(role);
            if (role instanceof ThemeContext || role instanceof CountryContext) {
                contextNumbers.putIfAbsent(role, contextNumbers.size());
            }
        }

        Lexicon build(List<ThemeDefinition> themes, int countries) {
            List<String> phrases = new ArrayList<>(rolesByPhrase.keySet());
            Role[][] roles = new Role[phrases.size()][];
            for (int i = 0; i < phrases.size(); i++) {
                roles[i] = rolesByPhrase.get(phrases.get(i)).toArray(Role[]::new);
            }
            return new Lexicon(phrases, PhraseMatcher.compile(phrases), roles, contextNumbers, themes, countries);
        }
    }
}
