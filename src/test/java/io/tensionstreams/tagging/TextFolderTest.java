package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFolderTest {

    @Test
    void foldsCaseAccentsQuotesAndDashesOneCharacterForOne() {
        String text = "Zelens\u0301kyy\u2019s \u201CKyiv\u201D \u2014 Caf\u00E9 S\u00E3o Paulo";
        String folded = TextFolder.fold(text);

        assertThat(folded).hasSameSizeAs(text);
        assertThat(folded).isEqualTo("zelens kyy's \"kyiv\" - cafe sao paulo");
    }

    @Test
    void charactersWithoutAnAsciiBaseBecomeANonMatchingMarker() {
        assertThat(TextFolder.fold("\u4E2D\u56FD")).isEqualTo("\u0000\u0000");
        assertThat(TextFolder.fold("\uFB01")).isEqualTo("\u0000"); // the "fi" ligature is two letters, so no single base
    }
}
