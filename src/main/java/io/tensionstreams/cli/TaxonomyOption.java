package io.tensionstreams.cli;

import java.nio.file.Path;

import io.tensionstreams.tagging.Tagger;
import io.tensionstreams.tagging.Taxonomy;
import io.tensionstreams.tagging.TaxonomyLoader;
import picocli.CommandLine.Option;

/** {@code --taxonomy DIR}: tag with the taxonomy files in DIR instead of the bundled ones. */
final class TaxonomyOption {
    @Option(names = "--taxonomy", paramLabel = "DIR",
            description = "Directory holding themes.yaml, actors.yaml, cues.yaml and model.json (a missing file is taken from the bundled copy).")
    Path directory;

    Tagger tagger() {
        return directory == null ? Tagger.bundled() : Tagger.fromDirectory(directory);
    }

    Taxonomy taxonomy() {
        return directory == null ? TaxonomyLoader.bundled() : TaxonomyLoader.fromDirectory(directory);
    }
}
