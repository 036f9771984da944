package io.tensionstreams.tagging;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The taxonomy's country codes as small integers, for the pair finder's per-sentence sets and its
 * pair keys: a set of the countries a sentence names is a {@link BitSet}, a pair is one int.
 *
 * <p>A code's number is its rank in the sorted codes, so iterating a set's bits visits codes in the
 * order a sorted set of strings would, and a pair's lower number is the code {@link PairMatch#key}
 * puts first. The codes are every code the taxonomy uses: the countries' own, and those a theme
 * implies or names as its sides, or a partnership lists, which need not be defined as countries.
 */
final class CountryCodes {
    private final String[] codes;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final int[] numberOfCountry;
    private final BitSet[] impliedByTheme;
    private final int[] sidesByTheme;
    private final List<BitSet> blocs;

    CountryCodes(Taxonomy taxonomy) {
        TreeSet<String> all = new TreeSet<>();
        taxonomy.countries().forEach(country -> all.add(country.code()));
        taxonomy.themes().forEach(theme -> {
            all.addAll(theme.implies());
            all.addAll(theme.sides());
        });
        taxonomy.partners().forEach(all::addAll);
        this.codes = all.toArray(new String[0]);
        for (int i = 0; i < codes.length; i++) {
            numbers.put(codes[i], i);
        }
        this.numberOfCountry = taxonomy.countries().stream().mapToInt(country -> number(country.code())).toArray();
        this.impliedByTheme = taxonomy.themes().stream().map(theme -> setOf(theme.implies())).toArray(BitSet[]::new);
        this.sidesByTheme = taxonomy.themes().stream()
                .mapToInt(theme -> theme.sides().isEmpty() ? -1 : pair(number(theme.sides().get(0)), number(theme.sides().get(1))))
                .toArray();
        this.blocs = taxonomy.partners().stream().map(this::setOf).toList();
    }

    int number(String code) {
        Integer number = numbers.get(code);
        if (number == null) {
            throw new IllegalArgumentException("no country code " + code + " in the taxonomy");
        }
        return number;
    }

    /** The number of the country at {@code country} in the taxonomy's list. */
    int ofCountry(int country) {
        return numberOfCountry[country];
    }

    String code(int number) {
        return codes[number];
    }

    /** The countries theme {@code theme} implies in its sentences; not to be changed. */
    BitSet impliedBy(int theme) {
        return impliedByTheme[theme];
    }

    /** The pair of the two sides of theme {@code theme}, or -1 when it names none. */
    int sidesOf(int theme) {
        return sidesByTheme[theme];
    }

    /** The standing alliances and partnerships, as sets of country numbers; not to be changed. */
    List<BitSet> blocs() {
        return blocs;
    }

    /** How many codes there are: the numbers run from 0 to {@code size() - 1}. */
    int size() {
        return codes.length;
    }

    /** The key of the pair of countries {@code a} and {@code b}, in either order. */
    int pair(int a, int b) {
        return Math.min(a, b) * codes.length + Math.max(a, b);
    }

    /** The pair's first country: the lower number, the code that sorts first. */
    int first(int pair) {
        return pair / codes.length;
    }

    int second(int pair) {
        return pair % codes.length;
    }

    /** The pair's name, "CN-US". */
    String name(int pair) {
        return codes[first(pair)] + "-" + codes[second(pair)];
    }

    private BitSet setOf(Collection<String> codesOfSet) {
        BitSet set = new BitSet(codes.length);
        codesOfSet.forEach(code -> set.set(number(code)));
        return set;
    }

    /** Whether every country of {@code subset} is in {@code set}. */
    static boolean containsAll(BitSet set, BitSet subset) {
        for (int country = subset.nextSetBit(0); country >= 0; country = subset.nextSetBit(country + 1)) {
            if (!set.get(country)) {
                return false;
            }
        }
        return true;
    }
}
