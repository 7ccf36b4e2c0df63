package org.terastal.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.terastal.domain.Implementation;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.offline.OfflineFormulation.Encoding;
import org.terastal.offline.OfflineFormulation.LayerVars;
import org.terastal.offline.OfflineFormulation.ModelVars;
import org.terastal.offline.OfflineProblem.LayerData;
import org.terastal.offline.OfflineProblem.ModelData;
import org.terastal.offline.OfflineProblem.VariantSet;

/**
 * Turns an assignment of an {@link Encoding} into model plans, and recomputes the objective terms
 * from the plans. A layer is flagged flexible exactly when some other accelerator runs an allowed
 * implementation (the original, or the variant if enabled) within its budget, whatever the
 * solver's {@code flex} value (which may be 0 for a layer of no weight). Plans are in ns whatever
 * the time unit of the encoding's problem: budgets are its values times the unit.
 */
final class SolutionDecoder {
    private SolutionDecoder() {
    }

    static List<ModelPlan> plans(Encoding e, long[] values) {
        OfflineProblem p = e.problem();
        List<ModelPlan> plans = new ArrayList<>();
        for (int mi = 0; mi < p.models().size(); mi++) {
            ModelData m = p.models().get(mi);
            ModelVars mv = e.models().get(mi);
            Set<String> enabled = new LinkedHashSet<>();
            for (int k = 0; k < m.candidates().size(); k++) {
                if (values[mv.enabled().get(k).index()] == 1) {
                    enabled.add(m.candidates().get(k));
                }
            }
            VariantSet set = m.admissibleSet(enabled);
            if (set == null) {
                throw new IllegalStateException("The solution enables " + enabled + " for model " + m.id() + ", which is not an admissible set");
            }
            List<LayerPlan> layers = new ArrayList<>();
            long offset = 0;
            for (int l = 0; l < m.layers().size(); l++) {
                LayerData layer = m.layers().get(l);
                LayerVars lv = mv.layers().get(l);
                int home = -1;
                Implementation impl = null;
                for (int a = 0; a < p.accelerators().size(); a++) {
                    for (Implementation i : layer.implementations()) {
                        if (values[lv.x()[a][i.ordinal()].index()] == 1) {
                            home = a;
                            impl = i;
                        }
                    }
                }
                // budgets in ns whatever the model's time unit, and the plan's latencies those of the table
                long budget = values[lv.b().index()] * p.timeUnitNs();
                offset += budget;
                boolean variantAllowed = layer.hasVariant() && enabled.contains(layer.name());
                Map<String, Long> original = byAccelerator(p, m, l, Implementation.ORIGINAL);
                Map<String, Long> variant = variantAllowed ? byAccelerator(p, m, l, Implementation.VARIANT) : Map.of();
                layers.add(new LayerPlan(layer.name(), p.accelerators().get(home), impl, budget, offset,
                        flexible(original, variant, p.accelerators().get(home), budget), original, variant));
            }
            plans.add(new ModelPlan(m.id(), List.copyOf(enabled), set.worstAccuracy(), layers));
        }
        return plans;
    }

    /** Objective terms of plans, by the rules of {@link OfflineProblem}, in {@link Objectives#ORDER}. */
    static Map<String, Long> terms(OfflineProblem p, List<ModelPlan> plans) {
        long[] load = new long[p.accelerators().size()];
        long migratable = 0;
        long loss = 0;
        for (int mi = 0; mi < p.models().size(); mi++) {
            ModelData m = p.models().get(mi);
            ModelPlan plan = plans.get(mi);
            loss += m.admissibleSet(Set.copyOf(plan.enabledVariants())).lossPpm();
            for (int l = 0; l < m.layers().size(); l++) {
                LayerData layer = m.layers().get(l);
                LayerPlan lp = plan.layers().get(l);
                int home = p.accelerators().indexOf(lp.home());
                load[home] += layer.load(lp.implementation(), home);
                if (lp.flexible()) {
                    migratable += layer.workPpm();
                }
            }
        }
        Map<String, Long> terms = new LinkedHashMap<>();
        terms.put(Objectives.MAX_LOAD, java.util.Arrays.stream(load).max().orElse(0));
        terms.put(Objectives.MIGRATABLE_WORK, migratable);
        terms.put(Objectives.ACCURACY_LOSS, loss);
        return terms;
    }

    /** Load of each accelerator under plans, ppm. */
    static long[] loads(OfflineProblem p, List<ModelPlan> plans) {
        long[] load = new long[p.accelerators().size()];
        for (int mi = 0; mi < p.models().size(); mi++) {
            ModelData m = p.models().get(mi);
            for (int l = 0; l < m.layers().size(); l++) {
                LayerPlan lp = plans.get(mi).layers().get(l);
                int home = p.accelerators().indexOf(lp.home());
                load[home] += m.layers().get(l).load(lp.implementation(), home);
            }
        }
        return load;
    }

    /** Whether another accelerator than the home runs the original or an allowed variant within the budget, all in ns. */
    private static boolean flexible(Map<String, Long> original, Map<String, Long> variant, String home, long budgetNs) {
        for (Map<String, Long> latencies : List.of(original, variant)) {
            for (Map.Entry<String, Long> e : latencies.entrySet()) {
                if (!e.getKey().equals(home) && e.getValue() <= budgetNs) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A layer's latencies on each accelerator, ns, from the latency table (the problem's may be in a coarser unit). */
    private static Map<String, Long> byAccelerator(OfflineProblem p, ModelData m, int layer, Implementation impl) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int a = 0; a < p.accelerators().size(); a++) {
            out.put(p.accelerators().get(a), p.latencies().get(m.id(), layer, impl, a));
        }
        return out;
    }
}
