package io.tensionstreams.app;

import io.tensionstreams.tagging.TaxonomyException;
import org.apache.kafka.common.config.ConfigException;

/** One readable line for a failure, the way every command and the service report it. */
public final class Failures {
    private Failures() {
    }

    /**
     * The first line of the messages of the exception and its causes, each once, joined ("Failed to
     * construct kafka producer: ..."); the project's own exceptions already say everything and end it.
     * Secrets in the text are masked.
     */
    public static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? null : cause.getMessage().lines().findFirst().orElse("");
            if (message != null && !message.isBlank() && text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
            if (cause instanceof ConfigException || cause instanceof TaxonomyException || cause instanceof Settings.SettingException) {
                break;
            }
        }
        return text.length() == 0 ? e.getClass().getSimpleName() : Secrets.maskText(text.toString());
    }
}
