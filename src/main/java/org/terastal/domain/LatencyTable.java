package org.terastal.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency in integer ns of every (model, layer, implementation, accelerator) of an instance.
 * Variant entries exist exactly for the candidate layers. Immutable; built with {@link #builder}.
 */
public final class LatencyTable {
    /** Marks an entry that does not exist (the variant of a non-candidate layer). */
    public static final long NONE = -1;

    private final String source;
    private final List<String> accelerators;
    private final Map<String, long[][][]> byModel;

    private LatencyTable(String source, List<String> accelerators, Map<String, long[][][]> byModel) {
        this.source = source;
        this.accelerators = accelerators;
        this.byModel = byModel;
    }

    /** Where the figures come from, e.g. {@code builtin-costmodel/1} or a CSV file name. */
    public String source() {
        return source;
    }

    /** Accelerator ids in platform order. */
    public List<String> accelerators() {
        return accelerators;
    }

    /** Latency in ns, or {@link #NONE} for the variant of a non-candidate layer. */
    public long get(String model, int layer, Implementation impl, int accelerator) {
        long[][][] table = byModel.get(model);
        if (table == null) {
            throw new IllegalArgumentException("The latency table has no model '" + model + "'");
        }
        return table[layer][impl.ordinal()][accelerator];
    }

    /** Whether the table covers that model. */
    public boolean hasModel(String model) {
        return byModel.containsKey(model);
    }

    /** Start a table for an instance: every original entry must be set before {@link Builder#build()}. */
    public static Builder builder(Instance instance, String source) {
        return new Builder(instance, source);
    }

    /** Collects entries and checks completeness. */
    public static final class Builder {
        private final Instance instance;
        private final String source;
        private final Map<String, long[][][]> byModel = new LinkedHashMap<>();

        private Builder(Instance instance, String source) {
            this.instance = instance;
            this.source = source;
            int accelerators = instance.platform().size();
            for (Model model : instance.models()) {
                long[][][] table = new long[model.layers().size()][2][accelerators];
                for (long[][] layer : table) {
                    for (long[] impl : layer) {
                        java.util.Arrays.fill(impl, NONE);
                    }
                }
                byModel.put(model.id(), table);
            }
        }

        /** Sets one entry; the latency must be positive and the entry must exist in the instance. */
        public Builder put(String model, int layer, Implementation impl, int accelerator, long latencyNs) {
            long[][][] table = byModel.get(model);
            if (table == null) {
                throw new IllegalArgumentException("The model ('" + model + "') of a latency entry is not in instance '" + instance.name() + "'");
            }
            Model m = instance.model(model);
            String layerName = m.layers().get(layer).name();
            if (impl == Implementation.VARIANT && m.candidate(layerName).isEmpty()) {
                throw new IllegalArgumentException("The latency entry for the variant of layer '" + layerName + "' of model '" + model
                        + "' has no candidate to belong to; only variant candidates have variant latencies");
            }
            if (latencyNs <= 0 || latencyNs > Limits.MAX_LATENCY_NS) {
                throw new IllegalArgumentException("The latency (" + latencyNs + " ns) of layer '" + layerName + "' of model '" + model
                        + "' must be in [1, " + Limits.format(Limits.MAX_LATENCY_NS) + "] ns");
            }
            table[layer][impl.ordinal()][accelerator] = latencyNs;
            return this;
        }

        /** The table; fails naming the first missing entry. */
        public LatencyTable build() {
            List<String> accs = instance.platform().accelerators().stream().map(Accelerator::id).toList();
            for (Model model : instance.models()) {
                long[][][] table = byModel.get(model.id());
                for (int l = 0; l < table.length; l++) {
                    boolean candidate = model.candidate(model.layers().get(l).name()).isPresent();
                    for (Implementation impl : Implementation.values()) {
                        if (impl == Implementation.VARIANT && !candidate) {
                            continue;
                        }
                        for (int a = 0; a < accs.size(); a++) {
                            if (table[l][impl.ordinal()][a] == NONE) {
                                throw new IllegalArgumentException("The latency table misses the " + impl.label() + " of layer '"
                                        + model.layers().get(l).name() + "' of model '" + model.id() + "' on accelerator '"
                                        + accs.get(a) + "'; a table must cover every layer of the instance");
                            }
                        }
                    }
                }
            }
            checkUtilisation();
            Map<String, long[][][]> copy = new LinkedHashMap<>();
            byModel.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return new LatencyTable(source, accs, copy);
        }

        /**
         * Every load the toolkit sums (in ppm, in 64-bit integers) is at most the instance's utilisation
         * on the slowest choices; bounding it here bounds them all. Entries are at most
         * {@link Limits#MAX_LATENCY_NS} and models at most {@link Limits#MAX_LAYERS} long, so the sums
         * of a model's latencies (below 1e16 ns) cannot overflow.
         */
        private void checkUtilisation() {
            double total = 0;
            String heaviest = null;
            double heaviestShare = -1;
            for (Task task : instance.tasks()) {
                long[][][] table = byModel.get(task.model());
                long slowest = 0;
                for (long[][] layer : table) {
                    long worst = 0;
                    for (long[] impl : layer) {
                        for (long ns : impl) {
                            worst = Math.max(worst, ns);
                        }
                    }
                    slowest += worst;
                }
                double share = task.fps() * slowest / 1e9;
                total += share;
                if (share > heaviestShare) {
                    heaviestShare = share;
                    heaviest = task.id();
                }
            }
            if (total > Limits.MAX_UTILISATION) {
                throw new IllegalArgumentException("The utilisation of instance '" + instance.name() + "' under the latencies of " + source
                        + " (" + String.format(java.util.Locale.ROOT, "%.3g", total) + " accelerators' worth, summed over tasks of fps × the"
                        + " slowest latency of a frame) exceeds " + Limits.format(Limits.MAX_UTILISATION) + "; task '" + heaviest
                        + "' alone needs " + String.format(java.util.Locale.ROOT, "%.3g", heaviestShare) + "; maybe a rate or a latency is mistyped");
            }
        }

        private static long[][][] deepCopy(long[][][] t) {
            long[][][] c = new long[t.length][][];
            for (int i = 0; i < t.length; i++) {
                c[i] = new long[t[i].length][];
                for (int j = 0; j < t[i].length; j++) {
                    c[i][j] = t[i][j].clone();
                }
            }
            return c;
        }
    }
}
