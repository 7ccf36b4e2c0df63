package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.domain.Instance;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.testkit.SixModels;
import org.terastal.testkit.SixModels.Share;
import org.terastal.testkit.SolutionHeuristics;

/** experiment with a sweep file, --shard and merge, end to end; and the progress lines of a log. */
class SweepCommandsTest {
    @TempDir
    Path dir;
    private Path sweepFile;
    private List<String> flags;

    private record Result(int code, String out, String err) {
    }

    @BeforeEach
    void writeInputs() throws IOException {
        Instance mix = SixModels.mix("pair", 1.2, List.of(Share.of("resnet50", 1), Share.of("sp2dense", 1)));
        Path inputs = dir.resolve("inputs");
        InstanceFiles.write(inputs.resolve("pair.json"), mix);
        SolutionFiles.write(inputs.resolve("table.json"), SolutionHeuristics.solve(mix, LatencyInputs.forInstance(mix, SixModels.LATENCY), true));
        Path latency = Files.copy(SixModels.LATENCY, inputs.resolve("latency.csv"));
        sweepFile = dir.resolve("sweeps").resolve("pair.json");
        Files.createDirectories(sweepFile.getParent());
        Files.writeString(sweepFile, """
                {
                  "format": "terastal-sweep/1",
                  "scenarios": [{"instance": "../inputs/pair.json", "solution": "../inputs/table.json", "latency": "../inputs/latency.csv"}],
                  "schedulers": ["edf", "terastal"],
                  "seeds": [1, 2],
                  "loads": [0.8, 1.4],
                  "late": ["drop"],
                  "horizon": "300ms",
                  "average": "0.8:1.4"
                }
                """);
        flags = List.of(inputs.resolve("pair.json").toString(), "--solution", inputs.resolve("table.json").toString(), "--latency",
                latency.toString(), "--schedulers", "edf,terastal", "--seeds", "1,2", "--loads", "0.8,1.4", "--late", "drop", "--horizon", "300ms",
                "--average", "0.8:1.4");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String[] args(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail)).toArray(String[]::new);
    }

    private static void assertSameOutputs(Path expected, Path actual) throws IOException {
        for (String f : List.of("metrics.csv", "report.txt")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }

    /** Without the terastal runs the report shows the baselines' tables and no reductions (it used to fail). */
    @Test
    void baselinesAloneGetTheirTables() throws IOException {
        Result r = run(args(List.of("experiment", flags.get(0)), "--schedulers", "fcfs,edf", "--loads", "1.0", "--horizon", "300ms", "--late",
                "drop", "-o", dir.resolve("baselines").toString()));
        assertEquals(0, r.code(), r.err());
        String report = Files.readString(dir.resolve("baselines").resolve("report.txt"));
        assertTrue(report.contains("fcfs") && report.contains("edf") && !report.contains("vs edf"), report);
    }

    @Test
    void aSweepFileRunsTheSweepOfTheFlags() throws IOException {
        Result byFile = run("experiment", sweepFile.toString(), "--jobs", "2", "-o", dir.resolve("file").toString());
        assertEquals(0, byFile.code(), byFile.err());
        Result byFlags = run(args(List.of("experiment"), args(flags, "--jobs", "1", "-o", dir.resolve("flags").toString())));
        assertEquals(0, byFlags.code(), byFlags.err());
        assertSameOutputs(dir.resolve("flags"), dir.resolve("file"));
        assertTrue(byFile.out().contains("Headline (loads 0.80-1.40"), byFile.out());
    }

    @Test
    void shardsThenMergeGiveTheUnshardedOutputs() throws IOException {
        assertEquals(0, run("experiment", sweepFile.toString(), "-o", dir.resolve("all").toString()).code());
        for (int k = 1; k <= 2; k++) {
            Result shard = run("experiment", sweepFile.toString(), "--shard", k + "/2", "-o", dir.resolve("s" + k).toString());
            assertEquals(0, shard.code(), shard.err());
            assertTrue(shard.out().startsWith("shard " + k + "/2: 4 of the sweep's 8 cells, 4 run now, 0 found done"), shard.out());
            assertTrue(Files.notExists(dir.resolve("s" + k).resolve("metrics.csv")), "a shard writes cells only");
        }
        Result early = run("merge", dir.resolve("s1").toString(), "-o", dir.resolve("m").toString());
        assertEquals(1, early.code());
        assertTrue(early.err().startsWith("terastal merge: 4 of the sweep's 8 cells are missing"), early.err());
        Result merge = run("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "-o", dir.resolve("m").toString());
        assertEquals(0, merge.code(), merge.err());
        assertSameOutputs(dir.resolve("all"), dir.resolve("m"));
        assertTrue(Files.notExists(dir.resolve("s2").resolve("traces")), "only shard 1 keeps traces");
        Path traces = dir.resolve("all").resolve("traces");
        try (var files = Files.walk(traces)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve("m").resolve("traces").resolve(traces.relativize(f))),
                        "merge copies shard 1's traces: " + f);
            }
        }
        assertEquals(0, run("report", dir.resolve("m").toString(), "-o", dir.resolve("m").resolve("report.html").toString()).code());

        Result again = run("experiment", sweepFile.toString(), "-o", dir.resolve("all").toString());
        assertTrue(again.err().startsWith("terastal experiment: 8 cells already done in "), again.err());
    }

    @Test
    void wrongCombinationsAreUsageErrors() {
        Result both = run("experiment", sweepFile.toString(), "--seeds", "3", "-o", dir.resolve("x").toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("sets what --seeds would"), both.err());
        Result shard = run("experiment", sweepFile.toString(), "--shard", "3/2", "-o", dir.resolve("x").toString());
        assertEquals(2, shard.code());
        assertTrue(shard.err().contains("The shard (3/2) is not K/N with 1 <= K <= N"), shard.err());
        Result mixed = run("experiment", sweepFile.toString(), flags.get(0), "-o", dir.resolve("x").toString());
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("give it alone"), mixed.err());
        assertTrue(Files.notExists(dir.resolve("x")));
    }

    @Test
    void aBrokenSweepFileIsNamedNotTakenForAnInstance() throws IOException {
        Files.writeString(sweepFile, Files.readString(sweepFile).replace("\"average\": \"0.8:1.4\"", "\"average\": \"0.8:1.4\","));
        Result broken = run("experiment", sweepFile.toString(), "-o", dir.resolve("x").toString());
        assertEquals(1, broken.code());
        assertTrue(broken.err().startsWith("terastal experiment: " + sweepFile + ":10:1: Malformed JSON"), broken.err());
        Path table = dir.resolve("inputs").resolve("table.json");
        Result swapped = run("experiment", table.toString(), "--solution", flags.get(0), "-o", dir.resolve("x").toString());
        assertEquals(1, swapped.code());
        assertEquals("terastal experiment: " + table + ":2:13: The file is a solution table (terastal-solution/1), not an instance file "
                + "(terastal-instance/1); maybe the files were given in the wrong order (at format)", swapped.err().strip());
        assertTrue(Files.notExists(dir.resolve("x")));
    }

    @Test
    void aRefusedSweepLeavesTheFolderAsItWas() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, run("experiment", sweepFile.toString(), "-o", out.toString()).code());
        byte[] manifest = Files.readAllBytes(out.resolve("sweep-manifest.json"));
        Files.writeString(sweepFile, Files.readString(sweepFile).replace("300ms", "400ms"));
        Result longer = run("experiment", sweepFile.toString(), "-o", out.toString());
        assertEquals(1, longer.code());
        assertTrue(longer.err().contains("The cell was computed from other inputs or another horizon"), longer.err());
        assertArrayEquals(manifest, Files.readAllBytes(out.resolve("sweep-manifest.json")));
        Result merge = run("merge", out.toString(), "-o", out.toString());
        assertEquals(0, merge.code(), merge.err());
    }

    /** A process writing another sweep into the folder (here the lock it holds and the manifest it wrote) stops this one at once. */
    @Test
    void anotherSweepWritingTheFolderStopsThisOne() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, run(args(List.of("experiment"), args(flags.subList(0, 7), "--seeds", "7", "--loads", "1.0", "--late", "drop",
                "--horizon", "100ms", "-o", out.toString()))).code());
        byte[] manifest = Files.readAllBytes(out.resolve("sweep-manifest.json"));
        long cells;
        try (var files = Files.list(out.resolve("cells"))) {
            cells = files.count();
        }
        try (FileChannel lock = FileChannel.open(out.resolve(".sweep.lock"), StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock users = lock.lock(1, 1, true)) {
            assertTrue(users.isValid(), "another process's shared hold on the folder");
            Result refused = run("experiment", sweepFile.toString(), "-o", out.toString());
            assertEquals(1, refused.code());
            assertTrue(refused.err().startsWith("terastal experiment: The folder " + out + " is being written by another sweep (2 cells: "
                    + "scenarios pair; schedulers edf, terastal; late drop; loads 1; seeds 7; horizon 100000000 ns) than this one (8 cells: "), refused.err());
            assertArrayEquals(manifest, Files.readAllBytes(out.resolve("sweep-manifest.json")));
            try (var files = Files.list(out.resolve("cells"))) {
                assertEquals(cells, files.count(), "no cell written");
            }
        }
        Result after = run("experiment", sweepFile.toString(), "-o", out.toString());
        assertEquals(0, after.code(), after.err());
    }

    @Test
    void aLogGetsAFewProgressLines() {
        StringWriter log = new StringWriter();
        try (Progress progress = Progress.startLogging(new PrintWriter(log), "experiment", 1000, "cells")) {
            for (int i = 0; i < 1000; i++) {
                progress.step();
                if (i % 100 == 0) {
                    sleep(150);
                }
            }
        }
        List<String> lines = log.toString().lines().toList();
        assertTrue(!lines.isEmpty() && lines.size() <= 100 / Progress.STEP_PERCENT + 1, log.toString());
        assertTrue(lines.get(lines.size() - 1).matches("experiment 100% \\[=+\\] 1000/1000 cells .*"), lines.get(lines.size() - 1));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\r")), "no carriage returns in a log");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
