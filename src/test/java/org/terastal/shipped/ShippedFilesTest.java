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
import org.terastal.domain.Solution;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.offline.SolverSettings;
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

    static List<Path> solutions() throws IOException {
        return files("solutions");
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

    /** A shipped solution was solved with a seed the solvers are given as it is, so re-solving reproduces it. */
    @ParameterizedTest
    @MethodSource("solutions")
    void solutionSeedReachesTheSolverUnchanged(Path file) {
        Solution solution = SolutionFiles.read(file);
        long seed = Long.parseLong(solution.parameters().get("seed"));
        assertEquals(seed, new SolverSettings(1, seed, 60, true).solverSeed(), file + " was solved with seed " + seed);
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
        for (Sweep.SuiteSource suite : sweep.suites()) {
            // suites are drawn by sweeps/suites.sh into out/suites, not shipped
            assertTrue(suite.folder().startsWith(Path.of("out/suites").toAbsolutePath()), file + " names the suite " + suite.folder()
                    + ", which sweeps/suites.sh does not draw");
            if (suite.latency() != null) {
                assertTrue(Files.isRegularFile(suite.latency()), file + " names " + suite.latency() + ", which is not shipped");
            }
        }
        if (sweep.suites().isEmpty()) {
            long cells = (long) sweep.scenarios().size() * sweep.schedulers().size() * sweep.lates().size() * sweep.loads().size()
                    * sweep.seeds().size();
            assertTrue(cells >= 1000, file + " has " + cells + " cells; docs/sweeps.md measures a sweep of at least 1000");
        }
    }

    /** Every suite the design and test sweeps name is drawn by sweeps/suites.sh, and the two never share a suite or a seed. */
    @org.junit.jupiter.api.Test
    void designAndTestSuitesAreDisjoint() throws java.io.IOException {
        Sweep design = SweepFiles.read(Path.of("sweeps/design.json"));
        Sweep test = SweepFiles.read(Path.of("sweeps/test.json"));
        String script = Files.readString(Path.of("sweeps/suites.sh"));
        java.util.Set<String> seeds = new java.util.HashSet<>();
        for (Sweep.SuiteSource s : Stream.concat(design.suites().stream(), test.suites().stream()).toList()) {
            String name = s.folder().getFileName().toString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("suite " + name + " (\\d+) ").matcher(script);
            assertTrue(m.find(), "sweeps/suites.sh does not draw " + name);
            assertTrue(seeds.add(m.group(1)), "two suites share the seed " + m.group(1));
            assertTrue(name.startsWith(design.suites().contains(s) ? "design-" : "test-"), name);
        }
        assertEquals(6, seeds.size());
    }
}
