package org.terastal.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.terastal.domain.Implementation;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.offline.ModelIr.Var;
import org.terastal.offline.OfflineFormulation.Encoding;
import org.terastal.offline.OfflineFormulation.LayerVars;
import org.terastal.offline.OfflineFormulation.ModelVars;
import org.terastal.offline.OfflineProblem.LayerData;
import org.terastal.offline.OfflineProblem.ModelData;

/**
 * An earlier solution as the start of a new solve after the workload changed (a rate, a task or
 * model added or removed, a new latency table): the parts of its plan that still apply to the new
 * problem become solver hints, the rest is dropped and named in {@link #dropped()}.
 *
 * <p>What applies: a plan of a model the problem still plans; its enabled variants that are
 * still live candidates, when together they still form an admissible set (else the model starts
 * from no variants); per layer found by name, its home when that accelerator is still on the
 * platform, its implementation when still allowed (else the original), and its budget. A layer
 * the previous plan does not have starts on the accelerator where it loads least. A hint decides
 * where the search starts, not what it may find: a proven optimum is the same as without it.
 */
public final class WarmStart {
    private final String file;
    private final String checksum;
    private final Map<String, Set<String>> variants;
    private final Map<String, Map<String, LayerPlan>> layers;
    private final List<String> dropped;
    private final int keptLayers;
    private final int problemLayers;

    private WarmStart(String file, String checksum, Map<String, Set<String>> variants, Map<String, Map<String, LayerPlan>> layers,
                      List<String> dropped, int keptLayers, int problemLayers) {
        this.file = file;
        this.checksum = checksum;
        this.variants = variants;
        this.layers = layers;
        this.dropped = List.copyOf(dropped);
        this.keptLayers = keptLayers;
        this.problemLayers = problemLayers;
    }

    /**
     * What of {@code previous} applies to {@code problem}.
     *
     * @param file     name of the previous solution's file, as solutions record it
     * @param checksum checksum of that file's bytes ({@code sha256:…})
     * @throws IllegalArgumentException when no layer of the previous plan applies: a solution of a different instance
     */
    public static WarmStart of(Solution previous, String file, String checksum, OfflineProblem problem) {
        List<String> dropped = new ArrayList<>();
        Map<String, ModelData> planned = new LinkedHashMap<>();
        problem.models().forEach(m -> planned.put(m.id(), m));
        for (ModelPlan plan : previous.models()) {
            if (!planned.containsKey(plan.model())) {
                dropped.add("model " + plan.model() + " (" + plan.layers().size() + " layers): no task of the instance runs it");
            }
        }
        Map<String, Set<String>> variants = new LinkedHashMap<>();
        Map<String, Map<String, LayerPlan>> layers = new LinkedHashMap<>();
        Map<String, Integer> homeless = new TreeMap<>();
        int kept = 0;
        int total = 0;
        for (ModelData m : problem.models()) {
            total += m.layers().size();
            ModelPlan plan = previous.models().stream().filter(p -> p.model().equals(m.id())).findFirst().orElse(null);
            if (plan == null) {
                continue;
            }
            Set<String> enabled = new LinkedHashSet<>(plan.enabledVariants());
            enabled.retainAll(m.candidates());
            if (!enabled.equals(Set.copyOf(plan.enabledVariants())) || m.admissibleSet(enabled) == null) {
                dropped.add("variant set " + plan.enabledVariants() + " of model " + m.id() + ": not admissible any more, "
                        + "the model starts without variants");
                enabled = Set.of();
            }
            variants.put(m.id(), enabled);
            Map<String, LayerData> byName = new LinkedHashMap<>();
            m.layers().forEach(l -> byName.put(l.name(), l));
            Map<String, LayerPlan> keep = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            for (LayerPlan lp : plan.layers()) {
                LayerData layer = byName.get(lp.layer());
                if (layer == null) {
                    unknown.add(lp.layer());
                } else if (!problem.accelerators().contains(lp.home())) {
                    homeless.merge(lp.home(), 1, Integer::sum);
                } else {
                    boolean variant = lp.implementation() == Implementation.VARIANT && layer.hasVariant() && enabled.contains(layer.name());
                    keep.put(lp.layer(), new LayerPlan(lp.layer(), lp.home(), variant ? Implementation.VARIANT : Implementation.ORIGINAL,
                            lp.budgetNs(), lp.deadlineOffsetNs(), lp.flexible()));
                }
            }
            if (!unknown.isEmpty()) {
                dropped.add(unknown.size() + " layers of model " + m.id() + " not in the instance: " + names(unknown));
            }
            layers.put(m.id(), keep);
            kept += keep.size();
        }
        homeless.forEach((acc, n) -> dropped.add("accelerator " + acc + ", not on the platform: home of " + n + " layers"));
        if (kept == 0) {
            throw new IllegalArgumentException("The previous solution " + file + " (instance '" + previous.instance()
                    + "') has no layer whose model and home are in instance '" + problem.instance().name()
                    + "': it is a plan of a different instance; maybe solve without --from");
        }
        return new WarmStart(file, checksum, variants, layers, dropped, kept, total);
    }

    private static String names(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + ", …";
    }

    /** Name of the previous solution's file. */
    public String file() {
        return file;
    }

    /** Checksum of the previous solution's file. */
    public String checksum() {
        return checksum;
    }

    /** One line per part of the previous plan that does not apply, naming it. */
    public List<String> dropped() {
        return dropped;
    }

    /** One line: how much of the plan is kept. */
    public String summary() {
        return "warm start from " + file + " (" + checksum + "): hints for " + keptLayers + " of " + problemLayers + " layers";
    }

    /**
     * The previous plan as a full assignment of an encoding of the problem it was made for:
     * variant sets, homes and implementations as kept, loads and the busiest load from them, and
     * budgets and migration options from the kept budgets. A model whose kept budgets no longer
     * fit (a new layer, a budget below its latency at home, over the deadline) takes the greedy
     * budgets of {@link OfflineFormulation#flexibleStart}. It breaks the model's constraints
     * where the previous plan no longer fits (a load over the cap): a hint need not be a solution.
     */
    long[] assignment(Encoding e) {
        OfflineProblem p = e.problem();
        int accs = p.accelerators().size();
        int models = p.models().size();
        int[] sets = new int[models];
        int[][] homes = new int[models][];
        boolean[][] variant = new boolean[models][];
        for (int mi = 0; mi < models; mi++) {
            ModelData m = p.models().get(mi);
            sets[mi] = m.admissible().indexOf(m.admissibleSet(variants.getOrDefault(m.id(), Set.of())));
            Map<String, LayerPlan> kept = layers.getOrDefault(m.id(), Map.of());
            homes[mi] = new int[m.layers().size()];
            variant[mi] = new boolean[m.layers().size()];
            for (int l = 0; l < m.layers().size(); l++) {
                LayerData layer = m.layers().get(l);
                LayerPlan prev = kept.get(layer.name());
                homes[mi][l] = prev == null ? leastLoaded(layer, accs) : p.accelerators().indexOf(prev.home());
                variant[mi][l] = prev != null && prev.implementation() == Implementation.VARIANT;
            }
        }
        long[] v = OfflineFormulation.placement(e, sets, homes, variant);
        List<Integer> unfitting = new ArrayList<>();
        for (int mi = 0; mi < models; mi++) {
            ModelData m = p.models().get(mi);
            ModelVars mv = e.models().get(mi);
            Set<String> enabled = variants.getOrDefault(m.id(), Set.of());
            Map<String, LayerPlan> kept = layers.getOrDefault(m.id(), Map.of());
            long budgets = 0;
            boolean fits = true;
            for (int l = 0; l < m.layers().size(); l++) {
                LayerData layer = m.layers().get(l);
                LayerVars lv = mv.layers().get(l);
                LayerPlan prev = kept.get(layer.name());
                long base = layer.latency(variant[mi][l] ? Implementation.VARIANT : Implementation.ORIGINAL, homes[mi][l]);
                long budget = prev == null ? base : prev.budgetNs();
                fits &= prev != null && budget >= base && budget >= lv.b().lb() && budget <= lv.b().ub();
                v[lv.b().index()] = Math.max(lv.b().lb(), Math.min(lv.b().ub(), budget));
                budgets += budget;
                if (prev != null && prev.flexible()) {
                    migrate(v, layer, lv, homes[mi][l], base, budget, enabled, accs);
                }
            }
            if (!fits || budgets > m.deadlineNs()) {
                unfitting.add(mi);
            }
        }
        if (!unfitting.isEmpty()) {
            long[] greedy = OfflineFormulation.flexibleStart(e, v);
            for (int mi : unfitting) {
                for (LayerVars lv : e.models().get(mi).layers()) {
                    copy(greedy, v, lv.b());
                    copy(greedy, v, lv.flex());
                    for (Var[] row : lv.f()) {
                        for (Var f : row) {
                            copy(greedy, v, f);
                        }
                    }
                }
            }
        }
        return v;
    }

    private static void copy(long[] from, long[] to, Var var) {
        if (var != null) {
            to[var.index()] = from[var.index()];
        }
    }

    /** The accelerator where a layer's original puts the least load. */
    private static int leastLoaded(LayerData layer, int accs) {
        int best = 0;
        for (int a = 1; a < accs; a++) {
            if (layer.load(Implementation.ORIGINAL, a) < layer.load(Implementation.ORIGINAL, best)) {
                best = a;
            }
        }
        return best;
    }

    /**
     * Names a migration option that the budget covers, the one needing the least budget beyond
     * the latency at home (the formulation's budget inequality), and marks the layer flexible.
     */
    private static void migrate(long[] v, LayerData layer, LayerVars lv, int home, long base, long budget, Set<String> enabled,
                                int accs) {
        if (lv.flex() == null) {
            return;
        }
        Var best = null;
        long bestNeed = Long.MAX_VALUE;
        for (int a = 0; a < accs; a++) {
            for (Implementation impl : layer.implementations()) {
                Var f = lv.f()[a][impl.ordinal()];
                if (f == null || a == home || impl == Implementation.VARIANT && !enabled.contains(layer.name())) {
                    continue;
                }
                long need = OfflineFormulation.migrationBudget(layer, a, impl, base, accs);
                if (need <= budget && need < bestNeed) {
                    best = f;
                    bestNeed = need;
                }
            }
        }
        if (best != null) {
            v[best.index()] = 1;
            v[lv.flex().index()] = 1;
        }
    }
}
