package org.terastal.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.terastal.domain.Instance;
import org.terastal.io.AtomicFiles;
import org.terastal.io.InputFiles;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.csv.CsvWriter;
import org.terastal.stats.Quantiles;

/**
 * What an experiment keeps of a few runs beyond their metrics, for plots that need more than
 * summary figures: the response-time distribution of every model (as a quantile table) and the
 * per-layer timeline within a short window (for a Gantt chart). The traced runs are the first seed
 * at one load, for every scenario, scheduler and late-frame policy; each is simulated again with
 * its trace kept, which gives the same run as the experiment's (runs are deterministic).
 *
 * <p>Files, in the folder {@value #FOLDER} of the experiment's output:
 * <ul>
 *   <li>{@value #INDEX}: one row per traced run, header {@value #INDEX_HEADER}; {@code timeline} and
 *       {@code responses} are paths relative to the folder.</li>
 *   <li>a timeline per run, in the format of {@link SimOutputs#TIMELINE}, holding every layer that
 *       overlaps the window [{@code window_from_ns}, {@code window_to_ns}) (layers are not cut).</li>
 *   <li>a response table per run, header {@value #RESPONSES_HEADER}: for every model and every
 *       quantile q of {@link #QUANTILES}, the nearest-rank q-quantile of the response times of all
 *       the model's released frames, a dropped frame counting as never finishing. A quantile that
 *       falls on a dropped frame has no row, so the table's highest quantile of a model is at most
 *       its completed fraction.</li>
 * </ul>
 */
public final class ExperimentTraces {
    /** Sub-folder of the experiment's output. */
    public static final String FOLDER = "traces";
    public static final String INDEX = "index.csv";
    public static final String INDEX_HEADER = "instance,scheduler,seed,load,late,window_from_ns,window_to_ns,timeline,responses";
    public static final String RESPONSES_HEADER = "model,quantile,response_ns";
    /** The quantiles of the response tables: fine in the tails, where deadlines are missed. */
    public static final List<Double> QUANTILES = List.of(0.0, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
            0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 0.999, 1.0);

    /**
     * One traced run: a row of {@value #INDEX}.
     *
     * @param instance     scenario name
     * @param scheduler    scheduler name
     * @param seed         seed of the run
     * @param load         load factor of the run
     * @param late         late-frame policy
     * @param windowFromNs start of the recorded timeline window
     * @param windowToNs   end (exclusive) of the window
     * @param timeline     the timeline file, relative to the traces folder
     * @param responses    the response table, relative to the traces folder
     */
    public record TracedRun(String instance, String scheduler, long seed, double load, LatePolicy late, long windowFromNs,
                            long windowToNs, String timeline, String responses) {
    }

    /**
     * One row of a response table.
     *
     * @param model      model id
     * @param quantile   the quantile, in [0, 1]
     * @param responseNs response time at that quantile
     */
    public record ResponseQuantile(String model, double quantile, long responseNs) {
    }

    /**
     * What an experiment runs, as far as its traces need it.
     *
     * @param scenarios  the scenarios, in order
     * @param schedulers scheduler names, in order
     * @param factories  the scheduler factory of a scenario and scheduler name
     * @param seed       the traced seed (an experiment traces its first)
     * @param lates      late-frame policies, in order
     * @param horizonNs  simulated horizon of each run
     */
    public record Runs(List<Experiment.Scenario> scenarios, List<String> schedulers,
                       BiFunction<Experiment.Scenario, String, SchedulerFactory> factories, long seed, List<LatePolicy> lates,
                       long horizonNs) {
    }

    private ExperimentTraces() {
    }

    /**
     * Simulates the traced runs of an experiment and writes the folder {@value #FOLDER} into {@code output}.
     *
     * @param load       load factor of the traced runs (need not be one of the experiment's loads)
     * @param fromNs     start of the timeline window
     * @param toNs       end (exclusive) of the timeline window
     * @param progress   hears about each traced run
     */
    public static List<TracedRun> write(Runs runs, double load, long fromNs, long toNs, Path output,
                                        Consumer<TracedRun> progress) {
        if (fromNs < 0 || toNs <= fromNs) {
            throw new IllegalArgumentException("The trace window (" + fromNs + " ns to " + toNs + " ns) must start at 0 or later and end after it starts");
        }
        Path dir = output.resolve(FOLDER);
        List<TracedRun> index = new ArrayList<>();
        for (Experiment.Scenario sc : runs.scenarios()) {
            for (String scheduler : runs.schedulers()) {
                SchedulerFactory factory = runs.factories().apply(sc, scheduler);
                for (LatePolicy late : runs.lates()) {
                    SimResult r = Simulator.run(sc.instance(), sc.latency(), factory, new SimConfig(runs.horizonNs(), runs.seed(), late, load, true));
                    String stem = fileName(sc.name()) + "/" + late.label() + "/" + fileName(scheduler);
                    TracedRun run = new TracedRun(sc.name(), scheduler, runs.seed(), load, late, fromNs, toNs, stem + ".timeline.csv",
                            stem + ".responses.csv");
                    AtomicFiles.write(dir.resolve(run.timeline()), out -> SimOutputs.writeTimeline(r.trace(), SimOutputs.writer(out), fromNs, toNs));
                    AtomicFiles.write(dir.resolve(run.responses()), responsesCsv(responseQuantiles(sc.instance(), r.trace())));
                    index.add(run);
                    progress.accept(run);
                }
            }
        }
        AtomicFiles.write(dir.resolve(INDEX), indexCsv(index));
        return index;
    }

    /**
     * Copies the traces of one output folder into another (for {@code merge}: shard 1 of a sharded sweep
     * writes them): the files its index names, then the index, each written atomically.
     *
     * @return the number of traced runs copied
     */
    public static int copy(Path fromOutput, Path toOutput) {
        Path from = fromOutput.resolve(FOLDER);
        Path to = toOutput.resolve(FOLDER);
        List<TracedRun> runs = readIndex(from.resolve(INDEX));
        for (TracedRun run : runs) {
            for (String file : List.of(run.timeline(), run.responses())) {
                byte[] bytes = InputFiles.readBytes(from.resolve(file));
                AtomicFiles.write(to.resolve(file), out -> out.write(bytes));
            }
        }
        byte[] index = InputFiles.readBytes(from.resolve(INDEX));
        AtomicFiles.write(to.resolve(INDEX), out -> out.write(index));
        return runs.size();
    }

    /** A name that is safe as one path element on every platform. */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The response quantiles of every model of the instance that released frames, in instance order. */
    public static List<ResponseQuantile> responseQuantiles(Instance instance, Trace trace) {
        Map<String, List<Long>> byModel = new LinkedHashMap<>();
        instance.models().forEach(m -> byModel.put(m.id(), new ArrayList<>()));
        for (int f = 0; f < trace.frameCount(); f++) {
            FrameRecord r = trace.frame(f);
            byModel.get(r.model()).add(r.status() == FrameStatus.DROPPED ? Long.MAX_VALUE : r.finishNs() - r.releaseNs());
        }
        List<ResponseQuantile> out = new ArrayList<>();
        byModel.forEach((model, times) -> {
            if (times.isEmpty()) {
                return;
            }
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            for (double q : QUANTILES) {
                long v = Quantiles.nearestRank(sorted, q);
                if (v != Long.MAX_VALUE) {
                    out.add(new ResponseQuantile(model, q, v));
                }
            }
        });
        return out;
    }

    /** The response table as CSV. */
    public static String responsesCsv(List<ResponseQuantile> rows) {
        return CsvWriter.text(csv -> {
            csv.header(RESPONSES_HEADER);
            rows.forEach(r -> csv.row(r.model(), SimOutputs.num(r.quantile()), Long.toString(r.responseNs())));
        });
    }

    /** The index as CSV. */
    public static String indexCsv(List<TracedRun> runs) {
        return CsvWriter.text(csv -> {
            csv.header(INDEX_HEADER);
            for (TracedRun r : runs) {
                csv.row(r.instance(), r.scheduler(), Long.toString(r.seed()), SimOutputs.num(r.load()), r.late().label(),
                        Long.toString(r.windowFromNs()), Long.toString(r.windowToNs()), r.timeline(), r.responses());
            }
        });
    }

    /** Reads {@value #INDEX}; every file it names must exist beside it. */
    public static List<TracedRun> readIndex(Path file) {
        List<TracedRun> out = new ArrayList<>();
        for (CsvRows.Row row : CsvRows.read(file, INDEX_HEADER)) {
            LatePolicy late;
            try {
                late = LatePolicy.parse(row.get("late"));
            } catch (IllegalArgumentException e) {
                throw row.error("late", "is not one of " + Arrays.stream(LatePolicy.values()).map(LatePolicy::label).toList());
            }
            long from = row.getLong("window_from_ns");
            long to = row.getLong("window_to_ns");
            if (to <= from) {
                throw row.error("window_to_ns", "must be after window_from_ns (" + from + ")");
            }
            TracedRun run = new TracedRun(row.get("instance"), row.get("scheduler"), row.getLong("seed"), row.getDouble("load"), late,
                    from, to, row.get("timeline"), row.get("responses"));
            for (String column : List.of("timeline", "responses")) {
                Path named = file.resolveSibling(row.get(column));
                if (!named.normalize().startsWith(file.getParent() == null ? Path.of("") : file.getParent().normalize())
                        || !java.nio.file.Files.isRegularFile(named)) {
                    throw row.error(column, "names no file inside " + (file.getParent() == null ? "." : file.getParent())
                            + "; maybe the traces folder was copied only in part");
                }
            }
            out.add(run);
        }
        return out;
    }

    /** Reads a response table. */
    public static List<ResponseQuantile> readResponses(Path file) {
        List<ResponseQuantile> out = new ArrayList<>();
        for (CsvRows.Row row : CsvRows.read(file, RESPONSES_HEADER)) {
            double q = row.getDouble("quantile");
            if (!(q >= 0 && q <= 1)) {
                throw row.error("quantile", "is not in [0, 1]");
            }
            long v = row.getLong("response_ns");
            if (v < 0) {
                throw row.error("response_ns", "is negative");
            }
            out.add(new ResponseQuantile(row.get("model"), q, v));
        }
        return out;
    }
}
