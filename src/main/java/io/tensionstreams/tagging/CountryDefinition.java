package io.tensionstreams.tagging;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a country is named in the news.
 *
 * @param code      ISO 3166-1 alpha-2 code
 * @param names     names, demonyms and institutions ("PLA", "State Department"); matched
 *                  case-insensitively
 * @param places    capitals and other cities: the country when they act ("Beijing said"), not
 *                  where they are only the venue ("talks in Minsk", "the Paris Agreement")
 * @param exact     names matched with their case, for those that are also common words ("US")
 * @param ambiguous names that count only with one of {@code context} nearby ("Georgia", "Jordan")
 * @param context   phrases that confirm an ambiguous name means the country
 * @param people    leaders and officials, who stand for the country only during their terms
 */
public record CountryDefinition(
        String code,
        List<String> names,
        List<String> places,
        List<String> exact,
        List<String> ambiguous,
        List<String> context,
        List<Person> people) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

    public CountryDefinition(
            @JsonProperty(value = "code", required = true) String code,
            @JsonProperty("names") List<String> names,
            @JsonProperty("places") List<String> places,
            @JsonProperty("exact") List<String> exact,
            @JsonProperty("ambiguous") List<String> ambiguous,
            @JsonProperty("context") List<String> context,
            @JsonProperty("people") List<Person> people) {
        this.code = requireCode(code);
        this.names = Entries.phrases(names, "names");
        this.places = Entries.phrases(places, "places");
        this.exact = Entries.phrases(exact, "exact");
        this.ambiguous = Entries.phrases(ambiguous, "ambiguous");
        this.context = Entries.phrases(context, "context");
        this.people = Entries.list(people, "people");
        if (!this.ambiguous.isEmpty() && this.context.isEmpty()) {
            throw new IllegalArgumentException("country " + code + " has ambiguous names but no context to confirm them");
        }
    }

    static String requireCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("\"" + code + "\" is not an ISO 3166-1 alpha-2 code (two capital letters)");
        }
        return code;
    }

    /** An official: the names stand for the country only in articles published within a term. */
    public record Person(List<String> names, List<String> exact, List<Term> terms) {
        public Person(
                @JsonProperty("names") List<String> names,
                @JsonProperty("exact") List<String> exact,
                @JsonProperty(value = "terms", required = true) List<Term> terms) {
            this.names = Entries.phrases(names, "names");
            this.exact = Entries.phrases(exact, "exact");
            this.terms = Entries.list(terms, "terms");
            if (this.names.isEmpty() && this.exact.isEmpty()) {
                throw new IllegalArgumentException("a person needs at least one name");
            }
        }

        /** Whether the person held office on {@code date}; an undated article gives them the benefit of the doubt. */
        public boolean inOffice(LocalDate date) {
            return date == null || terms.stream().anyMatch(term -> term.covers(date));
        }
    }

    /** A term of office; {@code to} absent means still in office. */
    public record Term(LocalDate from, LocalDate to) {
        @JsonCreator
        public Term(@JsonProperty(value = "from", required = true) String from, @JsonProperty("to") String to) {
            this(date(from), to == null ? null : date(to));
        }

        public Term {
            if (to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("a term ends (" + to + ") before it starts (" + from + ")");
            }
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }

        private static LocalDate date(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a date (YYYY-MM-DD)");
            }
        }
    }
}
