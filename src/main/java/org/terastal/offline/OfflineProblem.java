package org.terastal.offline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.domain.Task;
import org.terastal.domain.VariantCandidate;

/**
 * The integer data of the offline stage for one instance, latency table and load cap: every
 * figure the formulations and the decoder use, computed once by the rules below (docs/offline.md).
 *
 * <ul>
 *   <li>Only models that some task runs are planned; a model's rate is the sum of its tasks' fps
 *       (a cascaded task's fps is its parent's times the probability, the rate the simulator
 *       releases it at, as the instance checks) and its deadline the smallest relative deadline of
 *       those tasks.</li>
 *   <li>Load of running one implementation of a layer on an accelerator, in ppm of that
 *       accelerator's time: {@code round(latency_ns · fps / 1000)}.</li>
 *   <li>Work of a layer (the weight of migratable work): the load of its original on its
 *       fastest accelerator.</li>
 *   <li>An admissible variant set is a measured combination all of whose subsets are measured
 *       and have normalised accuracy ≥ the model's floor; its loss is
 *       {@code round((1 − worst subset accuracy) · 1e6)} ppm. A candidate in no admissible set
 *       other than the empty one never runs as a variant.</li>
 * </ul>
 *
 * <p>Times are in ns unless the problem was coarsened for a back-end of 32-bit integers
 * ({@link #inTimeUnit}); then latencies and deadlines count units of {@link #timeUnitNs()} ns,
 * while loads and work stay those of the ns latencies.
 */
public final class OfflineProblem {
    /** Parts per million: loads, work and accuracy loss are integers in this unit. */
    public static final long PPM = 1_000_000L;

    /**
     * An admissible variant set of a model.
     *
     * @param layers        candidate layers in the set, in candidate order
     * @param worstAccuracy lowest normalised accuracy over all subsets (1.0 for the empty set)
     * @param lossPpm       {@code round((1 − worstAccuracy) · 1e6)}
     */
    public record VariantSet(List<String> layers, double worstAccuracy, long lossPpm) {
        public VariantSet {
            layers = List.copyOf(layers);
        }
    }

    /**
     * One layer's figures.
     *
     * @param name      layer name
     * @param candidate index of the layer in its model's live candidates, or -1 when it never runs as a variant
     * @param latencyNs latency by implementation ordinal and accelerator (in the problem's {@link #timeUnitNs() time unit});
     *                  the variant row is null when {@code candidate < 0}
     * @param loadPpm   load by implementation ordinal and accelerator, same shape
     * @param workPpm   load of the original on its fastest accelerator
     */
    public record LayerData(String name, int candidate, long[][] latencyNs, long[][] loadPpm, long workPpm) {
        /** Whether the variant is an option for this layer. */
        public boolean hasVariant() {
            return candidate >= 0;
        }

        /** Implementations this layer may run (the variant only if some admissible set contains it). */
        public List<Implementation> implementations() {
            return hasVariant() ? List.of(Implementation.ORIGINAL, Implementation.VARIANT) : List.of(Implementation.ORIGINAL);
        }

        public long latency(Implementation impl, int accelerator) {
            return latencyNs[impl.ordinal()][accelerator];
        }

        public long load(Implementation impl, int accelerator) {
            return loadPpm[impl.ordinal()][accelerator];
        }

        /** Fastest latency over accelerators and the implementations this layer may run. */
        public long fastestNs() {
            long best = Long.MAX_VALUE;
            for (Implementation impl : implementations()) {
                for (long ns : latencyNs[impl.ordinal()]) {
                    best = Math.min(best, ns);
                }
            }
            return best;
        }
    }

    /**
     * One planned model.
     *
     * @param model      the model
     * @param fps        summed rate of the tasks running it
     * @param deadlineNs smallest relative deadline of those tasks (in the problem's {@link #timeUnitNs() time unit})
     * @param layers     per-layer figures, in layer order
     * @param candidates live candidates: those in some non-empty admissible set, in the model's candidate order
     * @param admissible admissible variant sets, the empty set first, then by size and candidate order
     */
    public record ModelData(Model model, double fps, long deadlineNs, List<LayerData> layers, List<String> candidates,
                            List<VariantSet> admissible) {
        public ModelData {
            layers = List.copyOf(layers);
            candidates = List.copyOf(candidates);
            admissible = List.copyOf(admissible);
        }

        public String id() {
            return model.id();
        }

        /** The admissible set with exactly these layers, or null. */
        public VariantSet admissibleSet(Set<String> layersInSet) {
            return admissible.stream().filter(s -> Set.copyOf(s.layers()).equals(layersInSet)).findFirst().orElse(null);
        }

        /** Sum over layers of the fastest latency (any accelerator, admissible implementations). */
        public long fastestChainNs() {
            return layers.stream().mapToLong(LayerData::fastestNs).sum();
        }
    }

    private final Instance instance;
    private final LatencyTable latencies;
    private final long capPpm;
    private final long timeUnitNs;
    private final List<String> accelerators;
    private final List<ModelData> models;

    private OfflineProblem(Instance instance, LatencyTable latencies, long capPpm, long timeUnitNs, List<ModelData> models) {
        this.instance = instance;
        this.latencies = latencies;
        this.capPpm = capPpm;
        this.timeUnitNs = timeUnitNs;
        this.accelerators = instance.platform().accelerators().stream().map(a -> a.id()).toList();
        this.models = List.copyOf(models);
    }

    /**
     * The figures of an instance.
     *
     * @param capPpm highest admissible load of any accelerator, in ppm (1 000 000 = fully busy)
     * @throws IllegalArgumentException when the latency table is for another platform or lacks a model
     */
    public static OfflineProblem of(Instance instance, LatencyTable latencies, long capPpm) {
        if (capPpm <= 0) {
            throw new IllegalArgumentException("The cap (" + capPpm + " ppm) must be positive; maybe --cap 1.0");
        }
        List<String> ids = instance.platform().accelerators().stream().map(a -> a.id()).toList();
        if (!latencies.accelerators().equals(ids)) {
            throw new IllegalArgumentException("The accelerators " + latencies.accelerators() + " of latency table '" + latencies.source()
                    + "' are not those of instance '" + instance.name() + "' " + ids + "; maybe the table belongs to another platform");
        }
        List<ModelData> models = new ArrayList<>();
        for (Model model : instance.models()) {
            List<Task> tasks = instance.tasks().stream().filter(t -> t.model().equals(model.id())).toList();
            if (tasks.isEmpty()) {
                continue;
            }
            if (!latencies.hasModel(model.id())) {
                throw new IllegalArgumentException("The latency table '" + latencies.source() + "' has no figures for model '" + model.id()
                        + "' of instance '" + instance.name() + "'; maybe it was made for another instance");
            }
            models.add(modelData(model, tasks, latencies, ids.size()));
        }
        return new OfflineProblem(instance, latencies, capPpm, 1, models);
    }

    /** The same problem under another cap (the diagnosis re-solves without the user's cap). */
    public OfflineProblem withCap(long otherCapPpm) {
        return new OfflineProblem(instance, latencies, otherCapPpm, timeUnitNs, models);
    }

    /**
     * The same problem with times in units of {@code unitNs} ns, rounded so that whatever holds in
     * units holds in ns: latencies up, deadlines down. A plan of the coarse problem, its budgets
     * taken times the unit, is a plan of this one; loads and work are unchanged. When every
     * latency and deadline is a multiple of the unit, the two problems have the same plans.
     *
     * @param unitNs the unit, ns; a problem already coarsened cannot be coarsened again
     */
    public OfflineProblem inTimeUnit(long unitNs) {
        if (unitNs < 1 || timeUnitNs != 1) {
            throw new IllegalArgumentException("The time unit (" + unitNs + " ns) must be positive, and the problem in ns (its unit is "
                    + timeUnitNs + " ns)");
        }
        if (unitNs == 1) {
            return this;
        }
        List<ModelData> coarse = new ArrayList<>();
        for (ModelData m : models) {
            List<LayerData> layers = new ArrayList<>();
            for (LayerData l : m.layers()) {
                long[][] units = new long[l.latencyNs().length][];
                for (int i = 0; i < units.length; i++) {
                    if (l.latencyNs()[i] != null) {
                        units[i] = java.util.Arrays.stream(l.latencyNs()[i]).map(ns -> -Math.floorDiv(-ns, unitNs)).toArray();
                    }
                }
                layers.add(new LayerData(l.name(), l.candidate(), units, l.loadPpm(), l.workPpm()));
            }
            coarse.add(new ModelData(m.model(), m.fps(), Math.floorDiv(m.deadlineNs(), unitNs), layers, m.candidates(), m.admissible()));
        }
        return new OfflineProblem(instance, latencies, capPpm, unitNs, coarse);
    }

    /** The unit of this problem's latencies and deadlines, ns (1 unless {@link #inTimeUnit coarsened}). */
    public long timeUnitNs() {
        return timeUnitNs;
    }

    /** Load in ppm of running {@code latencyNs} at {@code fps} frames per second: {@code round(latency · fps / 1000)}. */
    public static long loadPpm(long latencyNs, double fps) {
        return Math.round(latencyNs * fps / 1000.0);
    }

    private static ModelData modelData(Model model, List<Task> tasks, LatencyTable latencies, int accs) {
        double fps = tasks.stream().mapToDouble(Task::fps).sum();
        long deadline = tasks.stream().mapToLong(Task::effectiveDeadlineNs).min().orElseThrow();
        List<VariantSet> admissible = admissibleSets(model);
        Set<String> live = new TreeSet<>();
        admissible.forEach(s -> live.addAll(s.layers()));
        List<String> candidates = model.candidates().stream().map(VariantCandidate::layer).filter(live::contains).toList();
        List<LayerData> layers = new ArrayList<>();
        for (int l = 0; l < model.layers().size(); l++) {
            String name = model.layers().get(l).name();
            int candidate = candidates.indexOf(name);
            long[][] ns = new long[2][];
            long[][] ppm = new long[2][];
            for (Implementation impl : Implementation.values()) {
                if (impl == Implementation.VARIANT && candidate < 0) {
                    continue;
                }
                ns[impl.ordinal()] = new long[accs];
                ppm[impl.ordinal()] = new long[accs];
                for (int a = 0; a < accs; a++) {
                    ns[impl.ordinal()][a] = latencies.get(model.id(), l, impl, a);
                    ppm[impl.ordinal()][a] = loadPpm(ns[impl.ordinal()][a], fps);
                }
            }
            long fastestOriginal = java.util.Arrays.stream(ns[Implementation.ORIGINAL.ordinal()]).min().orElseThrow();
            layers.add(new LayerData(name, candidate, ns, ppm, loadPpm(fastestOriginal, fps)));
        }
        return new ModelData(model, fps, deadline, layers, candidates, admissible);
    }

    /** The measured combinations whose every subset is measured and meets the floor, empty set first. */
    static List<VariantSet> admissibleSets(Model model) {
        List<String> order = model.candidates().stream().map(VariantCandidate::layer).toList();
        List<VariantSet> sets = new ArrayList<>();
        sets.add(new VariantSet(List.of(), 1.0, 0));
        if (model.accuracy() == null) {
            return sets;
        }
        for (var row : model.accuracy().rows()) {
            List<String> members = order.stream().filter(row.combination()::contains).toList();
            if (members.isEmpty()) {
                continue;
            }
            double worst = 1.0;
            boolean ok = true;
            for (int mask = 1; mask < (1 << members.size()) && ok; mask++) {
                Set<String> subset = new TreeSet<>();
                for (int i = 0; i < members.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        subset.add(members.get(i));
                    }
                }
                OptionalDouble acc = model.normalisedAccuracy(subset);
                ok = acc.isPresent() && acc.getAsDouble() >= model.accuracyFloor();
                if (ok) {
                    worst = Math.min(worst, acc.getAsDouble());
                }
            }
            if (ok) {
                sets.add(new VariantSet(members, worst, Math.round((1.0 - worst) * PPM)));
            }
        }
        List<VariantSet> sorted = new ArrayList<>(sets);
        Collections.sort(sorted.subList(1, sorted.size()), (a, b) -> {
            if (a.layers().size() != b.layers().size()) {
                return Integer.compare(a.layers().size(), b.layers().size());
            }
            for (int i = 0; i < a.layers().size(); i++) {
                int c = Integer.compare(order.indexOf(a.layers().get(i)), order.indexOf(b.layers().get(i)));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return sorted;
    }

    public Instance instance() {
        return instance;
    }

    public LatencyTable latencies() {
        return latencies;
    }

    /** Highest admissible load of any accelerator, ppm. */
    public long capPpm() {
        return capPpm;
    }

    /** Accelerator ids, platform order. */
    public List<String> accelerators() {
        return accelerators;
    }

    /** Planned models, instance order. */
    public List<ModelData> models() {
        return models;
    }

    /**
     * Load of each accelerator (ppm) when every layer runs its original on its fastest accelerator
     * (the first on a tie): the skew the offline stage starts from.
     */
    public long[] preferredLoads() {
        long[] load = new long[accelerators.size()];
        for (ModelData m : models) {
            for (LayerData l : m.layers()) {
                int best = 0;
                for (int a = 1; a < accelerators.size(); a++) {
                    if (l.latency(Implementation.ORIGINAL, a) < l.latency(Implementation.ORIGINAL, best)) {
                        best = a;
                    }
                }
                load[best] += l.load(Implementation.ORIGINAL, best);
            }
        }
        return load;
    }

    /** Load of one engine if every layer of every model ran there with every admissible variant: an upper bound for load variables. */
    public long maxConceivableLoadPpm() {
        long worst = 0;
        for (int a = 0; a < accelerators.size(); a++) {
            long sum = 0;
            for (ModelData m : models) {
                for (LayerData l : m.layers()) {
                    long most = 0;
                    for (Implementation impl : l.implementations()) {
                        most = Math.max(most, l.load(impl, a));
                    }
                    sum += most;
                }
            }
            worst = Math.max(worst, sum);
        }
        return worst;
    }
}
