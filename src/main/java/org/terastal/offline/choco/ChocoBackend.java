package org.terastal.offline.choco;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Settings;
import org.chocosolver.solver.Solution;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.constraints.Operator;
import org.chocosolver.solver.constraints.extension.Tuples;
import org.chocosolver.solver.constraints.nary.sum.IntLinCombFactory;
import org.chocosolver.solver.search.loop.monitors.IMonitorInitialize;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.search.strategy.selectors.values.IntValueSelector;
import org.chocosolver.solver.search.strategy.selectors.variables.DomOverWDeg;
import org.chocosolver.solver.search.strategy.selectors.variables.InputOrder;
import org.chocosolver.solver.search.strategy.strategy.AbstractStrategy;
import org.chocosolver.solver.variables.IntVar;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.Backend;
import org.terastal.offline.LinearExpr;
import org.terastal.offline.ModelIr;
import org.terastal.offline.PhaseResult;
import org.terastal.offline.SolverSettings;

/**
 * Choco Solver, the pure-Java back-end: runs wherever a JVM does, with no natives. Single-threaded
 * depth-first branch and bound, deterministic by construction (the seed and workers settings do
 * not apply). Choco's domains are 32-bit ({@link #largestInteger()}): the offline stage states
 * times in a coarser unit when ns do not fit, and a model whose bounds or coefficients still do not
 * fit is refused with the offending variable named.
 *
 * <p>Search: the IR's search groups in order (homes of the heaviest layers first, then variant
 * sets, budgets, migration), each by dom/wdeg with last-conflict; a value is the hinted one
 * (the previous phase's solution) when still in the domain, else the lower bound.
 *
 * <p>Bounds: Choco has no linear relaxation, so each load-balance declaration gets a Lagrangian
 * bound on the busiest load ({@link LoadBoundPropagator}) and, in the phase maximising the
 * flexible work it declares, one on that work ({@link WorkBoundPropagator}), both with
 * reduced-cost fixing (docs/offline.md §4).
 */
public final class ChocoBackend implements Backend {
    private static final String VERSION = readVersion();
    /** Constraints whose terms can add up to this much get 64-bit arithmetic. */
    private static final double LONG_ARITHMETIC_FROM = Integer.MAX_VALUE / 4.0;

    @Override
    public String name() {
        return "choco";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public long largestInteger() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Optional<String> unsupported(ModelIr ir) {
        for (ModelIr.Var v : ir.vars()) {
            if (!fits(v.lb()) || !fits(v.ub())) {
                return Optional.of("The bounds [" + v.lb() + ", " + v.ub() + "] of variable " + v.name()
                        + " exceed Choco's 32-bit integers; maybe use --solver cpsat");
            }
        }
        for (ModelIr.Linear c : ir.linears()) {
            if (!fits(c.rhs()) || c.expr().terms().stream().anyMatch(t -> !fits(t.coef()))) {
                return Optional.of("The constraint '" + c.name() + "' has a coefficient beyond Choco's 32-bit integers; maybe use --solver cpsat");
            }
        }
        for (ModelIr.Objective o : ir.objectives()) {
            if (!fits(o.expr().min()) || !fits(o.expr().max())) {
                return Optional.of("The objective " + o.name() + " ranges beyond Choco's 32-bit integers; maybe use --solver cpsat");
            }
        }
        return Optional.empty();
    }

    @Override
    public PhaseResult solve(ModelIr ir, SolverSettings settings, long[] hint) {
        unsupported(ir).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (ir.objectives().size() > 1) {
            throw new IllegalArgumentException("Choco solves one objective at a time; the lexicographic driver splits them");
        }
        long start = System.nanoTime();
        Model model = new Model("terastal", Settings.init().setCheckDeclaredConstraints(false).setWarnUser(false));
        IntVar[] vars = new IntVar[ir.vars().size()];
        for (ModelIr.Var v : ir.vars()) {
            vars[v.index()] = v.bool() ? model.boolVar(v.name()) : model.intVar(v.name(), (int) v.lb(), (int) v.ub(), true);
        }
        for (ModelIr.Linear c : ir.linears()) {
            List<ModelIr.Term> terms = c.expr().terms();
            if (terms.isEmpty()) {
                // a constant (a phase keeping an objective of no terms at its optimum): Choco refuses a sum of nothing
                if (!c.holds(new long[vars.length])) {
                    model.falseConstraint().post();
                }
                continue;
            }
            IntVar[] vs = new IntVar[terms.size()];
            int[] coefs = new int[terms.size()];
            for (int i = 0; i < vs.length; i++) {
                vs[i] = vars[terms.get(i).var().index()];
                coefs[i] = (int) terms.get(i).coef();
            }
            if (magnitude(c) < LONG_ARITHMETIC_FROM) {
                model.scalar(vs, coefs, c.relation().symbol(), (int) c.rhs()).post();
            } else {
                // Choco splits long sums into chunks whose bounds it adds in 32 bits; a sum of large terms (the
                // budgets of a model with a long deadline) would overflow there, so it gets a 64-bit propagator
                IntLinCombFactory.selectScalarWithLong(vs, coefs, Operator.get(c.relation().symbol()), c.rhs()).post();
            }
        }
        for (ModelIr.Table t : ir.tables()) {
            Tuples tuples = new Tuples(true);
            for (long[] row : t.tuples()) {
                int[] r = new int[row.length];
                for (int i = 0; i < r.length; i++) {
                    r[i] = Math.toIntExact(row[i]);
                }
                tuples.add(r);
            }
            model.table(t.vars().stream().map(v -> vars[v.index()]).toArray(IntVar[]::new), tuples, "CT+").post();
        }
        Map<ModelIr.LoadBalance, LoadBoundPropagator> bounds = new HashMap<>();
        for (ModelIr.LoadBalance balance : ir.loadBalances()) {
            LoadBoundPropagator bound = new LoadBoundPropagator(balance, vars);
            bounds.put(balance, bound);
            new org.chocosolver.solver.constraints.Constraint(balance.name(), bound).post();
        }
        ModelIr.Objective objective = ir.objectives().isEmpty() ? null : ir.objectives().get(0);
        IntVar objectiveVar = objective == null ? null : objectiveVar(model, objective.expr(), vars);
        if (objective != null) {
            model.setObjective(objective.sense() == ModelIr.Sense.MAXIMISE, objectiveVar);
            for (ModelIr.LoadBalance balance : ir.loadBalances()) {
                if (objective.sense() == ModelIr.Sense.MAXIMISE && isFlexibleWork(objective.expr(), balance)) {
                    new org.chocosolver.solver.constraints.Constraint(balance.name() + ": flexible work",
                            new WorkBoundPropagator(balance, vars, objectiveVar)).post();
                }
            }
        }

        Solver solver = model.getSolver();
        solver.setSearch(search(model, ir, vars, hint, bounds));
        // Choco's own bound on a maximisation is the objective's range, not where root propagation left it
        long[] rootBound = new long[1];
        if (objective != null) {
            rootBound[0] = objective.sense() == ModelIr.Sense.MINIMISE ? objectiveVar.getLB() : objectiveVar.getUB();
            solver.plugMonitor(new IMonitorInitialize() {
                @Override
                public void afterInitialize(boolean correct) {
                    if (correct) {
                        rootBound[0] = objective.sense() == ModelIr.Sense.MINIMISE ? objectiveVar.getLB() : objectiveVar.getUB();
                    }
                }
            });
        }
        solver.limitTime(Math.max(1, (long) (settings.secondsLeft(start) * 1000)));
        Solution best = new Solution(model, vars);
        boolean found = false;
        if (objective == null) {
            found = solver.solve();
            if (found) {
                best.record();
            }
        } else {
            while (solver.solve()) {
                best.record();
                found = true;
            }
        }
        boolean stopped = solver.isStopCriterionMet();
        SolveStatus status = found ? (stopped ? SolveStatus.FEASIBLE : SolveStatus.OPTIMAL)
                : (stopped ? SolveStatus.UNKNOWN : SolveStatus.INFEASIBLE);
        // Choco's depth-first search proves no bound beyond what root propagation gave the objective
        return PhaseResult.assemble(status, ir, i -> best.getIntVal(vars[i]), () -> objective.sense() == ModelIr.Sense.MINIMISE
                        ? Math.max(rootBound[0], solver.getObjectiveManager().getBestLB().longValue())
                        : Math.min(rootBound[0], solver.getObjectiveManager().getBestUB().longValue()),
                solver.getNodeCount(), solver.getFailCount(), start);
    }

    /** Whether an objective is exactly the flexible work Σ work·flex that a load balance declares. */
    private static boolean isFlexibleWork(LinearExpr expr, ModelIr.LoadBalance balance) {
        if (balance.flexibility().isEmpty()) {
            return false;
        }
        Map<ModelIr.Var, Long> declared = new HashMap<>();
        // a layer of no work is flexible for nothing: the objective leaves it out
        balance.flexibility().stream().filter(f -> f.work() != 0).forEach(f -> declared.merge(f.flex(), f.work(), Long::sum));
        Map<ModelIr.Var, Long> terms = new HashMap<>();
        expr.terms().forEach(t -> terms.merge(t.var(), t.coef(), Long::sum));
        return declared.equals(terms);
    }

    private static IntVar objectiveVar(Model model, LinearExpr expr, IntVar[] vars) {
        ModelIr.Var single = expr.asVariable();
        if (single != null) {
            return vars[single.index()];
        }
        IntVar obj = model.intVar("objective", (int) expr.min(), (int) expr.max(), true);
        List<ModelIr.Term> terms = expr.terms();
        if (terms.isEmpty()) {
            return obj; // a constant (no accelerator to migrate to): its range is the one value
        }
        IntVar[] vs = new IntVar[terms.size() + 1];
        int[] coefs = new int[terms.size() + 1];
        for (int i = 0; i < terms.size(); i++) {
            vs[i] = vars[terms.get(i).var().index()];
            coefs[i] = (int) terms.get(i).coef();
        }
        vs[terms.size()] = obj;
        coefs[terms.size()] = -1;
        model.scalar(vs, coefs, "=", 0).post();
        return obj;
    }

    // Choco declares Search.sequencer with raw types
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static AbstractStrategy<?> search(Model model, ModelIr ir, IntVar[] vars, long[] hint,
                                             Map<ModelIr.LoadBalance, LoadBoundPropagator> bounds) {
        Map<IntVar, Integer> hinted = new HashMap<>();
        if (hint != null) {
            for (ModelIr.Var v : ir.vars()) {
                hinted.put(vars[v.index()], (int) hint[v.index()]);
            }
        }
        List<AbstractStrategy<IntVar>> strategies = new ArrayList<>();
        for (ModelIr.SearchGroup group : ir.searchGroups()) {
            IntVar[] vs = group.vars().stream().map(v -> vars[v.index()]).toArray(IntVar[]::new);
            strategies.add(group.balancing() != null ? new BalancingStrategy(group.balancing(), vars, hinted, bounds.get(group.balancing()))
                    : Search.intVarSearch(new DomOverWDeg<>(vs, 0), hintedOr(hinted, group.preferHigh()), vs));
        }
        // every variable is decided, also those outside the groups (loads, losses)
        strategies.add(Search.intVarSearch(new InputOrder<>(model), hintedOr(hinted, false), vars));
        return Search.lastConflict(Search.sequencer(strategies.toArray(new AbstractStrategy[0])));
    }

    /** The hinted value while it is in the domain, else the preferred bound. */
    private static IntValueSelector hintedOr(Map<IntVar, Integer> hinted, boolean preferHigh) {
        return v -> {
            Integer h = hinted.get(v);
            return h != null && v.contains(h) ? h : preferHigh ? v.getUB() : v.getLB();
        };
    }

    /** Largest absolute value the terms and right-hand side of a constraint can add up to. */
    private static double magnitude(ModelIr.Linear c) {
        double sum = Math.abs((double) c.rhs());
        for (ModelIr.Term t : c.expr().terms()) {
            sum += Math.abs((double) t.coef()) * Math.max(Math.abs((double) t.var().lb()), Math.abs((double) t.var().ub()));
        }
        return sum;
    }

    private static boolean fits(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    private static String readVersion() {
        try (InputStream in = Model.class.getResourceAsStream("/META-INF/maven/org.choco-solver/choco-solver/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
