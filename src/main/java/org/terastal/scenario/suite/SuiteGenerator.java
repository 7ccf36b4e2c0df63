package org.terastal.scenario.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.terastal.analysis.WorkloadAnalysis;
import org.terastal.analysis.WorkloadAnalysis.ScenarioStats;
import org.terastal.domain.Dependency;
import org.terastal.domain.DomainException;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.domain.Task;
import org.terastal.scenario.suite.Suite.SuiteSet;
import org.terastal.scenario.suite.Suite.TaskFigures;

/**
 * Draws the task sets of a workload suite with UUniFast-discard (Bini and Buttazzo, "Measuring the
 * performance of schedulability tests", Real-Time Systems 30(1-2), 2005), scaled to a target
 * fastest-engine load of the busiest engine.
 *
 * <p>Set i is drawn from its own {@link SplittableRandom}, seeded from (seed, i) alone, so any set
 * can be drawn again without the others. A draw: the number of tasks n uniformly in the range; n
 * models uniformly from the pool (repeats allowed); for each task after the first, with the cascade
 * probability, a cascade on a uniformly chosen earlier periodic task with a firing probability p
 * drawn in its range; UUniFast shares s_i (sum 1) of the periodic tasks. With w_i the work of one
 * frame (Σ over layers of the fastest original latency, ns), a periodic task runs at
 * fps_i = s_i·X / w_i and a cascaded child at exactly its parent's fps × p. Every engine's
 * fastest-engine load is linear in X, and X is set so that the busiest engine's equals the target.
 * A draw with a task above the utilisation cap, a rate outside the fps range, or a task whose frame at
 * the fastest (its work w) exceeds the shortest deadline it can draw (the smallest deadline fraction
 * of its period, or of its parent's for a cascade child, which takes its parent's deadline) is
 * discarded and the whole set drawn again; after {@value #MAX_REDRAWS} redraws the target is declared
 * unreachable.
 */
public final class SuiteGenerator {
    /** Name of the generator in manifests. */
    public static final String NAME = "terastal suite";
    /** The method, as manifests name it. */
    public static final String METHOD = "uunifast-discard";
    /** Version of the method: a change in what a seed draws gets a new version. */
    public static final int METHOD_VERSION = 1;
    /** Redraws of one set before giving up. */
    public static final int MAX_REDRAWS = 1000;

    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private final SuiteSettings settings;
    private final List<Model> pool;
    /** Per pool model: Σ over layers of the fastest original latency, ns. */
    private final long[] work;
    /** Per pool model and accelerator: Σ of the latency of the layers fastest on it, ns. */
    private final long[][] fastest;
    private final int digits;

    private SuiteGenerator(SuiteSettings settings) {
        this.settings = settings;
        this.pool = settings.pool();
        int accelerators = settings.platform().size();
        LatencyTable table = settings.latency();
        work = new long[pool.size()];
        fastest = new long[pool.size()][accelerators];
        for (int m = 0; m < pool.size(); m++) {
            Model model = pool.get(m);
            for (int l = 0; l < model.layers().size(); l++) {
                int best = 0;
                for (int a = 1; a < accelerators; a++) {
                    if (table.get(model.id(), l, Implementation.ORIGINAL, a) < table.get(model.id(), l, Implementation.ORIGINAL, best)) {
                        best = a;
                    }
                }
                long latency = table.get(model.id(), l, Implementation.ORIGINAL, best);
                fastest[m][best] += latency;
                work[m] += latency;
            }
        }
        digits = Math.max(4, Integer.toString(settings.sets() - 1).length());
    }

    /** Every set of the suite. */
    public static Suite generate(SuiteSettings settings) {
        SuiteGenerator generator = new SuiteGenerator(settings);
        List<SuiteSet> sets = new ArrayList<>();
        for (int i = 0; i < settings.sets(); i++) {
            sets.add(generator.draw(i));
        }
        return new Suite(settings, sets);
    }

    /** Set {@code index} alone: the same as in the whole suite. */
    public static SuiteSet set(SuiteSettings settings, int index) {
        if (index < 0 || index >= settings.sets()) {
            throw new IllegalArgumentException("The set index (" + index + ") must be in [0, " + settings.sets() + ")");
        }
        return new SuiteGenerator(settings).draw(index);
    }

    /**
     * UUniFast: n shares, uniformly distributed over the simplex (each in [0, 1], sum 1).
     * Bini and Buttazzo 2005, figure 2, with a total of 1.
     */
    static double[] uunifast(int n, SplittableRandom random) {
        double[] shares = new double[n];
        double sum = 1;
        for (int i = 0; i < n - 1; i++) {
            double next = sum * Math.pow(random.nextDouble(), 1.0 / (n - 1 - i));
            shares[i] = sum - next;
            sum = next;
        }
        shares[n - 1] = sum;
        return shares;
    }

    /** Seed of set {@code index}: SplitMix64's finaliser over the suite seed and the index. */
    static long setSeed(long seed, int index) {
        return mix(mix(seed) + GOLDEN * (index + 1L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * One draw: pool index of each task's model, parent task index (-1 periodic), firing probability, rate.
     * {@code failure} says why the draw is discarded, or is null.
     */
    private record Draft(int[] models, int[] parents, double[] probabilities, double[] fps, String failure) {
    }

    private SuiteSet draw(int index) {
        SplittableRandom random = new SplittableRandom(setSeed(settings.seed(), index));
        String failure = null;
        for (int redraws = 0; redraws <= MAX_REDRAWS; redraws++) {
            Draft draft = draft(random);
            if (draft.failure() == null) {
                return build(index, draft, random, redraws);
            }
            failure = draft.failure();
        }
        throw new DomainException("target", "The target (" + SuiteSettings.number(settings.target()) + ") cannot be reached with rates in "
                + settings.fps() + " fps and task utilisations up to " + SuiteSettings.number(settings.maxTaskUtil()) + ": set " + index
                + " was discarded " + (MAX_REDRAWS + 1) + " times (the last: " + failure + "); maybe a lower target, a wider fps range, "
                + "a higher maxTaskUtil or more tasks per set");
    }

    private Draft draft(SplittableRandom random) {
        SuiteSettings.IntRange range = settings.tasks();
        int n = range.min() + random.nextInt(range.max() - range.min() + 1);
        int[] models = new int[n];
        for (int i = 0; i < n; i++) {
            models[i] = random.nextInt(pool.size());
        }
        int[] parents = new int[n];
        double[] probabilities = new double[n];
        Arrays.fill(parents, -1);
        List<Integer> periodic = new ArrayList<>(List.of(0));
        for (int i = 1; i < n; i++) {
            if (settings.cascade() > 0 && random.nextDouble() < settings.cascade()) {
                parents[i] = periodic.get(random.nextInt(periodic.size()));
                probabilities[i] = settings.cascadeProbability().draw(random);
            } else {
                periodic.add(i);
            }
        }
        double[] shares = uunifast(periodic.size(), random);
        double[] share = new double[n];
        for (int k = 0; k < periodic.size(); k++) {
            share[periodic.get(k)] = shares[k];
        }
        // load of engine a = X/1e9 · coefficient[a]: a periodic task's own layers plus its children's at p times its rate
        int accelerators = settings.platform().size();
        double[] coefficient = new double[accelerators];
        for (int i = 0; i < n; i++) {
            int rateOf = parents[i] < 0 ? i : parents[i];
            double factor = share[rateOf] * (parents[i] < 0 ? 1 : probabilities[i]) / work[models[rateOf]];
            for (int a = 0; a < accelerators; a++) {
                coefficient[a] += factor * fastest[models[i]][a];
            }
        }
        double busiest = Arrays.stream(coefficient).max().orElseThrow();
        double x = settings.target() * 1e9 / busiest;
        double[] fps = new double[n];
        String failure = null;
        for (int i = 0; i < n; i++) {
            fps[i] = parents[i] < 0 ? share[i] * x / work[models[i]] : fps[parents[i]] * probabilities[i];
            double utilisation = fps[i] * work[models[i]] / 1e9;
            String what = "task " + (i + 1) + " of " + n + " (" + pool.get(models[i]).id() + ")";
            if (failure == null && !(fps[i] >= settings.fps().min() && fps[i] <= settings.fps().max())) {
                failure = what + " at " + String.format(Locale.ROOT, "%.4g", fps[i]) + " fps";
            } else if (failure == null && utilisation > settings.maxTaskUtil()) {
                failure = what + " at utilisation " + String.format(Locale.ROOT, "%.4g", utilisation);
            } else if (failure == null && work[models[i]] > shortestDeadlineNs(parents[i] < 0 ? fps[i] : fps[parents[i]])) {
                // a frame that cannot meet its deadline even alone at the fastest is no workload for any scheduler
                failure = what + " whose frame takes " + String.format(Locale.ROOT, "%.4g", work[models[i]] / 1e6) + " ms at the fastest, over "
                        + "its shortest possible deadline of " + String.format(Locale.ROOT, "%.4g", shortestDeadlineNs(parents[i] < 0 ? fps[i]
                        : fps[parents[i]]) / 1e6) + " ms";
            }
        }
        return new Draft(models, parents, probabilities, fps, failure);
    }

    /**
     * The shortest relative deadline a task can draw whose deadline is set by a task at {@code fps}
     * (itself, or a cascade child's parent): the smallest deadline fraction of that period.
     */
    private double shortestDeadlineNs(double fps) {
        return settings.deadline().min() * Math.round(1e9 / fps);
    }

    private SuiteSet build(int index, Draft draft, SplittableRandom random, int redraws) {
        int n = draft.models().length;
        Set<String> ids = new HashSet<>();
        List<Task> tasks = new ArrayList<>();
        double[] utilisation = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            String model = pool.get(draft.models()[i]).id();
            String id = model;
            for (int k = 2; !ids.add(id); k++) {
                id = model + "-" + k;
            }
            double fps = draft.fps()[i];
            Task task;
            if (draft.parents()[i] < 0) {
                long period = Math.round(1e9 / fps);
                long offset = random.nextLong(period);
                long jitter = Math.round(settings.jitter() * period);
                long deadline = settings.implicitDeadlines() ? 0 : Math.max(1, Math.round(settings.deadline().draw(random) * period));
                task = new Task(id, model, fps, deadline, offset, jitter, null, 1.0);
            } else {
                Task parent = tasks.get(draft.parents()[i]);
                task = new Task(id, model, fps, parent.effectiveDeadlineNs(), 0, 0, new Dependency(parent.id(), draft.probabilities()[i]), 1.0);
            }
            tasks.add(task);
            utilisation[i] = fps * work[draft.models()[i]] / 1e9;
            total += utilisation[i];
        }
        List<Model> models = pool.stream().filter(m -> tasks.stream().anyMatch(t -> t.model().equals(m.id()))).toList();
        String name = String.format(Locale.ROOT, "%s-%0" + digits + "d", settings.name(), index);
        Instance instance = new Instance(name, description(index, n, redraws), settings.platform(), models, tasks);
        ScenarioStats stats = WorkloadAnalysis.analyse(instance, settings.latency());
        List<TaskFigures> figures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            figures.add(new TaskFigures(tasks.get(i), utilisation[i], utilisation[i] / total));
        }
        List<Double> loads = Arrays.stream(stats.preferredLoad()).boxed().toList();
        return new SuiteSet(index, instance, name + ".json", redraws, figures, loads, stats.balancedBound());
    }

    private String description(int index, int n, int redraws) {
        SuiteSettings s = settings;
        String cascades = s.cascade() == 0 ? "no cascades"
                : "cascades with probability " + SuiteSettings.number(s.cascade()) + " firing with p in " + s.cascadeProbability();
        String deadlines = s.implicitDeadlines() ? "implicit deadlines" : "deadlines of " + s.deadline() + " periods";
        return "Random task set " + index + " of suite '" + s.name() + "' (" + NAME + ", " + METHOD + "/" + METHOD_VERSION + ", seed "
                + s.seed() + "): " + n + " tasks drawn from a pool of " + pool.size() + " models, UUniFast utilisation shares "
                + "(Bini and Buttazzo 2005), rates scaled so that the busiest engine's fastest-engine load is "
                + SuiteSettings.number(s.target()) + " under " + s.latency().source() + ", rates in " + s.fps() + " fps, task utilisation "
                + "at most " + SuiteSettings.number(s.maxTaskUtil()) + ", " + cascades + ", " + deadlines + ", release offsets uniform "
                + "in [0, T), jitter " + SuiteSettings.number(s.jitter()) + " T; " + redraws + " redraws. See suite.json.";
    }
}
