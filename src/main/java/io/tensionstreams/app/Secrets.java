package io.tensionstreams.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what the app prints: values of keys that look like secrets (spelt right or
 * not: "pasword", "jass.config", "user.inf"), passwords in a URL's user info
 * ({@code http://user:****@host}) and {@code password=...} inside a longer value such as a JAAS line.
 */
public final class Secrets {
    static final String MASK = "****";
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(pa?s+w|pwd|secr|ja+s|user\\.?inf|token|cred|private|api\\.?key|access\\.?key|\\.key\\.?pass).*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/@\\s:]*):[^/@\\s]*@");
    private static final Pattern INLINE_SECRET = Pattern.compile(
            "(?i)\\b((?:pa?s+w\\w*|pwd|secret\\w*|token|user\\.?info)\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s;,&]+)");

    private Secrets() {
    }

    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    /** The value as it may be printed for {@code key}. */
    public static String maskValue(String key, String value) {
        return isSecretKey(key) ? MASK : maskText(value);
    }

    /** The text with URL passwords and inline {@code password=...} values masked. */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        String masked = URL_USER_INFO.matcher(text).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
        return INLINE_SECRET.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }
}
