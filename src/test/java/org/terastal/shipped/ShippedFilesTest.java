package org.terastal.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.io.json.InstanceFiles;
import org.terastal.sweep.Sweep;
import org.terastal.sweep.SweepFiles;

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

    static List<Path> sweeps() throws IOException {
        return files("sweeps");
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

    @ParameterizedTest
    @MethodSource("sweeps")
    void sweepFileReadsAndNamesShippedFiles(Path file) {
        Sweep sweep = SweepFiles.read(file);
        for (Sweep.Scenario sc : sweep.scenarios()) {
            for (Path input : Stream.of(sc.instance(), sc.solution(), sc.latency()).filter(p -> p != null).toList()) {
                assertTrue(Files.isRegularFile(input), file + " names " + input + ", which is not shipped");
            }
        }
        long cells = (long) sweep.scenarios().size() * sweep.schedulers().size() * sweep.lates().size() * sweep.loads().size() * sweep.seeds().size();
        assertTrue(cells >= 1000, file + " has " + cells + " cells; docs/sweeps.md measures a sweep of at least 1000");
    }
}
