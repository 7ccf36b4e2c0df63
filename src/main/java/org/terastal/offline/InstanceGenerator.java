package org.terastal.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.terastal.domain.Accelerator;
import org.terastal.domain.AccuracyRow;
import org.terastal.domain.AccuracyTable;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Instance;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.domain.VariantCandidate;

/**
 * Synthetic instances for scaling experiments, a pure function of the settings (same seed, same
 * instance). Documented in docs/offline.md:
 * <ul>
 *   <li>Platform: {@code accelerators} engines like XRBench-MAESTRO's Dual_4K ones (2048 PEs,
 *       1 GHz, NoC and off-chip bandwidth 128 words/cycle, 2 MiB global buffer, 8 KiB per PE),
 *       dataflows cycling WS, OS, RS, WS; ids {@code ws, os, rs, ws2}.</li>
 *   <li>Model {@code gNN}: a chain of {@code layers} layers in five stages of halving spatial size
 *       (112 down to 7) and doubling channels (32 up to 512, ×1 or ×2 at random): a stride-2 3x3
 *       stem, then 1x1 convs (60%), 3x3 convs (25%) and depthwise 3x3 convs (15%), a stride-2 3x3
 *       conv opening each stage, and a final FC classifier of 1000 outputs.</li>
 *   <li>Variant candidates: 2–6 random CONV/FC layers of the last two stages whose K and C are
 *       divisible by 4, with r = 2.</li>
 *   <li>Accuracy: metric {@code top1_pct}, baseline 70–80; candidate k alone drops d_k, uniform
 *       in 0.2–4% of the baseline; a combination S drops {@code Σ_{k∈S} d_k · (1 + 0.25·(|S|−1))},
 *       so accuracy falls with every added variant (monotone). Every combination of up to three
 *       candidates is "measured"; larger ones are not, so they are never admissible. Floor 0.97.</li>
 *   <li>Tasks: one per model, rate drawn from 5, 10, 15, 20, 30, 60 fps, then all rates scaled
 *       together so that the ideal load of the first accelerator (MACs at one per PE per cycle)
 *       is {@code load}; deadline = period. Real latencies are several times the ideal, so the
 *       default 0.5 overloads a WS-only mapping.</li>
 * </ul>
 */
public final class InstanceGenerator {
    /** Largest sizes the generator accepts (and the scaling benchmark uses). */
    public static final int MAX_MODELS = 32;
    public static final int MAX_LAYERS = 200;
    public static final int MAX_ACCELERATORS = 4;
    /** Smallest layer count: stem, one layer per stage, classifier. */
    public static final int MIN_LAYERS = 7;

    private static final Dataflow[] DATAFLOWS = {Dataflow.WS, Dataflow.OS, Dataflow.RS, Dataflow.WS};
    private static final String[] IDS = {"ws", "os", "rs", "ws2"};
    private static final int PES = 2048;
    private static final double CLOCK_MHZ = 1000.0;
    private static final int BANDWIDTH = 128;
    private static final long GLOBAL_BUFFER_BYTES = 2L << 20;
    private static final long LOCAL_MEMORY_BYTES = 8L << 10;
    private static final int STAGES = 5;
    private static final double[] RATES = {5, 10, 15, 20, 30, 60};
    private static final double FLOOR = 0.97;

    /**
     * Generator settings.
     *
     * @param seed         random seed
     * @param models       number of models, 1–32
     * @param layers       layers per model, 7–200
     * @param accelerators number of accelerators, 1–4
     * @param load         ideal load of the first accelerator, positive
     */
    public record Settings(long seed, int models, int layers, int accelerators, double load) {
        public Settings {
            range(models, 1, MAX_MODELS, "models");
            range(layers, MIN_LAYERS, MAX_LAYERS, "layers");
            range(accelerators, 1, MAX_ACCELERATORS, "accelerators");
            if (!(load > 0) || Double.isInfinite(load)) {
                throw new IllegalArgumentException("The load (" + load + ") of the generator must be a positive number, e.g. 0.5");
            }
        }

        private static void range(int value, int min, int max, String field) {
            if (value < min || value > max) {
                throw new IllegalArgumentException("The " + field + " (" + value + ") of the generator must be in " + min + "–" + max);
            }
        }
    }

    private InstanceGenerator() {
    }

    public static Instance generate(Settings s) {
        SplittableRandom random = new SplittableRandom(s.seed());
        List<Accelerator> accs = new ArrayList<>();
        for (int a = 0; a < s.accelerators(); a++) {
            accs.add(new Accelerator(IDS[a], DATAFLOWS[a], PES, CLOCK_MHZ, BANDWIDTH, BANDWIDTH, GLOBAL_BUFFER_BYTES, LOCAL_MEMORY_BYTES));
        }
        Platform platform = new Platform("synthetic " + s.accelerators() + "x2048", accs);
        List<Model> models = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        double idealLoad = 0;
        for (int m = 0; m < s.models(); m++) {
            Model model = model(String.format(Locale.ROOT, "g%02d", m), s.layers(), random);
            models.add(model);
            double fps = RATES[random.nextInt(RATES.length)];
            rates.add(fps);
            idealLoad += fps * model.macs() / (PES * CLOCK_MHZ * 1e6);
        }
        double scale = s.load() / idealLoad;
        List<Task> tasks = new ArrayList<>();
        for (int m = 0; m < s.models(); m++) {
            double fps = Math.round(rates.get(m) * scale * 1000) / 1000.0;
            tasks.add(new Task(models.get(m).id(), models.get(m).id(), Math.max(0.001, fps), 0, 0, 0, null, 1.0));
        }
        String name = String.format(Locale.ROOT, "gen-s%d-m%d-l%d-a%d", s.seed(), s.models(), s.layers(), s.accelerators());
        String description = String.format(Locale.ROOT, "terastal generate --seed %d --models %d --layers %d --accelerators %d --load %s",
                s.seed(), s.models(), s.layers(), s.accelerators(), s.load());
        return new Instance(name, description, platform, models, tasks);
    }

    private static Model model(String id, int count, SplittableRandom random) {
        List<Layer> layers = new ArrayList<>();
        int size = 224;
        int channels = 3;
        layers.add(new Layer("stem", LayerType.CONV, 1, 32, channels, size, size, 3, 3, 2, 1));
        size = 112;
        channels = 32;
        int body = count - 2;
        int[] stageOf = new int[body];
        for (int i = 0; i < body; i++) {
            stageOf[i] = i * STAGES / body;
        }
        for (int i = 0; i < body; i++) {
            int stage = stageOf[i];
            boolean opensStage = i > 0 && stageOf[i - 1] != stage;
            String name = "s" + stage + "_" + i;
            if (opensStage) {
                int out = Math.min(1024, 32 << stage) * (random.nextBoolean() ? 1 : 2);
                layers.add(new Layer(name, LayerType.CONV, 1, out, channels, size, size, 3, 3, 2, 1));
                size = Math.max(7, size / 2);
                channels = out;
                continue;
            }
            double kind = random.nextDouble();
            if (kind < 0.15) {
                layers.add(new Layer(name, LayerType.DSCONV, 1, 1, channels, size, size, 3, 3, 1, 1));
            } else if (kind < 0.40) {
                layers.add(new Layer(name, LayerType.CONV, 1, channels, channels, size, size, 3, 3, 1, 1));
            } else {
                int out = (32 << stage) * (random.nextBoolean() ? 1 : 2);
                layers.add(new Layer(name, LayerType.CONV, 1, out, channels, size, size, 1, 1, 1, 0));
                channels = out;
            }
        }
        layers.add(new Layer("fc", LayerType.FC, 1, 1000, channels, 1, 1, 1, 1, 1, 0));

        List<Integer> eligible = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            boolean late = l == layers.size() - 1 || l >= 1 && stageOf[l - 1] >= STAGES - 2;
            if (late && layer.type() != LayerType.DSCONV && layer.k() % 4 == 0 && layer.c() % 4 == 0 && l > 0) {
                eligible.add(l);
            }
        }
        int want = Math.min(eligible.size(), 2 + random.nextInt(5));
        TreeSet<Integer> chosen = new TreeSet<>();
        while (chosen.size() < want) {
            chosen.add(eligible.get(random.nextInt(eligible.size())));
        }
        List<VariantCandidate> candidates = chosen.stream().map(l -> new VariantCandidate(layers.get(l).name(), 2)).toList();
        return new Model(id, "synthetic (InstanceGenerator)", layers, candidates, accuracy(candidates, random), FLOOR);
    }

    private static AccuracyTable accuracy(List<VariantCandidate> candidates, SplittableRandom random) {
        double baseline = Math.round((70 + 10 * random.nextDouble()) * 100) / 100.0;
        double[] drop = new double[candidates.size()];
        for (int k = 0; k < drop.length; k++) {
            drop[k] = 0.002 + 0.038 * random.nextDouble();
        }
        List<AccuracyRow> rows = new ArrayList<>();
        int n = candidates.size();
        for (int mask = 0; mask < (1 << n); mask++) {
            int size = Integer.bitCount(mask);
            if (size > 3) {
                continue;
            }
            List<String> names = new ArrayList<>();
            double sum = 0;
            for (int k = 0; k < n; k++) {
                if ((mask & (1 << k)) != 0) {
                    names.add(candidates.get(k).layer());
                    sum += drop[k];
                }
            }
            double value = baseline * (1 - sum * (1 + 0.25 * Math.max(0, size - 1)));
            rows.add(new AccuracyRow(names, Math.round(value * 100) / 100.0, size == 0 ? null : "synthetic"));
        }
        return new AccuracyTable("top1_pct", true, rows);
    }
}
