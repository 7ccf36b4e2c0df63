package org.terastal.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.costmodel.AnalyticalCostModel;
import org.terastal.costmodel.CostModel;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.experiment.Experiment;
import org.terastal.io.InputException;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.results.MetricsCsv;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.RunResult;
import org.terastal.sim.SolutionScaling;
import org.terastal.testkit.AwkwardNames;
import org.terastal.testkit.SixModels;
import org.terastal.testkit.SixModels.Share;
import org.terastal.testkit.SolutionHeuristics;

/** Parallel cells, resume, shards and merge on two small scenarios (32 cells of 0.3 simulated seconds). */
class SweepRunnerTest {
    private static final SweepRunner.Listener SILENT = new SweepRunner.Listener() {
        @Override
        public void starting(int toRun, int reused) {
            // the tests look at the files
        }

        @Override
        public void cellDone(Cell cell) {
            // the tests look at the files
        }
    };

    @TempDir
    Path dir;
    private final List<Experiment.Scenario> scenarios = new ArrayList<>();
    private SweepPlan plan;

    @BeforeEach
    void plan() {
        List<SweepPlan.ScenarioKey> keys = new ArrayList<>();
        for (Instance mix : List.of(SixModels.mix("pair", 1.2, List.of(Share.of("resnet50", 1), Share.of("sp2dense", 1))),
                SixModels.mix("duo", 1.1, List.of(Share.of("mobilenetv2_ssd", 1), Share.of("sp2dense", 1))))) {
            LatencyTable table = SixModels.latency(mix);
            scenarios.add(new Experiment.Scenario(mix.name(), mix, table,
                    SolutionScaling.from(SolutionHeuristics.solve(mix, table, true), mix)));
            keys.add(new SweepPlan.ScenarioKey(mix.name(), SweepPlan.inputsDigest(mix, table, "heuristic")));
        }
        plan = new SweepPlan(keys, List.of("edf", "terastal"), List.of(LatePolicy.DROP, LatePolicy.CONTINUE), List.of(0.9, 1.4),
                List.of(1L, 2L), 300_000_000L, 0.9, 1.4);
    }

    private SweepRunner.Outcome run(Path out, List<Cell> cells, int jobs) {
        return run(plan, out, cells, jobs, SweepRunner.simulation(plan, scenarios));
    }

    private static SweepRunner.Outcome run(SweepPlan plan, Path out, List<Cell> cells, int jobs, SweepRunner.CellSimulation simulation) {
        try (SweepFolder folder = SweepFolder.claim(out, plan, cells)) {
            return SweepRunner.run(folder, jobs, simulation, SILENT);
        }
    }

    private Path unsharded() {
        Path out = dir.resolve("all");
        run(out, plan.cells(), 2);
        SweepMerge.merge(List.of(out), out);
        return out;
    }

    private static long cellFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve(SweepPlan.CELLS))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).count();
        }
    }

    private static void assertSameOutputs(Path expected, Path actual) throws IOException {
        for (String f : List.of(SweepMerge.METRICS, SweepMerge.REPORT)) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }

    @Test
    void fourShardsMergedGiveTheUnshardedBytes() throws IOException {
        Path all = unsharded();
        assertEquals(32, plan.cells().size());
        List<Path> shards = new ArrayList<>();
        Path shared = dir.resolve("shared");
        for (int k = 1; k <= 4; k++) {
            Path shard = dir.resolve("shard" + k);
            assertEquals(8, run(shard, plan.shard(k, 4), 1).ran());
            run(shared, plan.shard(k, 4), 1);
            shards.add(shard);
        }
        SweepMerge.merge(shards, dir.resolve("merged"));
        assertSameOutputs(all, dir.resolve("merged"));
        SweepMerge.merge(List.of(shared), dir.resolve("merged-shared"));
        assertSameOutputs(all, dir.resolve("merged-shared"));
        String csv = Files.readString(all.resolve(SweepMerge.METRICS));
        assertTrue(csv.indexOf("pair,edf,1,0.9,drop,") < csv.indexOf("pair,edf,2,0.9,drop,")
                && csv.indexOf("pair,edf,2,1.4,continue,") < csv.indexOf("pair,terastal,1,0.9,drop,")
                && csv.indexOf("pair,terastal,2,1.4,continue,") < csv.indexOf("duo,edf,1,0.9,drop,"), "canonical order");
    }

    @Test
    void resumeRunsOnlyTheMissingCells() throws IOException {
        Path all = unsharded();
        byte[] metrics = Files.readAllBytes(all.resolve(SweepMerge.METRICS));
        List<Cell> cells = plan.cells();
        for (int i : new int[] {0, 7, 8, 30}) {
            Files.delete(CellFiles.path(all, cells.get(i)));
        }
        Files.delete(all.resolve(SweepMerge.METRICS));
        // left by an earlier sweep with suites in this folder: not this sweep's statistics
        Files.writeString(all.resolve(SweepMerge.SUITE_STATS), "stale");
        SweepRunner.Outcome again = run(all, cells, 2);
        assertEquals(new SweepRunner.Outcome(4, 28), again);
        SweepMerge.merge(List.of(all), all);
        assertArrayEquals(metrics, Files.readAllBytes(all.resolve(SweepMerge.METRICS)));
        assertTrue(Files.notExists(all.resolve(SweepMerge.SUITE_STATS)));
    }

    @Test
    void aRunKilledMidwayKeepsEveryFinishedCell() throws IOException {
        Path all = unsharded();
        Path killed = dir.resolve("killed");
        SweepRunner.CellSimulation real = SweepRunner.simulation(plan, scenarios);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        SweepRunner.CellSimulation dying = cell -> {
            if (calls.incrementAndGet() == 12) {
                throw new IllegalStateException("killed");
            }
            RunResult run = real.run(cell);
            finished.incrementAndGet();
            return run;
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(plan, killed, plan.cells(), 2, dying));
        assertEquals("killed", e.getMessage());
        assertTrue(finished.get() >= 11, "cells before the failure finished: " + finished.get());
        assertEquals(finished.get(), cellFiles(killed), "every finished cell has its file");
        SweepRunner.Outcome resumed = run(killed, plan.cells(), 2);
        assertEquals(finished.get(), resumed.reused());
        SweepMerge.merge(List.of(killed), killed);
        assertSameOutputs(all, killed);
    }

    /** A cell of a platform whose accelerator ids need quoting is written, checked, reused and merged whole. */
    @Test
    void cellsWithAwkwardAcceleratorIdsMergeWhole() throws IOException {
        Instance mix = AwkwardNames.renamed(SixModels.mix("pair", 1.2, List.of(Share.of("resnet50", 1), Share.of("sp2dense", 1))));
        LatencyTable table = CostModel.latencyTable(mix, new AnalyticalCostModel());
        SweepPlan awkward = new SweepPlan(List.of(new SweepPlan.ScenarioKey(mix.name(), SweepPlan.inputsDigest(mix, table, "none"))),
                List.of("edf"), List.of(LatePolicy.DROP), List.of(1.0), List.of(1L), 100_000_000L, 0.9, 1.4);
        SweepRunner.CellSimulation simulation = SweepRunner.simulation(awkward, List.of(new Experiment.Scenario(mix.name(), mix, table, null)));
        Path out = dir.resolve("awkward");
        run(awkward, out, awkward.cells(), 1, simulation);
        String report = SweepMerge.merge(List.of(out), out);

        Cell cell = awkward.cells().get(0);
        String file = Files.readString(CellFiles.path(out, cell));
        String metrics = Files.readString(out.resolve(SweepMerge.METRICS));
        assertEquals(file.substring(file.indexOf('\n') + 1), metrics, "the run read back from its cell writes the rows of the cell");
        List<String> accelerators = AwkwardNames.ACCELERATORS.stream().map(a -> MetricsCsv.ACCELERATOR_PREFIX + a).toList();
        assertEquals(accelerators, CsvRows.read(out.resolve(SweepMerge.METRICS), MetricsCsv.HEADER).stream().map(r -> r.get("model"))
                .filter(m -> m.startsWith(MetricsCsv.ACCELERATOR_PREFIX)).distinct().toList());
        assertEquals(report, SweepMerge.report(awkward, SweepMerge.runs(awkward, List.of(out))));
        assertEquals(1, run(awkward, out, awkward.cells(), 1, simulation).reused(), "the cell is reused, not run again");
    }

    @Test
    void damagedOrForeignCellFilesAreNamed() throws IOException {
        Path all = unsharded();
        Cell cell = plan.cells().get(5);
        Path file = CellFiles.path(all, cell);
        String good = Files.readString(file);

        Files.writeString(file, good.substring(0, good.length() / 2));
        InputException cut = assertThrows(InputException.class, () -> run(all, plan.cells(), 1));
        assertTrue(cut.getMessage().startsWith(file.toString()) && cut.getMessage().contains("delete"), cut.getMessage());

        Files.writeString(file, "hello\n");
        InputException foreign = assertThrows(InputException.class, () -> run(all, plan.cells(), 1));
        assertTrue(foreign.getMessage().startsWith(file + ":1: The first line (hello) is not"), foreign.getMessage());

        Files.writeString(file, good);
        SweepPlan longer = new SweepPlan(plan.scenarios(), plan.schedulers(), plan.lates(), plan.loads(), plan.seeds(), 400_000_000L, 0.9, 1.4);
        InputException stale = assertThrows(InputException.class,
                () -> run(longer, all, longer.cells(), 1, SweepRunner.simulation(longer, scenarios)));
        assertTrue(stale.getMessage().contains("other inputs or another horizon"), stale.getMessage());
    }

    /** A cell file whose rows were edited, with or without its checksum made to match. */
    private static void tamper(Path file, java.util.function.UnaryOperator<List<String>> edit, boolean fixChecksum) throws IOException {
        String text = Files.readString(file);
        String first = text.substring(0, text.indexOf('\n'));
        List<String> rows = new ArrayList<>(text.substring(first.length() + 1).lines().toList());
        String body = String.join("\n", edit.apply(rows)) + "\n";
        String line = fixChecksum ? first.substring(0, first.lastIndexOf(" rows=")) + " rows=" + SweepPlan.sha256(body.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) : first;
        Files.writeString(file, line + "\n" + body);
    }

    private String refusal(Path out) {
        String resume = assertThrows(InputException.class, () -> run(out, plan.cells(), 1)).getMessage();
        String merge = assertThrows(InputException.class, () -> SweepMerge.merge(List.of(out), dir.resolve("m"))).getMessage();
        assertEquals(resume, merge, "resume and merge refuse the same cell alike");
        assertTrue(Files.notExists(dir.resolve("m")), "a refused merge writes nothing");
        return resume;
    }

    @Test
    void editedCellsAreRefusedNamingFileAndFault() throws IOException {
        Path all = unsharded();
        byte[] metrics = Files.readAllBytes(all.resolve(SweepMerge.METRICS));
        Cell cell = plan.cells().get(9);
        Path file = CellFiles.path(all, cell);
        String good = Files.readString(file);
        // rows[0] is the CSV header on line 2; rows[1] the whole run's released on line 3, rows[5] its miss_rate on line 7
        String checksum = file + ":1: The rows do not match the checksum on this line: the file was changed after it was written";
        for (java.util.function.UnaryOperator<List<String>> edit : List.<java.util.function.UnaryOperator<List<String>>>of(
                rows -> { rows.remove(5); return rows; },
                rows -> { rows.add(5, rows.get(5)); return rows; },
                rows -> { rows.set(5, rows.get(5).replaceAll(",[^,]*$", ",abc")); return rows; })) {
            tamper(file, edit, false);
            String message = refusal(all);
            assertTrue(message.startsWith(checksum), message);
            Files.writeString(file, good);
        }

        // rows that match their checksum but are not those of a run: the code that wrote them erred
        tamper(file, rows -> { rows.remove(5); return rows; }, true);
        assertEquals(file + ":7: The metric (response_p50_ns) of the whole run is not the expected miss_rate; a row is missing, repeated or "
                + "out of order; delete the file to run the cell again", refusal(all));
        Files.writeString(file, good);
        tamper(file, rows -> { rows.add(5, rows.get(5)); return rows; }, true);
        assertEquals(file + ":8: The metric (miss_rate) of the whole run is not the expected response_p50_ns; a row is missing, repeated or "
                + "out of order; delete the file to run the cell again", refusal(all));
        Files.writeString(file, good);
        tamper(file, rows -> { rows.set(5, rows.get(5).replaceAll(",[^,]*$", ",abc")); return rows; }, true);
        assertEquals(file + ":7: The value (abc) of miss_rate is not a non-negative number; delete the file to run the cell again", refusal(all));
        Files.writeString(file, good);
        tamper(file, rows -> { rows.set(1, rows.get(1).replaceAll(",[^,]*$", ",1000000")); return rows; }, true);
        String sum = refusal(all);
        assertTrue(sum.startsWith(file + ":15: The frames released (1000000) by the whole run are not those on time, missed and dropped"), sum);
        Files.writeString(file, good);
        tamper(file, rows -> { rows.addAll(rows.subList(1, 14)); return rows; }, true);
        String twice = refusal(all);
        assertTrue(twice.contains("The metrics of the whole run appear a second time"), twice);

        Files.writeString(file, good.replaceFirst(SweepPlan.CELL_FORMAT, "terastal-cell/2").replaceFirst(" rows=\\S+", ""));
        assertEquals(file + ":1: The cell file is of format terastal-cell/2, made by another version of terastal (this one writes "
                + SweepPlan.CELL_FORMAT + ", which carries a checksum of its rows); delete the cells folder (or this file) to run its cells again",
                refusal(all));

        Files.writeString(file, good);
        SweepMerge.merge(List.of(all), all);
        assertArrayEquals(metrics, Files.readAllBytes(all.resolve(SweepMerge.METRICS)), "the restored cell merges as before");
    }

    @Test
    void aFolderHeldForAnotherSweepIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = dir.resolve("held");
        SweepPlan other = new SweepPlan(plan.scenarios(), List.of("fcfs"), plan.lates(), plan.loads(), plan.seeds(), 100_000_000L, 0.9, 1.4);
        try (SweepFolder held = SweepFolder.claim(out, other, List.of()); SweepFolder again = SweepFolder.claim(out, other, List.of())) {
            assertEquals(held.unlocked(), again.unlocked(), "two shards of the other sweep share the folder");
            IllegalArgumentException busy = assertThrows(IllegalArgumentException.class, () -> run(out, plan.cells(), 1));
            assertEquals("The folder " + out + " is being written by another sweep (16 cells: scenarios pair, duo; schedulers fcfs; late drop, "
                    + "continue; loads 0.9, 1.4; seeds 1, 2; horizon 100000000 ns) than this one (32 cells: scenarios pair, duo; schedulers edf, "
                    + "terastal; late drop, continue; loads 0.9, 1.4; seeds 1, 2; horizon 300000000 ns); wait for it to finish, or write to "
                    + "another folder", busy.getMessage());
            assertEquals(other.manifestJson(), Files.readString(out.resolve(SweepPlan.MANIFEST)));
            assertTrue(Files.notExists(out.resolve(SweepPlan.CELLS)));
        }
        // once the other sweep is done, this one takes the folder over
        assertEquals(32, run(out, plan.cells(), 2).ran());
        assertEquals(plan.manifestJson(), Files.readString(out.resolve(SweepPlan.MANIFEST)));
    }

    @Test
    void mergeNamesMissingAndDuplicateCells() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        run(a, plan.shard(1, 2), 2);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(List.of(a), dir.resolve("m")));
        assertTrue(missing.getMessage().startsWith("16 of the sweep's 32 cells are missing") && missing.getMessage().contains(plan.cells().get(1).id()),
                missing.getMessage());
        run(b, plan.shard(2, 2), 2);
        Cell first = plan.cells().get(0);
        Files.copy(CellFiles.path(a, first), CellFiles.path(b, first));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> SweepMerge.merge(List.of(a, b), dir.resolve("m")));
        assertTrue(twice.getMessage().contains(first.id() + " is present twice"), twice.getMessage());
        assertTrue(Files.notExists(dir.resolve("m")), "nothing written");

        Files.writeString(b.resolve(SweepPlan.MANIFEST), plan.manifestJson().replace("\"seeds\": [1, 2]", "\"seeds\": [1, 3]"));
        InputException other = assertThrows(InputException.class, () -> SweepMerge.merge(List.of(a, b), dir.resolve("m")));
        assertTrue(other.getMessage().contains("different sweeps"), other.getMessage());
    }

    @Test
    void manifestReadsBackAsThePlan() throws IOException {
        Path file = dir.resolve(SweepPlan.MANIFEST);
        Files.writeString(file, plan.manifestJson());
        assertEquals(plan, SweepPlan.readManifest(file));
        assertThrows(IllegalArgumentException.class, () -> plan.shard(5, 4));
        assertEquals(plan.cells().size(), java.util.stream.IntStream.rangeClosed(1, 3).map(k -> plan.shard(k, 3).size()).sum());
    }
}
