package org.terastal.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.terastal.domain.AccuracyRow;
import org.terastal.domain.AccuracyTable;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Dependency;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.domain.VariantCandidate;

/**
 * Seeded generator of small random scheduling problems for property tests: 1–3 accelerators, 1–3
 * models of 1–6 layers with variant candidates and a (sometimes incomplete) accuracy table, one
 * periodic task per model with random rate (loads from light to overloaded), offset, jitter and
 * deadline, sometimes a cascade, and a random latency table skewed towards the first accelerator.
 */
public final class RandomInstances {
    /** A generated problem. */
    public record Case(long seed, Instance instance, LatencyTable latency, long horizonNs) {
    }

    private RandomInstances() {
    }

    public static Case generate(long seed) {
        Random rnd = new Random(seed);
        int accs = 1 + rnd.nextInt(3);
        List<Accelerator> accelerators = new ArrayList<>();
        for (int a = 0; a < accs; a++) {
            accelerators.add(new Accelerator("a" + a, Dataflow.values()[a % 3], 256, 1000, 64, 64, 1 << 20, 4096));
        }
        Platform platform = new Platform("random", accelerators);
        int nModels = 1 + rnd.nextInt(3);
        List<Model> models = new ArrayList<>();
        for (int m = 0; m < nModels; m++) {
            int n = 1 + rnd.nextInt(6);
            List<Layer> layers = new ArrayList<>();
            List<VariantCandidate> cands = new ArrayList<>();
            for (int l = 0; l < n; l++) {
                layers.add(new Layer("L" + l, LayerType.CONV, 1, 16, 16, 8, 8, 3, 3, 1, 1));
                if (rnd.nextDouble() < 0.4) {
                    cands.add(new VariantCandidate("L" + l, 2));
                }
            }
            AccuracyTable acc = null;
            if (!cands.isEmpty()) {
                List<AccuracyRow> rows = new ArrayList<>();
                rows.add(new AccuracyRow(List.of(), 80, null));
                for (int mask = 1; mask < (1 << cands.size()); mask++) {
                    if (rnd.nextDouble() < 0.1) {
                        continue; // an unmeasured combination
                    }
                    List<String> v = new ArrayList<>();
                    for (int i = 0; i < cands.size(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            v.add(cands.get(i).layer());
                        }
                    }
                    rows.add(new AccuracyRow(v, 80 * (1 - 0.04 * rnd.nextDouble() * v.size()), null));
                }
                acc = new AccuracyTable("top1", true, rows);
            }
            models.add(new Model("m" + m, "", layers, cands, acc, 0.97));
        }
        // latencies first: the rates are set from them
        Instance shape = new Instance("random-" + seed, "", platform, models,
                List.of(new Task("t", "m0", 1, 0, 0, 0, null, 1)));
        LatencyTable.Builder b = LatencyTable.builder(shape, "random-" + seed);
        long[] work = new long[nModels];
        for (int m = 0; m < nModels; m++) {
            Model model = models.get(m);
            for (int l = 0; l < model.layers().size(); l++) {
                long base = 50_000 + rnd.nextInt(1_950_000);
                work[m] += base;
                boolean cand = model.candidate("L" + l).isPresent();
                for (int a = 0; a < accs; a++) {
                    double slow = a == 0 ? 1 : 1 + 1.5 * rnd.nextDouble();
                    b.put(model.id(), l, Implementation.ORIGINAL, a, Math.max(1, Math.round(base * slow)));
                    if (cand) {
                        b.put(model.id(), l, Implementation.VARIANT, a, Math.max(1, Math.round(base * (0.3 + 0.9 * rnd.nextDouble()))));
                    }
                }
            }
        }
        LatencyTable table = b.build();
        double load = 0.3 + 1.3 * rnd.nextDouble();
        List<Task> tasks = new ArrayList<>();
        for (int m = 0; m < nModels; m++) {
            double fps = load / nModels / (work[m] / 1e9);
            long period = Math.round(1e9 / fps);
            long deadline = rnd.nextBoolean() ? 0 : Math.round(period * (0.8 + 0.8 * rnd.nextDouble()));
            long offset = rnd.nextBoolean() ? 0 : (long) (rnd.nextDouble() * period);
            long jitter = rnd.nextBoolean() ? 0 : (long) (rnd.nextDouble() * 0.3 * period);
            Dependency dep = null;
            if (m > 0 && rnd.nextDouble() < 0.35) {
                int parent = rnd.nextInt(m);
                dep = new Dependency("t" + parent, 0.3 + 0.7 * rnd.nextDouble());
                fps = Instance.cascadeRate(tasks.get(parent).fps(), dep.probability());
                jitter = 0;
            }
            tasks.add(new Task("t" + m, "m" + m, fps, deadline, offset, jitter, dep, 0.5 + rnd.nextDouble()));
        }
        Instance instance = new Instance("random-" + seed, "seeded random instance", platform, models, tasks);
        long horizon = 100_000_000L + (long) (rnd.nextDouble() * 400_000_000L);
        return new Case(seed, instance, table, horizon);
    }
}
