package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.domain.Instance;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.results.MetricsCsv;
import org.terastal.online.Schedulers;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.RunResult;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;

/** A sweep over a suite, end to end: tables solved once per set, statistics over sets, and what is refused. */
class SuiteSweepTest {
    @TempDir
    Path dir;

    private Path suite(String... extra) {
        Path out = dir.resolve("suite");
        List<String> args = new java.util.ArrayList<>(List.of("suite", "--name", "s", "--platform", "platforms/Dual_4K.m", "--dataflows", "WS,OS",
                "--pool", "models", "--seed", "3"));
        args.addAll(List.of(extra));
        args.addAll(List.of("-o", out.toString()));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return out;
    }

    private Path sweep(Path suite, String latency) throws IOException {
        Path file = dir.resolve("sweep.json");
        Files.writeString(file, """
                {"format": "terastal-sweep/1",
                 "suites": [{"name": "tiny", "suite": "%s"%s}],
                 "schedulers": ["edf", "edf+guard", "terastal"], "loads": [0.8, 1.5], "late": ["drop"], "horizon": "400ms"}
                """.formatted(suite.toAbsolutePath(), latency == null ? "" : ", \"latency\": \"" + Path.of(latency).toAbsolutePath() + "\""));
        return file;
    }

    @Test
    void aSuiteSweepSolvesEachSetOnceAndSummarisesOverSets() throws IOException {
        Path suite = suite("--sets", "3", "--tasks", "2:3");
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("experiment", sweep(suite, null).toString(), "--jobs", "2", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("== Suite tiny (3 sets), late=drop"), r.out());
        assertTrue(r.out().contains("vs edf+guard"), r.out());
        for (int i = 0; i < 3; i++) {
            assertTrue(Files.exists(out.resolve("solutions/tiny/s-000" + i + ".json")), "a table per set");
        }
        String stats = Files.readString(out.resolve("suite-stats.csv"));
        assertTrue(stats.startsWith("suite,late,load,scheduler,sets,statistic,mean,low,high\n"), stats);
        assertTrue(stats.contains("tiny,drop,0.8-1.5,terastal,3,miss_rate,"), stats);
        assertTrue(Files.readString(out.resolve("suite-paired.csv")).contains("tiny,drop,pairs 0.8-1.5,terastal,edf,6,0.01,"));
        assertEquals(1 + 3 * 2 * 3, Files.readAllLines(out.resolve("suite-sets.csv")).size(), "a row per set, load and scheduler");
        assertTrue(Files.readString(out.resolve("sweep-manifest.json")).contains("\"suite\": \"tiny\""));

        // resumed: nothing is solved or simulated again, and the outputs are the same
        long solved = Files.getLastModifiedTime(out.resolve("solutions/tiny/s-0000.json")).toMillis();
        String report = Files.readString(out.resolve("report.txt"));
        CliTest.Run again = CliTest.run("experiment", sweep(suite, null).toString(), "-o", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("18 cells already done"), again.err());
        assertEquals(solved, Files.getLastModifiedTime(out.resolve("solutions/tiny/s-0000.json")).toMillis());
        assertEquals(report, Files.readString(out.resolve("report.txt")));
    }

    /** Each shard solves its own tables, at its own speed; the cells still merge into the unsharded run's outputs. */
    @Test
    void shardsInTheirOwnFoldersMerge() throws IOException {
        Path suite = suite("--sets", "2", "--tasks", "2");
        Path sweep = sweep(suite, null);
        for (int k = 1; k <= 2; k++) {
            CliTest.Run r = CliTest.run("experiment", sweep.toString(), "--shard", k + "/2", "-o", dir.resolve("shard" + k).toString());
            assertEquals(0, r.code(), r.err());
        }
        CliTest.Run merged = CliTest.run("merge", dir.resolve("shard1").toString(), dir.resolve("shard2").toString(), "-o",
                dir.resolve("merged").toString());
        assertEquals(0, merged.code(), merged.err());
        CliTest.Run whole = CliTest.run("experiment", sweep.toString(), "-o", dir.resolve("whole").toString());
        assertEquals(0, whole.code(), whole.err());
        for (String file : List.of("metrics.csv", "report.txt", "suite-stats.csv", "suite-paired.csv", "suite-sets.csv")) {
            assertEquals(Files.readString(dir.resolve("whole").resolve(file)), Files.readString(dir.resolve("merged").resolve(file)), file);
        }
    }

    @Test
    void aSuiteDrawnUnderOtherLatenciesIsRefused() throws IOException {
        Path suite = suite("--sets", "2", "--tasks", "2");
        CliTest.Run r = CliTest.run("experiment", sweep(suite, "latency/six-models-maestro-dual2048.csv").toString(), "-o",
                dir.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("was drawn under the latencies of"), r.err());
    }

    @Test
    void anEditedSetIsRefused() throws IOException {
        Path suite = suite("--sets", "2", "--tasks", "2");
        Path set = suite.resolve("s-0001.json");
        Files.writeString(set, Files.readString(set).replace("\"weight\": 1.0", "\"weight\": 2.0"));
        CliTest.Run r = CliTest.run("experiment", sweep(suite, null).toString(), "-o", dir.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("s-0001.json") && r.err().contains("checksum"), r.err());
    }

    @Test
    void aMissingSetFileIsNamedAtItsPlaceInTheManifest() throws IOException {
        Path suite = suite("--sets", "2", "--tasks", "2");
        Files.delete(suite.resolve("s-0001.json"));
        CliTest.Run r = CliTest.run("experiment", sweep(suite, null).toString(), "-o", dir.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("suite.json") && r.err().contains("The file (s-0001.json) of set 1 is not in the suite's folder")
                && r.err().contains("(at sets[1].file)"), r.err());
        assertFalse(Files.exists(dir.resolve("out/metrics.csv")) || Files.exists(dir.resolve("out/sweep-manifest.json")), "nothing run");
    }

    /** Suites draw release jitter, so seeds are different runs (the shipped hand-made mixes have none, so theirs are one run). */
    @Test
    void onGeneratedSetsSeedsGiveDifferentRuns() {
        Path suite = suite("--sets", "1", "--tasks", "3");
        Instance set = InstanceFiles.read(suite.resolve("s-0000.json"));
        var latency = LatencyInputs.forInstance(set, null);
        SimResult one = Simulator.run(set, latency, Schedulers.factory("edf", null), new SimConfig(1_000_000_000L, 1, LatePolicy.DROP, 1.3, true));
        SimResult two = Simulator.run(set, latency, Schedulers.factory("edf", null), new SimConfig(1_000_000_000L, 2, LatePolicy.DROP, 1.3, true));
        assertNotEquals(one.trace().frames(), two.trace().frames());
        assertNotEquals(List.of(MetricsCsv.rows(RunResult.of(one, set.name()))), List.of(MetricsCsv.rows(RunResult.of(two, set.name())).replace(",2,1.3,", ",1,1.3,")));
    }
}
