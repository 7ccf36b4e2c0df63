package org.terastal.offline.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.Model;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;
import org.terastal.domain.Task;
import org.terastal.io.json.InstanceFiles;
import org.terastal.offline.check.Violation.Kind;

/**
 * Re-verifies a solution table against its instance and latency table, from the rules alone
 * (docs/offline.md), sharing no code with the formulations or solvers: a solver or decoder bug
 * cannot hide behind the same bug here. Lists every violation, not just the first.
 *
 * <p>Rules: the table names the instance by name and checksum; it holds a plan (OPTIMAL or
 * FEASIBLE) for exactly the models some task runs, in instance order, each with every layer in
 * order; a model's enabled variants are candidates whose every subset was measured with
 * normalised accuracy at or above the floor, and its worst-case accuracy is the lowest of them;
 * a layer's home is an accelerator, it runs its variant only if enabled, its listed latencies are
 * the table's, its budget covers its latency at home, its offset is the running sum of budgets,
 * and the budgets of a model add up to at most the smallest deadline of its tasks; each
 * accelerator's load {@code Σ round(latency · fps / 1000)} ppm stays within the cap, which is the
 * busiest load itself when the solve chose it ({@code capChoice lowest}); a layer is
 * flagged flexible exactly when another accelerator runs an allowed implementation within its
 * budget; the objective terms are what the plan gives, and bounds agree with the status.
 */
public final class SolutionChecker {
    private static final String MAX_LOAD = "maxLoadPpm";
    private static final String MIGRATABLE_WORK = "migratableWorkPpm";
    private static final String ACCURACY_LOSS = "accuracyLossPpm";
    private static final String CAP = "capPpm";
    private static final String CAP_CHOICE = "capChoice";
    private static final String LOWEST_CAP = "lowest";

    private SolutionChecker() {
    }

    /** Every violation of the solution; empty when it keeps every rule. */
    public static List<Violation> check(Instance instance, LatencyTable latencies, Solution solution) {
        return new Run(instance, latencies, solution).all();
    }

    /** One check's state: the violations found so far and the figures recomputed along the way. */
    private static final class Run {
        private final Instance instance;
        private final LatencyTable latencies;
        private final Solution solution;
        private final List<String> accelerators;
        private final List<Violation> out = new ArrayList<>();

        Run(Instance instance, LatencyTable latencies, Solution solution) {
            this.instance = instance;
            this.latencies = latencies;
            this.solution = solution;
            this.accelerators = instance.platform().accelerators().stream().map(a -> a.id()).toList();
        }

        private void add(Kind kind, String message) {
            out.add(new Violation(kind, message));
        }

        List<Violation> all() {
            checkIdentity();
            long cap = cap();
            List<Model> planned = instance.models().stream()
                    .filter(m -> instance.tasks().stream().anyMatch(t -> t.model().equals(m.id()))).toList();
            List<String> expected = planned.stream().map(Model::id).toList();
            List<String> given = solution.models().stream().map(ModelPlan::model).toList();
            if (!expected.equals(given)) {
                add(Kind.SHAPE, "The models " + given + " of the solution are not the planned models of instance '" + instance.name()
                        + "' " + expected + " (every model some task runs, in instance order)");
            }
            long[] load = new long[accelerators.size()];
            long work = 0;
            long loss = 0;
            boolean complete = expected.equals(given);
            for (ModelPlan plan : solution.models()) {
                Model model = planned.stream().filter(m -> m.id().equals(plan.model())).findFirst().orElse(null);
                if (model == null) {
                    continue;
                }
                Figures f = checkModel(model, plan, load);
                complete &= f.complete();
                work += f.workPpm();
                loss += f.lossPpm();
            }
            for (int a = 0; a < load.length; a++) {
                if (cap > 0 && load[a] > cap) {
                    add(Kind.LOAD, "The load (" + load[a] + " ppm, " + ratio(load[a]) + ") of accelerator '" + accelerators.get(a)
                            + "' is over the cap (" + cap + " ppm, " + ratio(cap) + ")");
                }
            }
            if (complete) {
                long maxLoad = 0;
                for (long l : load) {
                    maxLoad = Math.max(maxLoad, l);
                }
                Map<String, Long> recomputed = new LinkedHashMap<>();
                recomputed.put(MAX_LOAD, maxLoad);
                recomputed.put(MIGRATABLE_WORK, work);
                recomputed.put(ACCURACY_LOSS, loss);
                checkObjective(recomputed);
                checkCapChoice(cap, maxLoad);
            }
            checkBounds();
            return List.copyOf(out);
        }

        private void checkIdentity() {
            if (!instance.name().equals(solution.instance())) {
                add(Kind.INSTANCE, "The instance (" + solution.instance() + ") of the solution is not '" + instance.name()
                        + "'; maybe the solution belongs to another instance");
            }
            String checksum = InstanceFiles.checksum(instance);
            if (!checksum.equals(solution.instanceChecksum())) {
                add(Kind.INSTANCE, "The instanceChecksum (" + solution.instanceChecksum() + ") of the solution is not that of instance '"
                        + instance.name() + "' (" + checksum + "); maybe the instance changed after it was solved: solve it again");
            }
            if (solution.status() != SolveStatus.OPTIMAL && solution.status() != SolveStatus.FEASIBLE) {
                add(Kind.STATUS, "The status (" + solution.status() + ") of the solution must be OPTIMAL or FEASIBLE; only those carry a plan");
            }
        }

        private long cap() {
            String text = solution.parameters().get(CAP);
            try {
                long cap = Long.parseLong(Objects.requireNonNull(text));
                if (cap > 0) {
                    return cap;
                }
            } catch (NumberFormatException | NullPointerException e) {
                // reported below
            }
            add(Kind.PARAMETER, "The parameter " + CAP + " (" + text + ") of the solution must be a positive integer (the load cap in ppm); "
                    + "without it the loads cannot be checked");
            return -1;
        }

        /** A cap chosen as the lowest with a plan ({@code solve --cap auto}) is the plan's busiest load. */
        private void checkCapChoice(long cap, long maxLoad) {
            String choice = solution.parameters().get(CAP_CHOICE);
            if (choice == null) {
                return;
            }
            if (!choice.equals(LOWEST_CAP)) {
                add(Kind.PARAMETER, "The parameter " + CAP_CHOICE + " (" + choice + ") of the solution must be " + LOWEST_CAP
                        + " or absent (a cap given on the command line)");
            } else if (cap > 0 && cap != maxLoad) {
                add(Kind.LOAD, "The cap (" + cap + " ppm), chosen as the lowest with a plan, is not the busiest accelerator's load of the plan ("
                        + maxLoad + " ppm)");
            }
        }

        /** Objective contributions of one model, and whether its plan could be checked in full. */
        private record Figures(long workPpm, long lossPpm, boolean complete) {
        }

        private Figures checkModel(Model model, ModelPlan plan, long[] load) {
            String where = "model '" + model.id() + "'";
            List<Task> tasks = instance.tasks().stream().filter(t -> t.model().equals(model.id())).toList();
            double fps = tasks.stream().mapToDouble(Task::fps).sum();
            long deadline = tasks.stream().mapToLong(Task::effectiveDeadlineNs).min().orElseThrow();

            Set<String> enabled = new TreeSet<>(plan.enabledVariants());
            boolean setOk = true;
            if (enabled.size() != plan.enabledVariants().size()) {
                add(Kind.VARIANT_SET, "The enabled variants " + plan.enabledVariants() + " of " + where + " name a layer twice");
                setOk = false;
            }
            for (String layer : enabled) {
                if (model.candidate(layer).isEmpty()) {
                    add(Kind.VARIANT_SET, "The enabled variant '" + layer + "' of " + where + " is not a variant candidate of the model; "
                            + "candidates are " + model.candidates().stream().map(c -> c.layer()).toList());
                    setOk = false;
                }
            }
            double worst = 1.0;
            if (setOk) {
                for (Set<String> subset : subsets(enabled)) {
                    OptionalDouble acc = subset.isEmpty() ? OptionalDouble.of(1.0)
                            : model.accuracy() == null ? OptionalDouble.empty() : model.accuracy().normalised(subset);
                    if (acc.isEmpty()) {
                        add(Kind.VARIANT_SET, "The enabled variants " + enabled + " of " + where + " are not admissible: the subset " + subset
                                + " was never measured, and the online stage may run any subset; maybe enable fewer variants");
                        setOk = false;
                    } else if (acc.getAsDouble() < model.accuracyFloor()) {
                        add(Kind.VARIANT_SET, "The enabled variants " + enabled + " of " + where + " are not admissible: the subset " + subset
                                + " has normalised accuracy " + fmt(acc.getAsDouble()) + ", below the floor " + model.accuracyFloor());
                        setOk = false;
                    } else {
                        worst = Math.min(worst, acc.getAsDouble());
                    }
                }
            }
            if (setOk && Math.abs(worst - plan.worstCaseAccuracy()) > 1e-9) {
                add(Kind.ACCURACY, "The worstCaseAccuracy (" + plan.worstCaseAccuracy() + ") of " + where + " is not the lowest normalised "
                        + "accuracy over the subsets of " + enabled + " (" + worst + ")");
            }

            List<String> layerNames = model.layers().stream().map(l -> l.name()).toList();
            List<String> planNames = plan.layers().stream().map(LayerPlan::layer).toList();
            if (!layerNames.equals(planNames)) {
                add(Kind.SHAPE, "The layers of the plan of " + where + " are not the model's layers in order: expected " + layerNames.size()
                        + " layers " + abbreviate(layerNames) + ", found " + planNames.size() + " " + abbreviate(planNames));
                return new Figures(0, 0, false);
            }

            long budgets = 0;
            long work = 0;
            boolean complete = setOk;
            for (int l = 0; l < model.layers().size(); l++) {
                LayerPlan lp = plan.layers().get(l);
                String lw = "layer '" + lp.layer() + "' of " + where;
                boolean candidate = model.candidate(lp.layer()).isPresent();
                boolean variantAllowed = candidate && enabled.contains(lp.layer());
                checkLatencies(model, l, lp, lw, variantAllowed);
                budgets += lp.budgetNs();
                if (lp.deadlineOffsetNs() != budgets) {
                    add(Kind.OFFSET, "The deadlineOffsetNs (" + lp.deadlineOffsetNs() + ") of " + lw + " is not the sum of the budgets up to "
                            + "and including it (" + budgets + ")");
                }
                int home = accelerators.indexOf(lp.home());
                if (home < 0) {
                    add(Kind.HOME, "The home ('" + lp.home() + "') of " + lw + " is not an accelerator of platform '"
                            + instance.platform().name() + "'; accelerators are " + accelerators);
                    complete = false;
                    continue;
                }
                if (lp.implementation() == Implementation.VARIANT && !variantAllowed) {
                    add(Kind.IMPLEMENTATION, "The implementation (variant) of " + lw + " is not allowed: "
                            + (candidate ? "its variant is not in the enabled set " + enabled : "the layer is not a variant candidate"));
                    complete = false;
                    continue;
                }
                long atHome = latencies.get(model.id(), l, lp.implementation(), home);
                if (lp.budgetNs() < atHome) {
                    add(Kind.BUDGET, "The budgetNs (" + lp.budgetNs() + ") of " + lw + " is below its latency at home '" + lp.home() + "' ("
                            + lp.implementation().label() + ", " + atHome + " ns)");
                }
                load[home] += Math.round(atHome * fps / 1000.0);
                boolean justified = false;
                for (int a = 0; a < accelerators.size() && !justified; a++) {
                    justified = a != home && (latencies.get(model.id(), l, Implementation.ORIGINAL, a) <= lp.budgetNs()
                            || variantAllowed && latencies.get(model.id(), l, Implementation.VARIANT, a) <= lp.budgetNs());
                }
                if (lp.flexible() && !justified) {
                    add(Kind.FLEXIBILITY, "The layer " + lw.substring("layer ".length()) + " is flagged flexible, but no other accelerator "
                            + "runs an allowed implementation within its budget of " + lp.budgetNs() + " ns");
                } else if (!lp.flexible() && justified) {
                    add(Kind.FLEXIBILITY, "The layer " + lw.substring("layer ".length()) + " is not flagged flexible, although another "
                            + "accelerator runs an allowed implementation within its budget of " + lp.budgetNs() + " ns");
                }
                if (justified) {
                    long fastest = Long.MAX_VALUE;
                    for (int a = 0; a < accelerators.size(); a++) {
                        fastest = Math.min(fastest, latencies.get(model.id(), l, Implementation.ORIGINAL, a));
                    }
                    work += Math.round(fastest * fps / 1000.0);
                }
            }
            if (budgets > deadline) {
                add(Kind.DEADLINE, "The budgets of " + where + " add up to " + budgets + " ns, over its deadline of " + deadline + " ns");
            }
            long loss = setOk ? Math.round((1.0 - worst) * 1_000_000) : 0;
            return new Figures(work, loss, complete);
        }

        private void checkLatencies(Model model, int l, LayerPlan lp, String where, boolean variantAllowed) {
            Map<String, Long> original = new LinkedHashMap<>();
            Map<String, Long> variant = new LinkedHashMap<>();
            for (int a = 0; a < accelerators.size(); a++) {
                original.put(accelerators.get(a), latencies.get(model.id(), l, Implementation.ORIGINAL, a));
                if (variantAllowed) {
                    variant.put(accelerators.get(a), latencies.get(model.id(), l, Implementation.VARIANT, a));
                }
            }
            if (!original.equals(lp.originalNs()) || !List.copyOf(original.keySet()).equals(List.copyOf(lp.originalNs().keySet()))) {
                add(Kind.LATENCY, "The originalNs " + lp.originalNs() + " of " + where + " are not the latency table's " + original);
            }
            if (!variant.equals(lp.variantNs())) {
                add(Kind.LATENCY, "The variantNs " + lp.variantNs() + " of " + where + " are not "
                        + (variantAllowed ? "the latency table's " + variant : "empty, although the variant is not enabled"));
            }
        }

        private void checkObjective(Map<String, Long> recomputed) {
            for (Map.Entry<String, Long> e : recomputed.entrySet()) {
                Long stated = solution.objective().get(e.getKey());
                if (!e.getValue().equals(stated)) {
                    add(Kind.OBJECTIVE, "The objective term " + e.getKey() + " (" + stated + ") is not what the plan gives (" + e.getValue() + ")");
                }
            }
            Set<String> unknown = new HashSet<>(solution.objective().keySet());
            unknown.removeAll(recomputed.keySet());
            if (!unknown.isEmpty()) {
                add(Kind.OBJECTIVE, "The objective names unknown terms " + new TreeSet<>(unknown) + "; the terms are " + recomputed.keySet());
            }
        }

        private void checkBounds() {
            for (Map.Entry<String, Long> e : solution.bound().entrySet()) {
                Long value = solution.objective().get(e.getKey());
                if (value == null) {
                    add(Kind.BOUND, "The bound of " + e.getKey() + " (" + e.getValue() + ") has no objective term to bound");
                    continue;
                }
                boolean maximised = e.getKey().equals(MIGRATABLE_WORK);
                if (solution.status() == SolveStatus.OPTIMAL && !e.getValue().equals(value)) {
                    add(Kind.BOUND, "The bound of " + e.getKey() + " (" + e.getValue() + ") differs from its value (" + value
                            + ") although the status is OPTIMAL");
                } else if (maximised ? e.getValue() < value : e.getValue() > value) {
                    add(Kind.BOUND, "The bound of " + e.getKey() + " (" + e.getValue() + ") is on the wrong side of its value (" + value
                            + "); the term is " + (maximised ? "maximised" : "minimised"));
                }
            }
            if (solution.status() == SolveStatus.OPTIMAL) {
                for (String term : List.of(MAX_LOAD, MIGRATABLE_WORK, ACCURACY_LOSS)) {
                    if (!solution.bound().containsKey(term)) {
                        add(Kind.BOUND, "The bound of " + term + " is missing although the status is OPTIMAL");
                    }
                }
                if (solution.gap() != 0) {
                    add(Kind.BOUND, "The gap (" + solution.gap() + ") must be 0 when the status is OPTIMAL");
                }
            } else if (!(solution.gap() >= 0)) {
                add(Kind.BOUND, "The gap (" + solution.gap() + ") must not be negative");
            }
        }
    }

    private static List<Set<String>> subsets(Set<String> set) {
        List<String> items = List.copyOf(set);
        List<Set<String>> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << items.size()); mask++) {
            Set<String> s = new TreeSet<>();
            for (int i = 0; i < items.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    s.add(items.get(i));
                }
            }
            out.add(s);
        }
        return out;
    }

    private static String ratio(long ppm) {
        return String.format(Locale.ROOT, "%.4f", ppm / 1e6);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 4 ? names.toString() : "[" + names.get(0) + ", " + names.get(1) + ", …, " + names.get(names.size() - 1) + "]";
    }
}
