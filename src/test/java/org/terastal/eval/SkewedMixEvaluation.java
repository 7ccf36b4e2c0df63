package org.terastal.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.experiment.Experiment;
import org.terastal.io.AtomicFiles;
import org.terastal.online.Schedulers;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.RunResult;
import org.terastal.sweep.Cell;
import org.terastal.sweep.Sweep;
import org.terastal.sweep.SweepFolder;
import org.terastal.sweep.SweepMerge;
import org.terastal.sweep.SweepPlan;
import org.terastal.sweep.SweepRunner;
import org.terastal.testkit.SixModels;
import org.terastal.testkit.SixModels.Share;
import org.terastal.testkit.SolutionHeuristics;

/**
 * The evaluation of docs/online.md (not a unit test): six skewed mixes of the shipped models whose
 * all-on-WS load is 1.25 at load factor 1 (so factors 0.6–1.6 sweep WS-only loads 0.75–2.0), every
 * scheduler, both late-frame policies, seeds 1–3, 10 simulated seconds per run. Solutions come from
 * the test heuristic (greedy load balancing, the offline objective's intent), solved per load.
 * Runs on every core and resumes from the cell files in the output folder.
 * Arguments: output folder [default target/eval] [seeds, default 3] [horizon s, default 10].
 */
public final class SkewedMixEvaluation {
    private SkewedMixEvaluation() {
    }

    /** The mixes, at all-on-WS load {@code wsLoad}. */
    public static List<Instance> mixes(double wsLoad) {
        return List.of(
                SixModels.mix("ws-heavy-4", wsLoad, List.of(Share.of("resnet50", 1), Share.of("inceptionv3", 1), Share.of("swin_tiny", 1),
                        Share.of("sp2dense", 1))),
                SixModels.mix("cascade-5", wsLoad, List.of(Share.of("vgg11", 1), Share.of("resnet50", 1), Share.of("mobilenetv2_ssd", 1),
                        Share.of("sp2dense", 1), Share.cascade("inceptionv3", "mobilenetv2_ssd", 0.5))),
                SixModels.mix("six-equal", wsLoad, List.of(Share.of("vgg11", 1), Share.of("resnet50", 1), Share.of("inceptionv3", 1),
                        Share.of("mobilenetv2_ssd", 1), Share.of("swin_tiny", 1), Share.of("sp2dense", 1))),
                SixModels.mix("detect-3", wsLoad, List.of(Share.of("mobilenetv2_ssd", 2), Share.of("swin_tiny", 1), Share.of("vgg11", 1))),
                SixModels.mix("cls-3", wsLoad, List.of(Share.of("resnet50", 1), Share.of("inceptionv3", 2), Share.of("sp2dense", 1))),
                SixModels.mix("cascade-4", wsLoad, List.of(Share.of("sp2dense", 2), Share.of("vgg11", 1), Share.of("swin_tiny", 1),
                        Share.cascade("resnet50", "sp2dense", 0.3))));
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/eval");
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long horizon = (args.length > 2 ? Long.parseLong(args[2]) : 10) * 1_000_000_000L;
        List<Experiment.Scenario> scenarios = new ArrayList<>();
        List<SweepPlan.ScenarioKey> keys = new ArrayList<>();
        for (Instance m : mixes(1.25)) {
            LatencyTable table = SixModels.latency(m);
            scenarios.add(new Experiment.Scenario(m.name(), m, table, (instance, latency) -> SolutionHeuristics.solve(instance, latency, true)));
            keys.add(new SweepPlan.ScenarioKey(m.name(), SweepPlan.inputsDigest(m, table, "SolutionHeuristics per load")));
        }
        List<Long> seedList = java.util.stream.LongStream.rangeClosed(1, seeds).boxed().toList();
        List<LatePolicy> lates = List.of(LatePolicy.DROP, LatePolicy.CONTINUE);
        SweepPlan plan = new SweepPlan(keys, Schedulers.NAMES, lates, Sweep.parseLoads(Sweep.DEFAULT_LOADS), seedList, horizon, 0.6, 1.6);
        try (SweepFolder folder = SweepFolder.claim(out, plan, plan.cells())) {
            SweepRunner.run(folder, Runtime.getRuntime().availableProcessors(), SweepRunner.simulation(plan, scenarios),
                    new SweepRunner.Listener() {
                        @Override
                        public void starting(int toRun, int reused) {
                            System.err.printf("%d cells to run, %d done before%n", toRun, reused);
                        }

                        @Override
                        public void cellDone(Cell cell) {
                            // the count at the start is all this batch job reports
                        }
                    });
        }
        SweepMerge.merge(List.of(out), out);
        List<RunResult> runs = SweepMerge.runs(plan, List.of(out));
        StringBuilder report = new StringBuilder();
        for (double[] range : new double[][] {{0.6, 1.6}, {1.0, 1.6}}) {
            SweepPlan ranged = new SweepPlan(keys, Schedulers.NAMES, lates, plan.loads(), seedList, horizon, range[0], range[1]);
            report.append(SweepMerge.report(ranged, runs)).append('\n');
        }
        AtomicFiles.write(out.resolve(SweepMerge.REPORT), report.toString());
        System.out.print(report);
    }
}
