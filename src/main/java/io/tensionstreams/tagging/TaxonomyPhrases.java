package io.tensionstreams.tagging;

import java.util.List;

/** The folded phrases of a taxonomy, as the matcher sees them; for benchmarks and tools. */
public final class TaxonomyPhrases {
    private TaxonomyPhrases() {
    }

    public static List<String> bundled() {
        return Lexicon.compile(TaxonomyLoader.bundled()).phrases;
    }
}
