package org.terastal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.io.InputException;
import org.terastal.online.Schedulers;
import org.terastal.sim.LatePolicy;

/** Sweep files: defaults, relative paths, and one located message per mistake. */
class SweepFilesTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("sweeps").resolve("s.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    private String error(String json) throws IOException {
        Path file = write(json);
        return assertThrows(InputException.class, () -> SweepFiles.read(file)).getMessage();
    }

    @Test
    void readsAFullFileWithPathsRelativeToIt() throws IOException {
        Path file = write("""
                {
                  "format": "terastal-sweep/1",
                  "description": "two scenarios",
                  "scenarios": [
                    {"instance": "../instances/a.json", "solution": "../solutions/a.json"},
                    {"name": "b-maestro", "instance": "../instances/b.json", "solution": "b.json", "latency": "../latency/m.csv"}
                  ],
                  "schedulers": ["edf", "terastal"],
                  "seeds": [1, 2, 3],
                  "loads": "0.8:1.2:0.2",
                  "late": ["drop"],
                  "horizon": "2s",
                  "average": "1.0:1.2"
                }
                """);
        Sweep sweep = SweepFiles.read(file);
        Path base = file.toAbsolutePath().getParent();
        assertEquals(new Sweep.Scenario(null, base.resolve("../instances/a.json").normalize(), base.resolve("../solutions/a.json").normalize(), null),
                sweep.scenarios().get(0));
        assertEquals("b-maestro", sweep.scenarios().get(1).name());
        assertEquals(base.resolve("../latency/m.csv").normalize(), sweep.scenarios().get(1).latency());
        assertEquals(List.of("edf", "terastal"), sweep.schedulers());
        assertEquals(List.of(1L, 2L, 3L), sweep.seeds());
        assertEquals(List.of(0.8, 1.0, 1.2), sweep.loads());
        assertEquals(List.of(LatePolicy.DROP), sweep.lates());
        assertEquals(2_000_000_000L, sweep.horizonNs());
        assertEquals(1.0, sweep.averageFrom());
        assertTrue(SweepFiles.isSweepFile(file));
    }

    @Test
    void loadGridsAndLoadsHaveARange() throws IOException {
        String head = "{\"format\": \"terastal-sweep/1\", \"scenarios\": [{\"instance\": \"a.json\"}], \"schedulers\": [\"edf\"], ";
        long start = System.nanoTime();
        assertTrue(error(head + "\"loads\": \"0.6:1.6:1e-300\"}").endsWith(": The loads (0.6:1.6:1e-300) make 1.00e+300 levels, "
                + "more than the 1000 a sweep runs; maybe a larger step (at loads)"));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the grid was counted, not made");
        assertTrue(error(head + "\"loads\": [1.0, 1e300]}").endsWith(": The load factor (1.0E300) of a sweep must be in [0.001, 100] (at loads[1])"));
        assertTrue(error(head + "\"horizon\": \"1e300s\"}").contains("is longer than 1e14 ns (about 28 h)"));
    }

    @Test
    void scenarioAndSuiteNamesMustBeSafeFileNames() throws IOException {
        assertTrue(error("{\"format\": \"terastal-sweep/1\", \"scenarios\": [{\"name\": \"../../x\", \"instance\": \"a.json\"}], "
                + "\"schedulers\": [\"edf\"]}").contains("(at scenarios[0].name)"));
        assertTrue(error("{\"format\": \"terastal-sweep/1\", \"suites\": [{\"name\": \"a,b\", \"suite\": \"s\"}], "
                + "\"schedulers\": [\"edf\"]}").contains("(at suites[0].name)"));
    }

    @Test
    void leftOutFieldsTakeTheCommandLineDefaults() throws IOException {
        Sweep sweep = SweepFiles.read(write("""
                {"format": "terastal-sweep/1", "scenarios": [{"instance": "a.json", "solution": "s.json"}], "loads": [1.0, 1.5]}
                """));
        assertEquals(Schedulers.NAMES, sweep.schedulers());
        assertEquals(List.of(1L), sweep.seeds());
        assertEquals(List.of(1.0, 1.5), sweep.loads());
        assertEquals(List.of(LatePolicy.DROP, LatePolicy.CONTINUE), sweep.lates());
        assertEquals(10_000_000_000L, sweep.horizonNs());
        assertNull(sweep.scenarios().get(0).latency());
    }

    @Test
    void aFieldGivenAsNullOrAListGivenAsTextIsRefusedInPlainWords() throws IOException {
        String head = "{\"format\": \"terastal-sweep/1\", \"scenarios\": [{\"instance\": \"a.json\"}], ";
        for (String field : List.of("schedulers", "seeds", "loads", "late", "horizon", "description")) {
            String text = error(head + "\"" + field + "\": null}");
            assertTrue(text.endsWith(": The field '" + field + "' is null; give it a value, or leave it out if it is optional (it then takes its default)"
                    + " (at " + field + ")"), text);
        }
        String format = error("{\"format\": null, \"scenarios\": [{\"instance\": \"a.json\"}]}");
        assertTrue(format.contains("format") && !format.contains("its default"), format);
        String text = error(head + "\"schedulers\": \"bogus\"}");
        assertTrue(text.endsWith(": Expected a list here; found 'bogus' (at schedulers)"), text);
        String entry = error(head + "\"schedulers\": [\"edf\", null]}");
        assertTrue(entry.endsWith(": Expected a string here, found null; a list holds no nulls (at schedulers[1])"), entry);
    }

    @Test
    void mistakesAreLocated() throws IOException {
        String unknown = error("""
                {"format": "terastal-sweep/1",
                 "scenarios": [{"instance": "a.json", "solution": "s.json"}],
                 "seed": [1]}
                """);
        assertTrue(unknown.matches(".*s\\.json:3:\\d+: Unknown field 'seed'; known fields here are \\[.*seeds.*\\].*"), unknown);

        String scheduler = error("""
                {"format": "terastal-sweep/1", "scenarios": [{"instance": "a.json"}], "schedulers": ["edf", "fifo"]}
                """);
        assertTrue(scheduler.contains("The scheduler (fifo) is unknown; choose from") && scheduler.endsWith("(at schedulers[1])"), scheduler);

        String solution = error("""
                {"format": "terastal-sweep/1", "scenarios": [{"instance": "a.json"}], "schedulers": ["terastal"]}
                """);
        assertTrue(solution.contains("has no solution table") && solution.endsWith("(at scenarios[0].solution)"), solution);

        String instance = error("""
                {"format": "terastal-sweep/1",
                 "scenarios": [{"solution": "s.json"}]}
                """);
        assertTrue(instance.contains(":2:") && instance.contains("The field 'instance' of a scenario is missing"), instance);

        String late = error("""
                {"format": "terastal-sweep/1", "scenarios": [{"instance": "a.json", "solution": "s.json"}], "late": ["drop", "skip"]}
                """);
        assertTrue(late.contains("The late-frame policy (skip) is not one of [drop, continue]") && late.endsWith("(at late[1])"), late);

        String twice = error("""
                {"format": "terastal-sweep/1", "scenarios": [{"instance": "a.json", "solution": "s.json"}], "seeds": [1, 2, 1]}
                """);
        assertTrue(twice.contains("names 1 twice") && twice.endsWith("(at seeds[2])"), twice);

        String format = error("""
                {"format": "terastal-sweep/2", "scenarios": [{"instance": "a.json", "solution": "s.json"}]}
                """);
        assertTrue(format.contains("The format (terastal-sweep/2) of the sweep file is not supported"), format);
        // another version of a sweep file is still one, so experiment reports its version rather than reading an instance
        assertTrue(SweepFiles.isSweepFile(dir.resolve("sweeps").resolve("s.json")));
    }

    @Test
    void aNullInAListIsRefusedNotTakenForAValue() throws IOException {
        String seeds = error("""
                {"format": "terastal-sweep/1", "scenarios": [{"instance": "a.json"}], "schedulers": ["edf"], "seeds": [null]}
                """);
        assertTrue(seeds.contains("s.json:1:") && seeds.endsWith("(at seeds[0])"), seeds);
        String late = error("""
                {"format": "terastal-sweep/1", "scenarios": [{"instance": "a.json"}], "schedulers": ["edf"], "late": ["drop", null]}
                """);
        assertTrue(late.endsWith("(at late[1])"), late);
    }

    @Test
    void aBrokenSweepFileIsStillOneAndOtherFormatsAreNot() throws IOException {
        Path broken = write("""
                {"format": "terastal-sweep/1",
                 "scenarios": [{"instance": "a.json"}],
                }
                """);
        assertTrue(SweepFiles.isSweepFile(broken));
        String message = assertThrows(InputException.class, () -> SweepFiles.read(broken)).getMessage();
        assertTrue(message.startsWith(broken + ":3:1: Malformed JSON"), message);
        assertFalse(SweepFiles.isSweepFile(write("{\"format\": \"terastal-instance/1\", \"name\": \"x\"}")));
        assertFalse(SweepFiles.isSweepFile(write("{\"name\": \"x\"}")));
        String instead = error("{\"format\": \"terastal-instance/1\", \"name\": \"x\"}");
        assertTrue(instead.endsWith("s.json:1:12: The file is an instance file (terastal-instance/1), not a sweep file (terastal-sweep/1); "
                + "maybe the files were given in the wrong order (at format)"), instead);
    }
}
