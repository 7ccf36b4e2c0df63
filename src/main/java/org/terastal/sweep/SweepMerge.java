package org.terastal.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.terastal.evaluation.SuiteStatistics;
import org.terastal.experiment.Experiment;
import org.terastal.io.AtomicFiles;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;
import org.terastal.io.csv.CsvWriter;
import org.terastal.io.results.MetricsCsv;
import org.terastal.online.Schedulers;
import org.terastal.online.TerastalScheduler;
import org.terastal.sim.RunResult;

/**
 * Gathers the cell files of a sweep from one or more output folders (the folders of several shards,
 * or one folder they all wrote to), each read back into its run, and writes {@code metrics.csv}
 * (every cell's rows in canonical order) and {@code report.txt} (computed from the runs). An
 * unsharded run ends with the same step over its own folder, so both give the same bytes.
 */
public final class SweepMerge {
    /** The tidy CSV of every run. */
    public static final String METRICS = "metrics.csv";
    /** The paper-style report. */
    public static final String REPORT = "report.txt";
    /** Statistics of each suite over its sets (tidy CSV). */
    public static final String SUITE_STATS = "suite-stats.csv";
    /** Paired comparisons of Terastal with every baseline over the sets of each suite (tidy CSV). */
    public static final String SUITE_PAIRED = "suite-paired.csv";
    /** Per-set figures of each suite, seeds averaged (tidy CSV). */
    public static final String SUITE_SETS = "suite-sets.csv";
    private static final int NAMED = 5;

    private SweepMerge() {
    }

    /**
     * The plan the folders were written for: every folder must hold the same manifest.
     *
     * @throws InputException when a manifest is missing or two differ
     */
    public static SweepPlan plan(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("Name at least one folder written by terastal experiment");
        }
        Path first = dirs.get(0).resolve(SweepPlan.MANIFEST);
        byte[] bytes = manifestBytes(first);
        for (Path dir : dirs.subList(1, dirs.size())) {
            Path other = dir.resolve(SweepPlan.MANIFEST);
            if (!Arrays.equals(bytes, manifestBytes(other))) {
                throw new InputException(other.toString(), "The manifest differs from " + first + ": the folders hold cells of different sweeps; "
                        + "merge only the shards of one sweep");
            }
        }
        return SweepPlan.readManifest(first);
    }

    private static byte[] manifestBytes(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file.toString(), "No such file: the folder was not written by terastal experiment (or not yet); "
                    + "check the path");
        }
        return InputFiles.readBytes(file);
    }

    /**
     * Every cell's run in canonical order, read from whichever folder holds the cell.
     *
     * @throws IllegalArgumentException naming missing cells, or a cell found in two folders
     */
    public static List<RunResult> runs(SweepPlan plan, List<Path> dirs) {
        Map<Cell, Path> files = locate(plan, dirs);
        return plan.cells().stream().map(cell -> CellFiles.read(files.get(cell), plan, cell)).toList();
    }

    /** The file of every cell, each in exactly one of the folders. */
    private static Map<Cell, Path> locate(SweepPlan plan, List<Path> dirs) {
        List<Cell> cells = plan.cells();
        List<String> missing = new ArrayList<>();
        Map<Cell, Path> files = new HashMap<>();
        for (Cell cell : cells) {
            List<Path> found = dirs.stream().map(d -> CellFiles.path(d, cell)).filter(Files::exists).toList();
            if (found.size() > 1) {
                throw new IllegalArgumentException("The cell " + cell.id() + " is present twice, in " + found.get(0) + " and " + found.get(1)
                        + "; merge each shard's folder once");
            }
            if (found.isEmpty()) {
                missing.add(cell.id());
            } else {
                files.put(cell, found.get(0));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " of the sweep's " + cells.size() + " cells are missing from " + dirs
                    + ", e.g. " + String.join(", ", missing.subList(0, Math.min(NAMED, missing.size())))
                    + "; maybe a shard has not finished: run it (again) and merge then");
        }
        return files;
    }

    /** The report of a sweep's runs, as {@link #merge} writes it. */
    public static String report(SweepPlan plan, List<RunResult> runs) {
        return report(plan, runs, null);
    }

    /**
     * The report of a sweep's runs: the per-scenario report of the scenarios of no suite, then the
     * statistics of each suite. When {@code out} is not null, the suites' statistics are also written
     * there as tidy CSV ({@value #SUITE_STATS}, {@value #SUITE_PAIRED}, {@value #SUITE_SETS}).
     */
    private static String report(SweepPlan plan, List<RunResult> runs, Path out) {
        Map<String, String> suiteOf = new HashMap<>();
        plan.scenarios().stream().filter(k -> k.suite() != null).forEach(k -> suiteOf.put(k.name(), k.suite()));
        List<String> baselines = plan.schedulers().stream().filter(s -> !Schedulers.needsSolution(s)).toList();
        StringBuilder report = new StringBuilder();
        List<RunResult> single = runs.stream().filter(r -> !suiteOf.containsKey(r.scenario())).toList();
        if (!single.isEmpty()) {
            report.append(Experiment.report(single, TerastalScheduler.NAME, baselines, plan.averageFrom(), plan.averageTo()));
        }
        if (!suiteOf.isEmpty()) {
            SuiteStatistics.Result stats = SuiteStatistics.compute(runs, suiteOf, plan.schedulers(), TerastalScheduler.NAME,
                    plan.averageFrom(), plan.averageTo());
            if (!single.isEmpty()) {
                report.append('\n');
            }
            report.append(SuiteStatistics.report(stats, plan.schedulers()));
            if (out != null) {
                AtomicFiles.write(out.resolve(SUITE_STATS), SuiteStatistics.summariesCsv(stats));
                AtomicFiles.write(out.resolve(SUITE_PAIRED), SuiteStatistics.comparisonsCsv(stats));
                AtomicFiles.write(out.resolve(SUITE_SETS), SuiteStatistics.perSetCsv(stats));
            }
        } else if (out != null) {
            // statistics an earlier sweep with suites left in the folder would pass for this one's
            for (String file : List.of(SUITE_STATS, SUITE_PAIRED, SUITE_SETS)) {
                try {
                    Files.deleteIfExists(out.resolve(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot delete the stale " + out.resolve(file) + ": " + e.getMessage(), e);
                }
            }
        }
        return report.toString();
    }

    /**
     * Merges {@code dirs} into {@code out}, which it claims for the sweep ({@link SweepFolder});
     * returns the report. The cells are read and written into {@code metrics.csv} one at a time
     * (a suite sweep's can be a gigabyte), and each is kept only as its run. When {@code out} does not
     * hold this sweep already, every cell is checked before the claim writes its manifest there, so a
     * bad cell leaves {@code out} as it was.
     */
    public static String merge(List<Path> dirs, Path out) {
        return merge(dirs, out, () -> { });
    }

    /** As {@link #merge(List, Path)}, running {@code alsoWrite} (more outputs into {@code out}) before the claim is released. */
    public static String merge(List<Path> dirs, Path out, Runnable alsoWrite) {
        SweepPlan plan = plan(dirs);
        Map<Cell, Path> files = locate(plan, dirs);
        if (!SweepFolder.holds(out, plan)) {
            files.forEach((cell, file) -> CellFiles.read(file, plan, cell));
        }
        SweepFolder claim = SweepFolder.claim(out, plan, List.of());
        try {
            String report = write(plan, files, out);
            alsoWrite.run();
            return report;
        } finally {
            claim.close();
        }
    }

    private static String write(SweepPlan plan, Map<Cell, Path> files, Path out) {
        List<RunResult> runs = new ArrayList<>();
        CsvWriter.write(out.resolve(METRICS), csv -> {
            csv.header(MetricsCsv.HEADER);
            for (Cell cell : plan.cells()) {
                RunResult run = CellFiles.read(files.get(cell), plan, cell);
                MetricsCsv.write(csv, run);
                runs.add(run);
            }
        });
        String report = report(plan, runs, out);
        AtomicFiles.write(out.resolve(REPORT), report);
        return report;
    }
}
