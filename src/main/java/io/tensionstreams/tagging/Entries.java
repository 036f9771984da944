package io.tensionstreams.tagging;

import java.util.List;

/**
 * Copies the lists of a taxonomy file and refuses the mistakes YAML lets through: an empty entry
 * ({@code ~}, or a dash with nothing after it) and a phrase with no letter or digit once folded
 * ({@code "..."}, {@code " "}), which could never match a word. The message is raised while the file is read, so it carries the file and line.
 */
final class Entries {
    private Entries() {
    }

    /** An immutable copy; a missing list is empty, an empty entry in it is refused. */
    static <T> List<T> list(List<T> values, String what) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException("entry " + (i + 1) + " of " + what + " is empty (~ or nothing after the dash)");
            }
        }
        return List.copyOf(values);
    }

    /** As {@link #list}, and every phrase must hold something to match. */
    static List<String> phrases(List<String> values, String what) {
        List<String> phrases = list(values, what);
        for (String phrase : phrases) {
            if (TextFolder.fold(phrase.strip()).chars().noneMatch(Character::isLetterOrDigit)) {
                throw new IllegalArgumentException("the phrase \"" + phrase + "\" in " + what + " has nothing to match");
            }
        }
        return phrases;
    }
}
