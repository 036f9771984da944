package io.tensionstreams.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the registry client and serdes, read with the key names of Confluent's serdes so that
 * an existing client configuration works unchanged.
 */
public record RegistryConfig(
        List<URI> urls,
        String basicAuthUserInfo,
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        Duration connectTimeout,
        Duration readTimeout) {

    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
    private static final String PREFIX = "schema.registry.";

    public RegistryConfig {
        if (urls.isEmpty()) {
            throw new ConfigException(URL, "", "at least one Schema Registry URL is required");
        }
        urls = List.copyOf(urls);
    }

    public static RegistryConfig of(String urls) {
        return from(Map.of(URL, urls));
    }

    /** Reads the settings; each may also carry the {@code schema.registry.} prefix. */
    public static RegistryConfig from(Map<String, ?> configs) {
        String urlList = string(configs, URL, null);
        if (urlList == null || urlList.isBlank()) {
            throw new ConfigException(URL, urlList, "the Schema Registry URL is required (a comma-separated list)");
        }
        return new RegistryConfig(
                parseUrls(urlList),
                userInfo(configs, urlList),
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                Duration.ofMillis(positiveLong(configs, CONNECT_TIMEOUT_MS, 10_000)),
                Duration.ofMillis(positiveLong(configs, READ_TIMEOUT_MS, 30_000)));
    }

    @Override
    public String toString() {
        // Never print the credentials.
        return "RegistryConfig[urls=" + urls + ", basicAuth=" + (basicAuthUserInfo != null ? "****" : "none")
                + ", autoRegisterSchemas=" + autoRegisterSchemas + ", useLatestVersion=" + useLatestVersion
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    /** The URLs without their user info, so that no message or log line built from them holds a password. */
    private static List<URI> parseUrls(String urlList) {
        return Arrays.stream(urlList.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(RegistryConfig::parseUrl)
                .map(RegistryConfig::withoutUserInfo)
                .toList();
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return uri.getRawUserInfo() == null ? uri : new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(URL, "****", "not a Schema Registry URL: " + e.getMessage());
        }
    }

    /** The first {@code user:password} written into a URL, decoded, or null. */
    private static String urlUserInfo(String urlList) {
        return Arrays.stream(urlList.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(RegistryConfig::parseUrl)
                .map(URI::getUserInfo)
                .filter(info -> info != null && info.contains(":"))
                .findFirst().orElse(null);
    }

    private static URI parseUrl(String url) {
        try {
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("the scheme must be http or https");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(URL, url.replaceAll("//[^/@]*@", "//****@"), "not a Schema Registry URL: "
                    + e.getMessage().replaceAll("//[^/@]*@", "//****@"));
        }
    }

    /**
     * The basic-auth credentials: {@code basic.auth.user.info}, or (Confluent's {@code URL} source,
     * and where no user info is set) the {@code user:password} of the URL.
     */
    private static String userInfo(Map<String, ?> configs, String urlList) {
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        if (!"USER_INFO".equalsIgnoreCase(source) && !"URL".equalsIgnoreCase(source)) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "only USER_INFO and URL are supported");
        }
        String userInfo = "URL".equalsIgnoreCase(source) ? null : string(configs, BASIC_AUTH_USER_INFO, null);
        if (userInfo == null || userInfo.isEmpty()) {
            return urlUserInfo(urlList);
        }
        if (!userInfo.contains(":")) {
            throw new ConfigException(BASIC_AUTH_USER_INFO, "****", "expected user:password");
        }
        return userInfo;
    }

    private static Object lookup(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null && !key.startsWith(PREFIX)) {
            value = configs.get(PREFIX + key);
        }
        return value;
    }

    private static String string(Map<String, ?> configs, String key, String fallback) {
        Object value = lookup(configs, key);
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value == null ? fallback : value.toString().trim();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        String value = string(configs, key, null);
        if (value == null) {
            return fallback;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new ConfigException(key, value, "expected true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private static long positiveLong(Map<String, ?> configs, String key, long fallback) {
        String value = string(configs, key, null);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "expected a positive number of milliseconds");
        }
    }
}
