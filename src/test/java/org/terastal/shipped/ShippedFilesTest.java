package org.terastal.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.io.json.InstanceFiles;

/** Every shipped data file reads and writes back to the same bytes. */
class ShippedFilesTest {

    static List<Path> files(String dir) throws IOException {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            List<Path> found = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertFalse(found.isEmpty(), "no shipped files in " + dir);
            return found;
        }
    }

    static List<Path> models() throws IOException {
        return files("models");
    }

    static List<Path> instances() throws IOException {
        return files("instances");
    }

    @ParameterizedTest
    @MethodSource("models")
    void modelFileRoundTrips(Path file) throws IOException {
        assertEquals(Files.readString(file), InstanceFiles.toJson(InstanceFiles.readModel(file)));
    }

    @ParameterizedTest
    @MethodSource("instances")
    void instanceFileRoundTrips(Path file) throws IOException {
        assertEquals(Files.readString(file), InstanceFiles.toJson(InstanceFiles.read(file)));
    }
}
