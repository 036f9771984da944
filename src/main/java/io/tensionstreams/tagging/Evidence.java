package io.tensionstreams.tagging;

/** Words of the article behind a finding, with offsets into {@code title + "\n\n" + body}. */
public record Evidence(String text, int start, int end) {
}
