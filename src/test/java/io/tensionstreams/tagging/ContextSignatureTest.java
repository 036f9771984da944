package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context look-up first reads the window's signature ({@link Lexicon#contexts}). With more
 * groups than a signature has bits, groups share bits; a shared bit must only ever send the
 * look-up on to the window's matches, never decide it.
 */
class ContextSignatureTest {
    /** More groups than a {@code long} has bits. */
    private static final int GROUPS = 70;
    private static Tagger tagger;

    /** Group gK holds "markerK"; term "needK" needs group gK and term "unlessK" is cancelled by it. */
    @BeforeAll
    static void taggerWithManyGroups(@TempDir Path dir) throws IOException {
        String groups = each(k -> "g" + k + ": [marker" + k + "]", "\n");
        String terms = each(k -> """
                - weight: 2
                  phrases: [need%1$d]
                  needs: [g%1$d]
                - weight: 2
                  phrases: [unless%1$d]
                  unless: [g%1$d]
                """.formatted(k), "");
        Files.writeString(dir.resolve("themes.yaml"), """
                themes:
                  - id: arctic
                    label: The Arctic
                    minWeight: 2
                    minSentences: 1
                    groups:
                """ + groups.indent(6) + "    terms:\n" + terms.indent(6));
        tagger = Tagger.fromDirectory(dir);
    }

    private static String each(IntFunction<String> line, String separator) {
        return IntStream.range(0, GROUPS).mapToObj(line).collect(Collectors.joining(separator));
    }

    private static boolean mentioned(String title, String body) {
        return !tagger.tag(Texts.article(title, body)).mentions().isEmpty();
    }

    // Every term with every group's phrase: whichever groups share a bit, only a term's own group decides it.

    @Test
    void aNeededGroupIsFoundOnlyWhereItsOwnPhraseIs() {
        for (int term = 0; term < GROUPS; term++) {
            for (int group = 0; group < GROUPS; group++) {
                assertThat(mentioned("Shipping news", "A need" + term + " here. Marker" + group + " was seen."))
                        .as("need%d with marker%d nearby", term, group).isEqualTo(term == group);
            }
        }
    }

    @Test
    void aCancellingGroupCancelsOnlyWhereItsOwnPhraseIs() {
        for (int term = 0; term < GROUPS; term++) {
            for (int group = 0; group < GROUPS; group++) {
                assertThat(mentioned("Shipping news", "An unless" + term + " here. Marker" + group + " was seen."))
                        .as("unless%d with marker%d nearby", term, group).isEqualTo(term != group);
                assertThat(mentioned("Marker" + group + " in the title", "Far away. Nothing here. Still nothing. An unless" + term + " here."))
                        .as("unless%d with marker%d in the title", term, group).isEqualTo(term != group);
            }
        }
    }
}
