package io.tensionstreams.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import io.tensionstreams.topology.TopologyConfig;

/**
 * The settings of {@code run} and {@code demo}, from four layers, each overriding the one before:
 * defaults &lt; {@code --config FILE} (a properties file) &lt; environment variables {@code TENSION_*}
 * &lt; flags. {@code kafka.*} settings pass to every Kafka client (prefix removed), so SASL and TLS work
 * as in any client; {@code schema.registry.*} settings pass to the registry client. An unknown or
 * malformed setting is an error that names it, and secrets are never printed.
 */
public final class Settings {
    public static final String KAFKA_PREFIX = "kafka.";
    public static final String REGISTRY_PREFIX = "schema.registry.";
    private static final String ENV_PREFIX = "TENSION_";
    private static final List<String> DURATIONS = List.of("window.grace", "window.final.delay", "dedup.retention", "near.duplicate.window",
            "near.duplicate.settle");
    /** Variables of the same prefix that are not settings: the failure handler's switch and where the embedded address is announced. */
    private static final Set<String> ENV_IGNORED = Set.of("TENSION_DEBUG", "TENSION_HOME");
    private static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("bootstrap.servers", "");
        defaults.put("schema.registry.url", "");
        defaults.put("application.id", "tension-streams");
        defaults.put("state.dir", "");
        defaults.put("partitions", "6");
        defaults.put("replication.factor", "");
        defaults.put("http.host", "127.0.0.1");
        defaults.put("http.port", "8080");
        defaults.put("http.advertised.host", "");
        defaults.put("kafka.port", "0");
        defaults.put("registry.port", "0");
        defaults.put("data.dir", "");
        defaults.put("taxonomy", "");
        defaults.put("startup.timeout.seconds", "30");
        defaults.put("window.grace", TopologyConfig.DEFAULT_GRACE.toString());
        defaults.put("window.final.delay", TopologyConfig.DEFAULT_FINAL_DELAY.toString());
        defaults.put("dedup.retention", TopologyConfig.defaults().duplicateRetention().toString());
        defaults.put("near.duplicate.window", TopologyConfig.defaults().nearDuplicateWindow().toString());
        defaults.put("near.duplicate.settle", TopologyConfig.DEFAULT_SETTLE.toString());
        return defaults;
    }

    /**
     * @param configFile the properties file, or null
     * @param env        the process environment
     * @param flags      the settings given as flags (only those given)
     */
    public static Settings load(Path configFile, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        if (configFile != null) {
            readFile(configFile).forEach((key, value) -> put(values, key, value, configFile.toString()));
        }
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && !ENV_IGNORED.contains(name)) {
                put(values, name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value, "environment variable " + name);
            }
        });
        flags.forEach((key, value) -> put(values, key, value, "flag"));
        Settings settings = new Settings(values);
        settings.validate();
        return settings;
    }

    public String get(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public int integer(String key) {
        return Integer.parseInt(get(key));
    }

    /** An ISO-8601 duration setting, such as PT1H or P7D (validated at load). */
    public Duration duration(String key) {
        return Duration.parse(get(key));
    }

    /** The topology's shape from the settings: how late articles may be and how long duplicates are remembered. */
    public TopologyConfig topology() {
        return TopologyConfig.defaults()
                .withPartitions(integer("partitions"))
                .withLateness(duration("window.grace"), duration("window.final.delay"))
                .withDuplicateHorizons(duration("dedup.retention"), duration("near.duplicate.window"))
                .withNearDuplicateSettle(duration("near.duplicate.settle"));
    }

    /** The {@code kafka.*} settings, without the prefix. */
    public Map<String, Object> kafkaClientSettings() {
        Map<String, Object> client = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(KAFKA_PREFIX) && !key.equals("kafka.port")) {
                client.put(key.substring(KAFKA_PREFIX.length()), value);
            }
        });
        return client;
    }

    /** The {@code schema.registry.*} settings, keys as the registry client reads them. */
    public Map<String, Object> registrySettings() {
        Map<String, Object> registry = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(REGISTRY_PREFIX) && !value.isBlank()) {
                registry.put(key, value);
            }
        });
        return registry;
    }

    /** Every setting, secrets masked, for the log. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values).forEach((key, value) -> {
            if (!value.isBlank()) {
                text.append(key).append('=').append(Secrets.maskValue(key, value)).append(' ');
            }
        });
        return text.toString().trim();
    }

    private static void put(Map<String, String> values, String key, String value, String source) {
        boolean known = DEFAULTS.containsKey(key) || key.startsWith(KAFKA_PREFIX) || key.startsWith(REGISTRY_PREFIX);
        if (!known) {
            throw new SettingException("unknown setting '" + key + "' (from " + source + "); known: " + DEFAULTS.keySet()
                    + ", kafka.* and schema.registry.*");
        }
        values.put(key, value == null ? "" : value);
    }

    private void validate() {
        for (String key : new String[] {"partitions", "http.port", "kafka.port", "registry.port", "replication.factor",
                "startup.timeout.seconds"}) {
            String value = get(key);
            if (value == null) {
                continue;
            }
            try {
                int number = Integer.parseInt(value);
                boolean port = key.endsWith(".port");
                if (number < (port ? 0 : 1) || (port && number > 65535) || (key.equals("replication.factor") && number > Short.MAX_VALUE)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new SettingException("setting '" + key + "' has the malformed value '" + value + "': expected "
                        + (key.endsWith(".port") ? "a port from 0 to 65535" : "a positive whole number")
                        + (key.endsWith(".seconds") ? " of seconds" : ""));
            }
        }
        for (String key : DURATIONS) {
            String value = get(key);
            try {
                if (value == null || Duration.parse(value).isNegative()) {
                    throw new java.time.format.DateTimeParseException("negative", String.valueOf(value), 0);
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw new SettingException("setting '" + key + "' has the malformed value '" + values.get(key)
                        + "': expected an ISO-8601 duration of zero or more, such as PT1H or P7D");
            }
        }
        if (duration("window.final.delay").compareTo(duration("window.grace")) > 0) {
            throw new SettingException("setting 'window.final.delay' (" + get("window.final.delay") + ") must not exceed 'window.grace' ("
                    + get("window.grace") + "): a final score cannot wait for articles that no longer count");
        }
        if (get("bootstrap.servers") != null && get("schema.registry.url") == null) {
            throw new SettingException("setting 'bootstrap.servers' needs 'schema.registry.url' (--schema-registry-url) as well");
        }
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new SettingException("cannot read the config file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** A setting that is unknown or malformed. */
    public static final class SettingException extends RuntimeException {
        public SettingException(String message) {
            super(message);
        }
    }
}
