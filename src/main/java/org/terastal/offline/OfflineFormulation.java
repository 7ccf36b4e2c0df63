package org.terastal.offline;

import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.Implementation;
import org.terastal.offline.ModelIr.Relation;
import org.terastal.offline.ModelIr.Sense;
import org.terastal.offline.ModelIr.Var;
import org.terastal.offline.OfflineProblem.LayerData;
import org.terastal.offline.OfflineProblem.ModelData;
import org.terastal.offline.OfflineProblem.VariantSet;

/**
 * The offline constraint program (docs/offline.md), written once as a {@link ModelIr}. All figures are
 * integers: ns for times (or the problem's coarser {@link OfflineProblem#timeUnitNs() time unit}), ppm
 * for loads, work and accuracy loss.
 *
 * <p>Per model m with deadline D_m, per layer l, accelerator a and implementation i:
 * <ul>
 *   <li>{@code en[k]}: candidate k may run as its variant. The enabled set must be admissible
 *       ({@link OfflineProblem}); {@code loss[m]} is its worst-case accuracy loss. TABLE states this
 *       as one allowed-assignments table over {@code (en…, loss)}; MIP as one 0-1 {@code z[s]} per
 *       admissible set with {@code Σ_s z = 1}, {@code en[k] = Σ_{s∋k} z[s]},
 *       {@code loss = Σ_s loss_s·z[s]}.</li>
 *   <li>{@code x[l][a][i]}: one-hot home and implementation; the variant only if enabled.</li>
 *   <li>{@code b[l]} budget, ns: {@code b[l] ≥ Σ x·c + Σ f·d(f)}, {@code Σ_l b[l] ≤ D_m}.</li>
 *   <li>{@code load[a] = Σ x·u} ppm, {@code load[a] ≤ maxLoad ≤ cap}.</li>
 *   <li>{@code f[l][a'][i]} ⇒ a' is not the home, i is allowed and {@code b[l] ≥ c(l,i,a')};
 *       {@code flex[l] ≤ Σ f}, at most one f per layer.</li>
 * </ul>
 * Objectives, lexicographic: minimise {@code maxLoad}; maximise {@code Σ flex[l]·work[l]};
 * minimise {@code Σ_m loss[m]}. Implied constraints shrink the search without changing any
 * optimum: {@code maxLoad} is at least the Lagrangian bound of {@link LoadPlanner}; each budget's bounds are what the
 * chain and the deadline leave; a budget also covers {@code d(f)}, the least extra latency its
 * named migration needs beyond any home on another accelerator; interchangeable layers are
 * ordered; and a load-balance declaration lets back-ends without a linear relaxation bound the
 * load (docs/offline.md).
 */
public final class OfflineFormulation {
    /** Search nodes one model's flexibility knapsack may take before the start falls back to work per extra ns. */
    private static final long KNAPSACK_NODES = 200_000;

    /**
     * The variables of one layer.
     *
     * @param x    home and implementation: {@code x[a][impl ordinal]}, null where the implementation is not an option
     * @param b    budget, ns
     * @param f    migration options: {@code f[a][impl ordinal]}, null where impossible
     * @param flex whether the layer can migrate; null when no option exists
     */
    public record LayerVars(Var[][] x, Var b, Var[][] f, Var flex) {
    }

    /**
     * The variables of one model.
     *
     * @param enabled enable flag per live candidate
     * @param loss    worst-case accuracy loss, ppm; null when the model has no live candidate
     * @param sets    MIP only: one selector per admissible set, else empty
     * @param layers  per-layer variables
     */
    public record ModelVars(List<Var> enabled, Var loss, List<Var> sets, List<LayerVars> layers) {
    }

    /**
     * A built model and where its variables are.
     *
     * @param problem     the data it was built from
     * @param formulation which formulation
     * @param ir          the model
     * @param models      per-model variables, problem order
     * @param loads       load per accelerator
     * @param maxLoad     the busiest accelerator's load
     */
    public record Encoding(OfflineProblem problem, Formulation formulation, ModelIr ir, List<ModelVars> models, List<Var> loads,
                          Var maxLoad) {
    }

    private OfflineFormulation() {
    }

    /** Builds the model of a problem, with the busiest load bounded below by {@link LoadPlanner#bound}. */
    public static Encoding build(OfflineProblem p, Formulation formulation) {
        return build(p, formulation, LoadPlanner.bound(p));
    }

    /**
     * Builds the model of a problem.
     *
     * @param loadBoundPpm a proven lower bound on the busiest load of any plan of {@code p}, ppm
     */
    static Encoding build(OfflineProblem p, Formulation formulation, long loadBoundPpm) {
        ModelIr.Builder ir = ModelIr.builder();
        int accs = p.accelerators().size();
        List<ModelVars> models = new ArrayList<>();
        List<LinearExpr.Builder> loadSums = new ArrayList<>();
        for (int a = 0; a < accs; a++) {
            loadSums.add(LinearExpr.builder());
        }
        List<List<ModelIr.Placement>> placements = new ArrayList<>();
        List<ModelIr.Chain> chains = new ArrayList<>();
        List<ModelIr.Flexibility> flexibility = new ArrayList<>();
        List<Var> selections = new ArrayList<>();
        List<Var> budgets = new ArrayList<>();
        List<Var> migration = new ArrayList<>();
        LinearExpr.Builder migratable = LinearExpr.builder();
        LinearExpr.Builder accuracyLoss = LinearExpr.builder();

        for (ModelData m : p.models()) {
            String mid = m.id();
            List<Var> enabled = new ArrayList<>();
            for (String k : m.candidates()) {
                enabled.add(ir.boolVar("en[" + mid + "/" + k + "]"));
            }
            selections.addAll(enabled);
            Var loss = null;
            List<Var> sets = new ArrayList<>();
            if (!enabled.isEmpty()) {
                long maxLoss = m.admissible().stream().mapToLong(VariantSet::lossPpm).max().orElse(0);
                loss = ir.intVar("loss[" + mid + "]", 0, maxLoss);
                accuracyLoss.add(1, loss);
                if (formulation == Formulation.TABLE) {
                    tableSelection(ir, m, enabled, loss);
                } else {
                    sets = mipSelection(ir, m, enabled, loss);
                    selections.addAll(sets);
                }
            }

            long[] lower = new long[m.layers().size()];
            long sumLower = 0;
            for (int l = 0; l < lower.length; l++) {
                lower[l] = m.layers().get(l).fastestNs();
                sumLower += lower[l];
            }
            List<LayerVars> layers = new ArrayList<>();
            List<Integer> chain = new ArrayList<>();
            LinearExpr.Builder budgetSum = LinearExpr.builder();
            for (int l = 0; l < m.layers().size(); l++) {
                LayerData layer = m.layers().get(l);
                String lid = mid + "/" + layer.name();
                Var en = layer.hasVariant() ? enabled.get(layer.candidate()) : null;
                // the largest budget the other layers leave; below the lower bound only if the model is infeasible,
                // which the diagnosis reports before any model is built
                long upper = Math.max(lower[l], m.deadlineNs() - (sumLower - lower[l]));
                Var b = ir.intVar("b[" + lid + "]", lower[l], upper);
                budgets.add(b);
                budgetSum.add(1, b);

                Var[][] x = new Var[accs][2];
                List<ModelIr.Placement> placed = new ArrayList<>();
                LinearExpr.Builder oneHot = LinearExpr.builder();
                LinearExpr.Builder covered = LinearExpr.builder().add(1, b);
                for (int a = 0; a < accs; a++) {
                    for (Implementation impl : layer.implementations()) {
                        Var v = ir.boolVar("x[" + lid + "@" + p.accelerators().get(a) + "/" + impl.label() + "]");
                        x[a][impl.ordinal()] = v;
                        placed.add(new ModelIr.Placement(v, a, layer.load(impl, a), layer.latency(impl, a),
                                impl == Implementation.VARIANT ? en : null));
                        oneHot.add(1, v);
                        covered.add(-layer.latency(impl, a), v);
                        loadSums.get(a).add(layer.load(impl, a), v);
                        if (impl == Implementation.VARIANT) {
                            ir.linear("variant of " + lid + " on " + p.accelerators().get(a) + " only if enabled",
                                    LinearExpr.builder().add(1, v).add(-1, en).build(), Relation.LE, 0);
                        }
                    }
                }
                ir.linear("one home and implementation for " + lid, oneHot.build(), Relation.EQ, 1);
                chain.add(placements.size());
                placements.add(placed);

                Var[][] f = new Var[accs][2];
                List<ModelIr.Migration> migrations = new ArrayList<>();
                LinearExpr.Builder anyOption = LinearExpr.builder();
                if (accs > 1) {
                    for (int a = 0; a < accs; a++) {
                        for (Implementation impl : layer.implementations()) {
                            long c = layer.latency(impl, a);
                            if (c > upper) {
                                continue; // no budget can cover it
                            }
                            String fid = lid + "@" + p.accelerators().get(a) + "/" + impl.label();
                            Var fv = ir.boolVar("f[" + fid + "]");
                            f[a][impl.ordinal()] = fv;
                            migration.add(fv);
                            migrations.add(new ModelIr.Migration(fv, a, c, impl == Implementation.VARIANT ? en : null));
                            anyOption.add(1, fv);
                            LinearExpr.Builder notHome = LinearExpr.builder().add(1, fv);
                            for (Implementation other : layer.implementations()) {
                                notHome.add(1, x[a][other.ordinal()]);
                            }
                            ir.linear("migration " + fid + " only away from home", notHome.build(), Relation.LE, 1);
                            if (impl == Implementation.VARIANT) {
                                ir.linear("migration " + fid + " only if the variant is enabled",
                                        LinearExpr.builder().add(1, fv).add(-1, en).build(), Relation.LE, 0);
                            }
                            ir.linear("migration " + fid + " fits the budget",
                                    LinearExpr.builder().add(1, b).add(-c, fv).build(), Relation.GE, 0);
                            covered.add(-extraBudget(layer, a, c, accs), fv);
                        }
                    }
                }
                // b ≥ latency at home + what a chosen migration needs beyond any home elsewhere: with at most
                // one migration option per layer this holds in every solution, and it closes the gap the
                // linear relaxation of "b ≥ c·f" leaves (a fractional f would otherwise come for free)
                ir.linear("budget of " + lid + " covers its latency at home and its migration", covered.build(), Relation.GE, 0);
                Var flex = null;
                if (!anyOption.isEmpty()) {
                    flex = ir.boolVar("flex[" + lid + "]");
                    migration.add(flex);
                    LinearExpr options1 = anyOption.build();
                    if (options1.terms().size() > 1) {
                        // one option suffices to make a layer flexible, and the budget inequality above counts
                        // the extra latency of one named option only
                        ir.linear("at most one migration option named for " + lid, options1, Relation.LE, 1);
                    }
                    ir.linear("flex " + lid + " only with a migration option",
                            LinearExpr.builder().addAll(1, options1.terms().stream().map(ModelIr.Term::var).toList()).add(-1, flex).build(),
                            Relation.GE, 0);
                    migratable.add(layer.workPpm(), flex);
                    flexibility.add(new ModelIr.Flexibility(chain.get(chain.size() - 1), flex, layer.workPpm(), migrations));
                }
                layers.add(new LayerVars(x, b, f, flex));
            }
            ir.linear("budgets of " + mid + " within its deadline", budgetSum.build(), Relation.LE, m.deadlineNs());
            List<List<Var>> allowed = m.admissible().stream()
                    .map(set -> set.layers().stream().map(k -> enabled.get(m.candidates().indexOf(k))).toList()).toList();
            chains.add(new ModelIr.Chain("latencies at home of " + mid + " within its deadline, with an admissible variant set",
                    m.deadlineNs(), chain, enabled, allowed));
            breakSymmetry(ir, m, layers, p.accelerators());
            models.add(new ModelVars(enabled, loss, sets, layers));
        }

        long cap = p.capPpm();
        Var maxLoad = ir.intVar("maxLoad", Math.min(Math.max(0, loadBoundPpm), cap), cap);
        List<Var> loads = new ArrayList<>();
        for (int a = 0; a < accs; a++) {
            Var u = ir.intVar("load[" + p.accelerators().get(a) + "]", 0, cap);
            loads.add(u);
            ir.linear("load of " + p.accelerators().get(a), loadSums.get(a).add(-1, u).build(), Relation.EQ, 0);
            ir.linear("maxLoad covers " + p.accelerators().get(a),
                    LinearExpr.builder().add(1, maxLoad).add(-1, u).build(), Relation.GE, 0);
        }

        // accelerators with the same latency for everything (two identical WS engines) are interchangeable:
        // swapping their homes changes nothing, so the first of each such pair carries at least the load of the second
        for (int a = 0; a < accs; a++) {
            for (int b = a + 1; b < accs; b++) {
                if (interchangeable(p, a, b)) {
                    ir.linear("interchangeable accelerators " + p.accelerators().get(a) + " and " + p.accelerators().get(b) + " in order",
                            LinearExpr.builder().add(1, loads.get(a)).add(-1, loads.get(b)).build(), Relation.GE, 0);
                    break;
                }
            }
        }
        ModelIr.LoadBalance balance = ir.loadBalance("layers placed on accelerators", maxLoad, accs, placements, chains, flexibility);

        ir.objective(Objectives.MAX_LOAD, Sense.MINIMISE, LinearExpr.of(maxLoad));
        ir.objective(Objectives.MIGRATABLE_WORK, Sense.MAXIMISE, migratable.build());
        ir.objective(Objectives.ACCURACY_LOSS, Sense.MINIMISE, accuracyLoss.build());

        // search: variant sets (few, and they decide which options exist), then homes by balancing (heaviest
        // layer first, as in list scheduling), then migration; budgets last and lowest first, since a budget's
        // only upper limit is its model's deadline sum, so its lower bound is always the best value
        ir.searchGroup("variant sets", selections, false);
        ir.balancingGroup("homes", balance);
        ir.searchGroup("migration", migration, true);
        ir.searchGroup("budgets", budgets, false);
        return new Encoding(p, formulation, ir.build(), models, loads, maxLoad);
    }

    /**
     * Layers of one model that never run as variants and have the same latency, load and work everywhere are
     * interchangeable: swapping their homes, budgets and migration choices changes nothing, since
     * only the sum of budgets is constrained. Among such layers, require the key
     * {@code M·homeIndex − budget} (M exceeds the budget range) to be non-decreasing in layer
     * order: homes in accelerator order, equal homes by non-increasing budget. Sorting any
     * solution's assignments of a group this way gives a solution with the same objectives.
     */
    private static void breakSymmetry(ModelIr.Builder ir, ModelData m, List<LayerVars> layers, List<String> accelerators) {
        for (List<Integer> group : interchangeableLayers(m)) {
            for (int j = 0; j + 1 < group.size(); j++) {
                LayerVars first = layers.get(group.get(j));
                LayerVars next = layers.get(group.get(j + 1));
                long range = first.b().ub() - first.b().lb() + 1;
                LinearExpr.Builder order = LinearExpr.builder().add(-1, first.b()).add(1, next.b());
                for (int a = 1; a < accelerators.size(); a++) {
                    order.add(range * a, first.x()[a][Implementation.ORIGINAL.ordinal()]);
                    order.add(-range * a, next.x()[a][Implementation.ORIGINAL.ordinal()]);
                }
                ir.linear("interchangeable layers " + m.id() + "/" + m.layers().get(group.get(j)).name() + " and "
                        + m.layers().get(group.get(j + 1)).name() + " in canonical order", order.build(), Relation.LE, 0);
            }
        }
    }

    /**
     * Groups of a model's layers that never run as variants and have the same latency, load and
     * work everywhere (groups of two or more), each in layer order.
     */
    static List<List<Integer>> interchangeableLayers(ModelData m) {
        java.util.Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int l = 0; l < m.layers().size(); l++) {
            LayerData layer = m.layers().get(l);
            if (!layer.hasVariant()) {
                // loads and work too: in a coarse time unit equal latencies no longer imply them
                String key = java.util.Arrays.toString(layer.latencyNs()[Implementation.ORIGINAL.ordinal()])
                        + java.util.Arrays.toString(layer.loadPpm()[Implementation.ORIGINAL.ordinal()]) + layer.workPpm();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
            }
        }
        return groups.values().stream().filter(g -> g.size() > 1).toList();
    }

    /**
     * What naming migration option (a, c) adds to a budget beyond the home latency, whatever the
     * home: the smallest {@code c − latency at home} over homes on other accelerators, at least 0.
     */
    private static long extraBudget(LayerData layer, int target, long c, int accs) {
        long slowestHome = 0;
        for (int a = 0; a < accs; a++) {
            if (a != target) {
                for (Implementation impl : layer.implementations()) {
                    slowestHome = Math.max(slowestHome, layer.latency(impl, a));
                }
            }
        }
        return Math.max(0, c - slowestHome);
    }

    /**
     * The least budget that lets a layer whose latency at home is {@code base} name migration
     * option (a, impl): the option's latency, and the home latency plus {@link #extraBudget}.
     */
    static long migrationBudget(LayerData layer, int a, Implementation impl, long base, int accs) {
        long c = layer.latency(impl, a);
        return Math.max(base + extraBudget(layer, a, c, accs), c);
    }

    /**
     * A start for the flexibility phase: the given solution's homes, implementations and variant
     * sets with budgets reassigned. Every layer gets its latency at home; then, per model, the
     * layers made flexible (each through its cheapest migration option) are the most work its
     * deadline leaves room for, an exact 0/1 knapsack ({@link MultipleChoiceKnapsack}); a model
     * whose knapsack needs more than {@link #KNAPSACK_NODES} search nodes takes its layers in
     * order of work per extra ns instead, while they fit. With the homes of the optimum, this is
     * the optimum. Without it a search that follows the load phase's solution (budgets at their
     * minimum, nothing flexible) climbed one layer at a time: on the shipped balanced-six instance
     * CP-SAT was still at half the optimum after 60 s.
     *
     * @param values a solution of the load phase
     * @return a solution of the same load with the most flexible work its homes allow
     */
    public static long[] flexibleStart(Encoding e, long[] values) {
        long[] v = values.clone();
        OfflineProblem p = e.problem();
        int accs = p.accelerators().size();
        for (int mi = 0; mi < p.models().size(); mi++) {
            ModelData m = p.models().get(mi);
            ModelVars mv = e.models().get(mi);
            int n = m.layers().size();
            long[] base = new long[n];
            long[] need = new long[n];
            Var[] option = new Var[n];
            long used = 0;
            for (int l = 0; l < n; l++) {
                LayerData layer = m.layers().get(l);
                LayerVars lv = mv.layers().get(l);
                int home = -1;
                Implementation impl = null;
                for (int a = 0; a < accs; a++) {
                    for (Implementation i : layer.implementations()) {
                        if (v[lv.x()[a][i.ordinal()].index()] == 1) {
                            home = a;
                            impl = i;
                        }
                    }
                }
                base[l] = layer.latency(impl, home);
                used += base[l];
                need[l] = Long.MAX_VALUE;
                for (int a = 0; a < accs; a++) {
                    for (Implementation i : layer.implementations()) {
                        Var f = lv.f()[a][i.ordinal()];
                        if (f == null) {
                            continue;
                        }
                        v[f.index()] = 0;
                        boolean allowed = a != home && (i == Implementation.ORIGINAL || v[mv.enabled().get(layer.candidate()).index()] == 1);
                        long required = migrationBudget(layer, a, i, base[l], accs);
                        if (allowed && required < need[l]) {
                            need[l] = required;
                            option[l] = f;
                        }
                    }
                }
                if (lv.flex() != null) {
                    v[lv.flex().index()] = 0;
                }
                v[lv.b().index()] = base[l];
            }
            List<Integer> candidates = new ArrayList<>();
            for (int l = 0; l < n; l++) {
                if (option[l] != null && mv.layers().get(l).flex() != null) {
                    candidates.add(l);
                }
            }
            for (int l : flexibleLayers(m, candidates, base, need, m.deadlineNs() - used)) {
                LayerVars lv = mv.layers().get(l);
                v[lv.b().index()] = need[l];
                v[option[l].index()] = 1;
                v[lv.flex().index()] = 1;
            }
        }
        return v;
    }

    /**
     * The candidate layers a model makes flexible: the most work whose extra budget
     * ({@code need − base}) fits in {@code slack}.
     */
    private static List<Integer> flexibleLayers(ModelData m, List<Integer> candidates, long[] base, long[] need, long slack) {
        int k = candidates.size();
        double[][] values = new double[k][];
        long[][] times = new long[k][];
        for (int c = 0; c < k; c++) {
            int l = candidates.get(c);
            values[c] = new double[] {0, m.layers().get(l).workPpm()};
            times[c] = new long[] {0, need[l] - base[l]};
        }
        MultipleChoiceKnapsack.Result exact = MultipleChoiceKnapsack.solve(values, times, slack, KNAPSACK_NODES);
        List<Integer> chosen = new ArrayList<>();
        if (exact.solved()) {
            for (int c = 0; c < k; c++) {
                if (exact.choices()[c] == 1) {
                    chosen.add(candidates.get(c));
                }
            }
            return chosen;
        }
        List<Integer> order = new ArrayList<>(candidates);
        // work per extra ns, highest first; free ones first of all
        order.sort((a, b) -> {
            double ra = m.layers().get(a).workPpm() / (double) Math.max(1, need[a] - base[a]);
            double rb = m.layers().get(b).workPpm() / (double) Math.max(1, need[b] - base[b]);
            return ra != rb ? Double.compare(rb, ra) : Integer.compare(a, b);
        });
        for (int l : order) {
            if (need[l] - base[l] <= slack) {
                slack -= need[l] - base[l];
                chosen.add(l);
            }
        }
        return chosen;
    }

    /**
     * A full assignment from a plan's choices: each model's variant set, each layer's home and
     * implementation, the loads and the busiest load from them, every budget at the layer's latency
     * at home (within the budget's range) and no migration named. It breaks the model's constraints
     * where the plan does (a load over the cap, latencies over a deadline): a hint need not be a solution.
     *
     * @param sets     per model, the index of its variant set among its admissible sets
     * @param homes    per model and layer, its home accelerator
     * @param variants per model and layer, whether it runs its variant
     */
    static long[] placement(Encoding e, int[] sets, int[][] homes, boolean[][] variants) {
        OfflineProblem p = e.problem();
        long[] v = new long[e.ir().vars().size()];
        for (Var var : e.ir().vars()) {
            v[var.index()] = var.lb();
        }
        long[] load = new long[p.accelerators().size()];
        for (int mi = 0; mi < p.models().size(); mi++) {
            ModelData m = p.models().get(mi);
            ModelVars mv = e.models().get(mi);
            VariantSet set = m.admissible().get(sets[mi]);
            for (int k = 0; k < m.candidates().size(); k++) {
                v[mv.enabled().get(k).index()] = set.layers().contains(m.candidates().get(k)) ? 1 : 0;
            }
            if (mv.loss() != null) {
                v[mv.loss().index()] = set.lossPpm();
            }
            for (int s = 0; s < mv.sets().size(); s++) {
                v[mv.sets().get(s).index()] = s == sets[mi] ? 1 : 0;
            }
            for (int l = 0; l < m.layers().size(); l++) {
                LayerData layer = m.layers().get(l);
                LayerVars lv = mv.layers().get(l);
                int home = homes[mi][l];
                Implementation impl = variants[mi][l] ? Implementation.VARIANT : Implementation.ORIGINAL;
                v[lv.x()[home][impl.ordinal()].index()] = 1;
                load[home] += layer.load(impl, home);
                v[lv.b().index()] = Math.max(lv.b().lb(), Math.min(lv.b().ub(), layer.latency(impl, home)));
            }
        }
        long max = 0;
        for (int a = 0; a < load.length; a++) {
            Var u = e.loads().get(a);
            v[u.index()] = Math.min(u.ub(), load[a]);
            max = Math.max(max, load[a]);
        }
        v[e.maxLoad().index()] = Math.max(e.maxLoad().lb(), Math.min(e.maxLoad().ub(), max));
        return v;
    }

    /** Whether two accelerators have the same latency and load for every implementation of every layer. */
    static boolean interchangeable(OfflineProblem p, int a, int b) {
        for (ModelData m : p.models()) {
            for (LayerData l : m.layers()) {
                for (Implementation impl : l.implementations()) {
                    if (l.latency(impl, a) != l.latency(impl, b) || l.load(impl, a) != l.load(impl, b)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Per layer, its smallest load on each accelerator over the implementations it may run. */
    static List<long[]> fastestLoads(OfflineProblem p) {
        List<long[]> work = new ArrayList<>();
        int accs = p.accelerators().size();
        for (ModelData m : p.models()) {
            for (LayerData l : m.layers()) {
                long[] w = new long[accs];
                for (int a = 0; a < accs; a++) {
                    w[a] = Long.MAX_VALUE;
                    for (Implementation impl : l.implementations()) {
                        w[a] = Math.min(w[a], l.load(impl, a));
                    }
                }
                work.add(w);
            }
        }
        return work;
    }

    private static void tableSelection(ModelIr.Builder ir, ModelData m, List<Var> enabled, Var loss) {
        List<Var> columns = new ArrayList<>(enabled);
        columns.add(loss);
        List<long[]> rows = new ArrayList<>();
        for (VariantSet s : m.admissible()) {
            long[] row = new long[columns.size()];
            for (int k = 0; k < enabled.size(); k++) {
                row[k] = s.layers().contains(m.candidates().get(k)) ? 1 : 0;
            }
            row[enabled.size()] = s.lossPpm();
            rows.add(row);
        }
        ir.table("admissible variant sets of " + m.id(), columns, rows);
    }

    private static List<Var> mipSelection(ModelIr.Builder ir, ModelData m, List<Var> enabled, Var loss) {
        List<Var> z = new ArrayList<>();
        LinearExpr.Builder one = LinearExpr.builder();
        LinearExpr.Builder lossSum = LinearExpr.builder().add(1, loss);
        for (int s = 0; s < m.admissible().size(); s++) {
            VariantSet set = m.admissible().get(s);
            Var zs = ir.boolVar("z[" + m.id() + "#" + s + "]");
            z.add(zs);
            one.add(1, zs);
            lossSum.add(-set.lossPpm(), zs);
        }
        ir.linear("one variant set for " + m.id(), one.build(), Relation.EQ, 1);
        ir.linear("loss of the variant set of " + m.id(), lossSum.build(), Relation.EQ, 0);
        for (int k = 0; k < enabled.size(); k++) {
            String candidate = m.candidates().get(k);
            LinearExpr.Builder link = LinearExpr.builder().add(1, enabled.get(k));
            for (int s = 0; s < m.admissible().size(); s++) {
                if (m.admissible().get(s).layers().contains(candidate)) {
                    link.add(-1, z.get(s));
                }
            }
            ir.linear("enable " + m.id() + "/" + candidate + " exactly with a set containing it", link.build(), Relation.EQ, 0);
        }
        return z;
    }
}
