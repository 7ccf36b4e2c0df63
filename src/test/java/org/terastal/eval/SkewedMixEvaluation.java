package org.terastal.eval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.online.Schedulers;
import org.terastal.online.TerastalScheduler;
import org.terastal.io.AtomicFiles;
import org.terastal.sim.Experiment;
import org.terastal.sim.LatePolicy;
import org.terastal.testkit.SixModels;
import org.terastal.testkit.SixModels.Share;
import org.terastal.testkit.SolutionHeuristics;

/**
 * The evaluation of docs/online.md (not a unit test): six skewed mixes of the shipped models whose
 * all-on-WS load is 1.25 at load factor 1 (so factors 0.6–1.6 sweep WS-only loads 0.75–2.0), every
 * scheduler, both late-frame policies, seeds 1–3, 10 simulated seconds per run. Solutions come from
 * the test heuristic (greedy load balancing, the offline objective's intent), solved per load.
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
        List<Experiment.Scenario> scenarios = mixes(1.25).stream().map(m -> {
            LatencyTable table = SixModels.latency(m);
            return new Experiment.Scenario(m.name(), m, table, (instance, latency) -> SolutionHeuristics.solve(instance, latency, true));
        }).toList();
        Map<String, Experiment.SchedulerMaker> makers = new LinkedHashMap<>();
        Schedulers.NAMES.forEach(s -> makers.put(s, sc -> Schedulers.factory(s, sc.solutions())));
        List<Long> seedList = java.util.stream.LongStream.rangeClosed(1, seeds).boxed().toList();
        Experiment.Spec spec = new Experiment.Spec(scenarios, makers, seedList, Experiment.defaultLoads(),
                List.of(LatePolicy.DROP, LatePolicy.CONTINUE), horizon);
        List<Experiment.Run> runs = Experiment.run(spec, r -> { });
        AtomicFiles.write(out.resolve("metrics.csv"), Experiment.tidyCsv(runs));
        StringBuilder report = new StringBuilder();
        List<String> baselines = List.of("fcfs", "edf", "dream");
        for (double[] range : new double[][] {{0.6, 1.6}, {1.0, 1.6}}) {
            report.append(Experiment.report(runs, TerastalScheduler.NAME, baselines, range[0], range[1])).append('\n');
        }
        AtomicFiles.write(out.resolve("report.txt"), report.toString());
        System.out.print(report);
    }
}
