package io.tensionstreams.tagging;

/**
 * The dateline a wire story opens its body with: the place it was filed from, in capitals, then a
 * dash ("TAIPEI, TAIWAN —", "WASHINGTON -", "MANILA, Philippines (Reuters) —"). It says where the
 * reporter sat, not what the story is about, so theme terms in it do not count; the countries in
 * it still do, as parties to the story.
 */
final class Dateline {
    /** Datelines are short; a longer opening before a dash is a sentence. */
    private static final int MAX_LENGTH = 60;

    private Dateline() {
    }

    /**
     * The end offset of the dateline at {@code bodyStart} in {@code text}, or {@code bodyStart} when
     * there is none: a dateline's place, up to its first comma, parenthesis or dash, has letters
     * and no lower-case one ("MANILA, Philippines (AP) —" but not "US officials said -"), and a
     * spaced dash follows within a short line.
     */
    static int end(String text, int bodyStart) {
        int limit = Math.min(text.length(), bodyStart + MAX_LENGTH);
        int place = bodyStart;
        while (place < limit && ",(".indexOf(text.charAt(place)) < 0 && !isSpacedDash(text, place)) {
            if (Character.isLowerCase(text.charAt(place)) || text.charAt(place) == '\n') {
                return bodyStart;
            }
            place++;
        }
        if (place == bodyStart || text.substring(bodyStart, place).chars().noneMatch(Character::isLetter)) {
            return bodyStart;
        }
        for (int i = place; i < limit && text.charAt(i) != '\n'; i++) {
            if (isSpacedDash(text, i)) {
                return i + 1;
            }
        }
        return bodyStart;
    }

    private static boolean isSpacedDash(String text, int i) {
        return isDash(text.charAt(i)) && i > 0 && text.charAt(i - 1) == ' ';
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014';
    }
}
