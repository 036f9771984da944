package io.tensionstreams.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the taxonomy from the three YAML files, either bundled in the jar or from a directory
 * ({@code --taxonomy DIR}). A malformed file stops loading with the file, the line and the fault.
 */
public final class TaxonomyLoader {
    public static final String THEMES = "themes.yaml";
    public static final String ACTORS = "actors.yaml";
    public static final String CUES = "cues.yaml";
    private static final String BUNDLED = "/topology/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private TaxonomyLoader() {
    }

    /** The taxonomy bundled in the jar. */
    public static Taxonomy bundled() {
        ActorsFile actors = read(BUNDLED + ACTORS, bundledStream(ACTORS), ActorsFile.class);
        return new Taxonomy(read(BUNDLED + THEMES, bundledStream(THEMES), ThemesFile.class).themes(), actors.countries(),
                actors.blockers(), actors.collective(), actors.partners(), read(BUNDLED + CUES, bundledStream(CUES), CueDefinitions.class));
    }

    /** The taxonomy in {@code dir}; a file missing there is taken from the bundled copy. */
    public static Taxonomy fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new TaxonomyException("taxonomy directory " + dir + " does not exist");
        }
        ActorsFile actors = read(dir, ACTORS, ActorsFile.class);
        return new Taxonomy(read(dir, THEMES, ThemesFile.class).themes(), actors.countries(), actors.blockers(),
                actors.collective(), actors.partners(), read(dir, CUES, CueDefinitions.class));
    }

    private static <T> T read(Path dir, String name, Class<T> type) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            return read(BUNDLED + name, bundledStream(name), type);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, type);
        } catch (IOException e) {
            throw new TaxonomyException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static <T> T read(String source, InputStream in, Class<T> type) {
        String yaml;
        try (in) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TaxonomyException(source + ": cannot read: " + e.getMessage(), e);
        }
        // A key given twice would otherwise silently keep the last value.
        YamlLocator.firstDuplicateKey(yaml).ifPresent(duplicate -> {
            throw new TaxonomyException(source + " line " + duplicate.line() + ": the key \"" + duplicate.key()
                    + "\" is given twice in the same block");
        });
        try {
            T value = YAML.readValue(yaml, type);
            if (value == null) {
                throw new TaxonomyException(source + ": the file is empty");
            }
            requireUniqueIds(source, yaml, value);
            return value;
        } catch (JsonProcessingException e) {
            throw new TaxonomyException(describe(source, yaml, e, type), e);
        }
    }

    /** A theme id or country code defined twice is named with the line of its second definition. */
    private static void requireUniqueIds(String source, String yaml, Object file) {
        List<String> ids = file instanceof ThemesFile themes ? themes.themes().stream().map(ThemeDefinition::id).toList()
                : file instanceof ActorsFile actors ? actors.countries().stream().map(CountryDefinition::code).toList() : List.of();
        String list = file instanceof ThemesFile ? "themes" : "countries";
        String field = file instanceof ThemesFile ? "id" : "code";
        for (int i = 0; i < ids.size(); i++) {
            int first = ids.indexOf(ids.get(i));
            if (first < i) {
                throw new TaxonomyException(source + " line " + lineOf(yaml, list, i, field) + ": " + (file instanceof ThemesFile ? "theme" : "country")
                        + " \"" + ids.get(i) + "\" is defined again (first at line " + lineOf(yaml, list, first, field) + ")");
            }
        }
    }

    private static int lineOf(String yaml, String list, int index, String field) {
        return YamlLocator.lineOf(yaml, List.of(new JsonMappingException.Reference(null, list),
                new JsonMappingException.Reference(null, index), new JsonMappingException.Reference(null, field)));
    }

    private static String describe(String source, String yaml, JsonProcessingException e, Class<?> type) {
        Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        if (e instanceof JsonMappingException mapping && (cause != null || !mapping.getPath().isEmpty())) {
            // Jackson reports a fault found while building an object at the object's end; point at the value itself,
            // or for a fault of the whole file at its list ("themes: []").
            List<JsonMappingException.Reference> path = !mapping.getPath().isEmpty() ? mapping.getPath()
                    : List.of(new JsonMappingException.Reference(null, type == ThemesFile.class ? "themes" : "countries"));
            int start = YamlLocator.lineOf(yaml, path);
            line = start > 0 ? start : line;
        }
        String fault = cause != null ? cause.getMessage() : e.getOriginalMessage();
        return source + (line > 0 ? " line " + line : "") + ": " + fault.lines().findFirst().orElse(fault);
    }

    private static InputStream bundledStream(String name) {
        InputStream in = TaxonomyLoader.class.getResourceAsStream(BUNDLED + name);
        if (in == null) {
            throw new TaxonomyException("the bundled taxonomy file " + BUNDLED + name + " is missing from the classpath");
        }
        return in;
    }

    record ThemesFile(@JsonProperty(value = "themes", required = true) List<ThemeDefinition> themes) {
        ThemesFile {
            themes = Entries.list(themes, "themes");
            if (themes.isEmpty()) {
                throw new IllegalArgumentException("no themes: the file must define at least one");
            }
        }
    }

    record ActorsFile(@JsonProperty(value = "countries", required = true) List<CountryDefinition> countries,
                      @JsonProperty("blockers") List<String> blockers,
                      @JsonProperty("collective") List<String> collective,
                      @JsonProperty("partners") List<Set<String>> partners) {
        ActorsFile {
            countries = Entries.list(countries, "countries");
            if (countries.isEmpty()) {
                throw new IllegalArgumentException("no countries: the file must define at least one");
            }
            blockers = Entries.phrases(blockers, "blockers");
            collective = Entries.phrases(collective, "collective");
            partners = Entries.list(partners, "partners");
            partners.forEach(bloc -> bloc.forEach(CountryDefinition::requireCode));
        }
    }
}
