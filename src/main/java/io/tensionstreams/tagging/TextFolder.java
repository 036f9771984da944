package io.tensionstreams.tagging;

import java.text.Normalizer;

/**
 * Folds text for matching, one character for one character, so that an offset in the folded text
 * is the same offset in the original: evidence points into the article as published.
 *
 * <p>Folding lower-cases, strips diacritics (é to e), and maps the typographic variants of
 * apostrophes, dashes and spaces to their ASCII forms. A character whose Unicode normal form is
 * not a single base letter (a ligature, a CJK ideograph) becomes {@code '\u0000'}, which no
 * pattern contains.
 */
public final class TextFolder {
    private static final char[] LATIN1_AND_BEYOND = buildTable();
    private static final boolean[] WORD_CHARS = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            WORD_CHARS[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            WORD_CHARS[c] = true;
        }
    }

    private TextFolder() {
    }

    public static String fold(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = fold(text.charAt(i));
        }
        return new String(folded);
    }

    /**
     * The folded text as ASCII bytes, one per character of {@code text}: what the matcher scans,
     * without the bounds and encoding checks of {@code String.charAt}.
     */
    public static byte[] foldToBytes(String text) {
        byte[] folded = new byte[text.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = fold(text.charAt(i));
            folded[i] = c < 128 ? (byte) c : 0;
        }
        return folded;
    }

    /** Whether a folded byte is a letter or digit. */
    public static boolean isWordByte(byte folded) {
        return folded >= 0 && WORD_CHARS[folded];
    }

    public static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return c < LATIN1_AND_BEYOND.length ? LATIN1_AND_BEYOND[c] : foldRare(c);
    }

    /** Letters and digits make words; everything else separates them. */
    public static boolean isWordChar(char folded) {
        return folded < 128 && WORD_CHARS[folded];
    }

    private static char[] buildTable() {
        char[] table = new char[0x2100];
        for (char c = 128; c < table.length; c++) {
            table[c] = foldRare(c);
        }
        return table;
    }

    private static char foldRare(char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u2032', '\u02BC', '\u00B4', '\u0060' -> {
                return '\'';
            }
            case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> {
                return '"';
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> {
                return '-';
            }
            case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u2002', '\u2003' -> {
                return ' ';
            }
            default -> {
                return baseLetter(c);
            }
        }
    }

    private static char baseLetter(char c) {
        if (Character.isWhitespace(c)) {
            return ' ';
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD);
        char base = decomposed.isEmpty() ? c : decomposed.charAt(0);
        boolean singleBase = decomposed.length() == 1
                || decomposed.substring(1).chars().allMatch(ch -> Character.getType(ch) == Character.NON_SPACING_MARK);
        if (!singleBase || base >= 128) {
            return Character.isLetterOrDigit(c) ? '\u0000' : ' ';
        }
        return fold(base);
    }
}
