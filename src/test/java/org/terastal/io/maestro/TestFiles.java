package org.terastal.io.maestro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the MAESTRO files under src/test/resources/maestro. */
final class TestFiles {
    private TestFiles() {
    }

    static String read(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/maestro/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Test resource maestro/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MaestroScenario scenario(String name) {
        return MaestroModelParser.parse("maestro/" + name, read(name));
    }

    /** Lines joined with newlines, each ended by one. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
