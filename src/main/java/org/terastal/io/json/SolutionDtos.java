package org.terastal.io.json;

import static org.terastal.io.json.Dtos.each;
import static org.terastal.io.json.Dtos.required;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.terastal.domain.DomainException;
import org.terastal.domain.Implementation;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.Limits;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;

/**
 * The JSON shapes of solution tables ({@value SolutionFiles#FORMAT}). Latencies are listed per
 * layer as arrays in the order of the top-level {@code accelerators}, so that each layer fits on
 * one line of the canonical layout. Each shape validates as soon as it is read (see {@link Dtos}).
 */
final class SolutionDtos {
    private SolutionDtos() {
    }

    record LayerPlanJson(String layer, String home, Implementation implementation, Long budgetNs, Long deadlineOffsetNs,
                         Boolean flexible, List<Long> originalNs, List<Long> variantNs) implements Dtos.Checked {
        /** Validates the layer alone, with accelerators named by position; {@link SolutionJson} names them. */
        @Override
        public LayerPlan toDomain() {
            return toDomain(positions(originalNs == null ? 0 : originalNs.size()));
        }

        LayerPlan toDomain(List<String> accelerators) {
            String where = Dtos.where("layer plan", layer);
            required(layer, "layer", where);
            positive(originalNs, "originalNs", where);
            positive(variantNs, "variantNs", where);
            return new LayerPlan(layer, required(home, "home", where), required(implementation, "implementation", where),
                    required(budgetNs, "budgetNs", where), required(deadlineOffsetNs, "deadlineOffsetNs", where),
                    required(flexible, "flexible", where), byAccelerator(required(originalNs, "originalNs", where), accelerators,
                            "originalNs", where), variantNs == null ? Map.of() : byAccelerator(variantNs, accelerators, "variantNs", where));
        }

        static LayerPlanJson of(LayerPlan p, List<String> accelerators) {
            return new LayerPlanJson(p.layer(), p.home(), p.implementation(), p.budgetNs(), p.deadlineOffsetNs(), p.flexible(),
                    list(p.originalNs(), accelerators, p.layer()), p.variantNs().isEmpty() ? null : list(p.variantNs(), accelerators, p.layer()));
        }
    }

    record ModelPlanJson(String model, List<String> enabledVariants, Double worstCaseAccuracy, List<LayerPlanJson> layers)
            implements Dtos.Checked {
        @Override
        public ModelPlan toDomain() {
            return toDomain(null);
        }

        ModelPlan toDomain(List<String> accelerators) {
            String where = Dtos.where("model plan", model);
            required(model, "model", where);
            List<LayerPlan> ls = each(required(layers, "layers", where), "layers",
                    l -> accelerators == null ? l.toDomain() : l.toDomain(accelerators));
            return new ModelPlan(model, required(enabledVariants, "enabledVariants", where),
                    required(worstCaseAccuracy, "worstCaseAccuracy", where), ls);
        }

        static ModelPlanJson of(ModelPlan p, List<String> accelerators) {
            return new ModelPlanJson(p.model(), p.enabledVariants(), p.worstCaseAccuracy(),
                    p.layers().stream().map(l -> LayerPlanJson.of(l, accelerators)).toList());
        }
    }

    record SolutionJson(String format, String instance, String instanceChecksum, SolveStatus status, String solver, String formulation,
                        Map<String, String> parameters, Map<String, Long> objective, Map<String, Long> bound, Double gap,
                        Long wallTimeMs, List<String> accelerators, List<ModelPlanJson> models) implements Dtos.Checked {
        @Override
        public Solution toDomain() {
            String where = Dtos.where("solution", instance);
            List<String> accs = required(accelerators, "accelerators", where);
            if (accs.isEmpty() || accs.stream().distinct().count() != accs.size()) {
                throw new DomainException("accelerators", "The accelerators " + accs + " of " + where + " must be distinct ids, at least one");
            }
            List<ModelPlan> plans = each(required(models, "models", where), "models", m -> m.toDomain(accs));
            return new Solution(required(instance, "instance", where), required(instanceChecksum, "instanceChecksum", where),
                    required(status, "status", where), required(solver, "solver", where), required(formulation, "formulation", where),
                    required(objective, "objective", where), required(bound, "bound", where), required(gap, "gap", where),
                    required(wallTimeMs, "wallTimeMs", where), required(parameters, "parameters", where), plans);
        }

        static SolutionJson of(Solution s) {
            List<String> accs = s.models().isEmpty() || s.models().get(0).layers().isEmpty() ? List.of()
                    : List.copyOf(s.models().get(0).layers().get(0).originalNs().keySet());
            if (accs.isEmpty()) {
                throw new IllegalArgumentException("The solution of '" + s.instance() + "' lists no latencies; a solution file lists, for every "
                        + "layer, the latency of each allowed implementation on each accelerator");
            }
            return new SolutionJson(SolutionFiles.FORMAT, s.instance(), s.instanceChecksum(), s.status(), s.solver(), s.formulation(),
                    s.parameters(), s.objective(), s.bound(), s.gap(), s.wallTimeMs(), accs,
                    s.models().stream().map(m -> ModelPlanJson.of(m, accs)).toList());
        }
    }

    private static void positive(List<Long> values, String field, String where) {
        for (int i = 0; values != null && i < values.size(); i++) {
            if (values.get(i) == null || values.get(i) <= 0 || values.get(i) > Limits.MAX_LATENCY_NS) {
                throw new DomainException(field + "[" + i + "]", "The " + field + "[" + i + "] (" + values.get(i) + ") of " + where
                        + " must be a positive number of ns, at most " + Limits.format(Limits.MAX_LATENCY_NS));
            }
        }
    }

    private static List<String> positions(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("#" + i);
        }
        return out;
    }

    private static Map<String, Long> byAccelerator(List<Long> values, List<String> accelerators, String field, String where) {
        if (values.size() != accelerators.size()) {
            throw new DomainException(field, "The " + field + " of " + where + " has " + values.size() + " values for " + accelerators.size()
                    + " accelerators " + accelerators + "; give one latency per accelerator, in that order");
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            out.put(accelerators.get(i), values.get(i));
        }
        return out;
    }

    private static List<Long> list(Map<String, Long> byAccelerator, List<String> accelerators, String layer) {
        if (!List.copyOf(byAccelerator.keySet()).equals(accelerators)) {
            throw new IllegalArgumentException("The latencies of layer '" + layer + "' name accelerators " + byAccelerator.keySet()
                    + ", not " + accelerators + " like the first layer's; every layer must list the same accelerators in the same order");
        }
        return accelerators.stream().map(byAccelerator::get).toList();
    }
}
