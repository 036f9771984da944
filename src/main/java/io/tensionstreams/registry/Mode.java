package io.tensionstreams.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's registry modes. READONLY refuses changes to a subject; READONLY_OVERRIDE, set
 * globally, refuses them whatever the subject's own mode; IMPORT is accepted and behaves as
 * READWRITE here (this registry does not register schemas under given ids).
 */
enum Mode {
    READWRITE, READONLY, READONLY_OVERRIDE, IMPORT;

    static Optional<Mode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean allowsWrites() {
        return this != READONLY && this != READONLY_OVERRIDE;
    }
}
