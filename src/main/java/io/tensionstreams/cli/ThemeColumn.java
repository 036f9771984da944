package io.tensionstreams.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The themes column of the score tables of {@code consume} and {@code demo}: the themes a pair's
 * articles are about, strongest first, then in brackets those they only mention. A window's
 * themes include both (each with its count of articles about it, zero for a mention only), and one
 * list of names would read a passing reference as a subject.
 */
final class ThemeColumn {
    /** A theme of a window and how many of its articles are about it. */
    record Theme(String name, int articlesAbout) {
    }

    private ThemeColumn() {
    }

    static String of(List<Theme> themes) {
        String about = namesWhere(themes, true);
        String mentionedOnly = namesWhere(themes, false);
        if (mentionedOnly.isEmpty()) {
            return about;
        }
        return (about.isEmpty() ? "" : about + " ") + "(mentioned: " + mentionedOnly + ")";
    }

    private static String namesWhere(List<Theme> themes, boolean about) {
        return themes.stream().filter(theme -> (theme.articlesAbout() > 0) == about).map(Theme::name).collect(Collectors.joining(","));
    }
}
