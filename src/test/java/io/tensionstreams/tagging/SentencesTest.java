package io.tensionstreams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SentencesTest {

    private static List<String> split(String title, String body) {
        String text = title + "\n\n" + body;
        Sentences sentences = Sentences.split(text, title.length());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sentences.count(); i++) {
            Span span = sentences.span(i);
            parts.add(text.substring(span.start(), span.end()));
        }
        return parts;
    }

    @Test
    void theTitleIsSentenceZeroAndAbbreviationsDoNotEndASentence() {
        assertThat(split("Talks resume", "The U.S. envoy met Gen. Wei in Washington, D.C. on Monday. Both sides spoke. \"It went well,\" he said."))
                .containsExactly("Talks resume", "The U.S. envoy met Gen. Wei in Washington, D.C. on Monday.", "Both sides spoke.",
                        "\"It went well,\" he said.");
    }

    @Test
    void wrappedLinesStayOneSentenceAndBlankLinesSplit() {
        assertThat(split("Primer", "Taiwan is a democracy of 23 million people\nlocated across the strait.\n\nHistory\nIn 1949 the war ended."))
                .containsExactly("Primer", "Taiwan is a democracy of 23 million people\nlocated across the strait.", "History\nIn 1949 the war ended.");
    }

    @Test
    void indexOfFindsTheSentenceOfAnOffset() {
        String text = "T\n\nOne. Two.";
        Sentences sentences = Sentences.split(text, 1);
        assertThat(sentences.indexOf(0)).isZero();
        assertThat(sentences.indexOf(text.indexOf("One"))).isEqualTo(1);
        assertThat(sentences.indexOf(text.indexOf("Two"))).isEqualTo(2);
    }
}
