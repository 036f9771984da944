package io.tensionstreams.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a running embedded platform ({@code tension run} or {@code demo} without
 * {@code --bootstrap-servers}) can be reached: written when it starts, removed when it stops, and
 * read by {@code publish}, {@code consume} and {@code ingest} when they are given no addresses, so
 * that "run in one terminal, ingest in another" needs no copying of random ports.
 */
public final class EmbeddedAddress {
    /** The file; {@code TENSION_HOME} (or the system property {@code tension.home}) moves it. */
    public static Path file() {
        String home = System.getProperty("tension.home", System.getenv("TENSION_HOME"));
        return (home == null ? Path.of(System.getProperty("user.home"), ".tension-streams") : Path.of(home)).resolve("embedded.properties");
    }

    public record Address(String bootstrapServers, String schemaRegistryUrl) {
    }

    private EmbeddedAddress() {
    }

    public static void write(Address address) {
        Properties properties = new Properties();
        properties.setProperty("bootstrap.servers", address.bootstrapServers());
        properties.setProperty("schema.registry.url", address.schemaRegistryUrl());
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, "written by tension run (embedded); removed when it stops");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only a convenience for the client commands: the addresses are printed anyway.
        }
    }

    /** Removes the file if it still names this platform (another run may have started since). */
    public static void remove(Address address) {
        if (read().filter(address::equals).isPresent()) {
            try {
                Files.deleteIfExists(file());
            } catch (IOException e) {
                // A stale file names a broker that no longer answers: the client commands say so.
            }
        }
    }

    public static Optional<Address> read() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String bootstrap = properties.getProperty("bootstrap.servers");
        String registry = properties.getProperty("schema.registry.url");
        return bootstrap == null || registry == null ? Optional.empty() : Optional.of(new Address(bootstrap, registry));
    }
}
