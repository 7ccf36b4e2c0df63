package org.terastal.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.terastal.domain.Instance;
import org.terastal.io.AtomicFiles;
import org.terastal.io.results.SimOutputs;
import org.terastal.io.results.TraceCsv;
import org.terastal.io.results.TraceFiles;
import org.terastal.io.results.TraceFiles.ResponseQuantile;
import org.terastal.io.results.TraceFiles.TracedRun;
import org.terastal.sim.FrameRecord;
import org.terastal.sim.FrameStatus;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.SchedulerFactory;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.sim.Trace;
import org.terastal.stats.Quantiles;

/**
 * What an experiment keeps of a few runs beyond their metrics, for plots that need more than
 * summary figures: the response-time distribution of every model (as a quantile table at each of
 * {@link #QUANTILES}) and the per-layer timeline within a short window (for a Gantt chart), written
 * as {@link TraceFiles} describes. The traced runs are the first seed at one load, for every
 * scenario, scheduler and late-frame policy; each is simulated again with its trace kept, which
 * gives the same run as the experiment's (runs are deterministic).
 */
public final class ExperimentTraces {
    /** The quantiles of the response tables: fine in the tails, where deadlines are missed. */
    public static final List<Double> QUANTILES = List.of(0.0, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
            0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 0.999, 1.0);

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
     * Simulates the traced runs of an experiment and writes the folder {@value TraceFiles#FOLDER} into {@code output}.
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
        Path dir = output.resolve(TraceFiles.FOLDER);
        List<TracedRun> index = new ArrayList<>();
        for (Experiment.Scenario sc : runs.scenarios()) {
            for (String scheduler : runs.schedulers()) {
                SchedulerFactory factory = runs.factories().apply(sc, scheduler);
                for (LatePolicy late : runs.lates()) {
                    SimResult r = Simulator.run(sc.instance(), sc.latency(), factory, new SimConfig(runs.horizonNs(), runs.seed(), late, load, true));
                    String stem = TraceFiles.fileName(sc.name()) + "/" + late.label() + "/" + TraceFiles.fileName(scheduler);
                    TracedRun run = new TracedRun(sc.name(), scheduler, runs.seed(), load, late, fromNs, toNs, stem + ".timeline.csv",
                            stem + ".responses.csv");
                    AtomicFiles.write(dir.resolve(run.timeline()), out -> TraceCsv.writeTimeline(r.trace(), SimOutputs.writer(out), fromNs, toNs));
                    AtomicFiles.write(dir.resolve(run.responses()), TraceFiles.responsesCsv(responseQuantiles(sc.instance(), r.trace())));
                    index.add(run);
                    progress.accept(run);
                }
            }
        }
        AtomicFiles.write(dir.resolve(TraceFiles.INDEX), TraceFiles.indexCsv(index));
        return index;
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
}
