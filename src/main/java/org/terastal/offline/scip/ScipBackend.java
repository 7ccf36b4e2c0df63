package org.terastal.offline.scip;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Optional;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.Backend;
import org.terastal.offline.BackendUnavailableException;
import org.terastal.offline.ModelIr;
import org.terastal.offline.PhaseResult;
import org.terastal.offline.SolverSettings;
import org.terastal.offline.cpsat.OrTools;

/**
 * SCIP through OR-Tools' linear solver wrapper (MPSolver "SCIP", bundled with ortools-java).
 * A MIP solver: it takes linear models only, so it solves the {@code mip} formulation and refuses
 * tables. Single-threaded and deterministic for a given seed; the relative gap is set to 0 so that
 * OPTIMAL means proven optimal, and values are rounded to the nearest integer (the driver then
 * checks them against every constraint).
 */
public final class ScipBackend implements Backend {

    @Override
    public String name() {
        return "scip";
    }

    @Override
    public String version() {
        return OrTools.exclusively(() -> {
            MPSolver solver = create();
            try {
                // "SCIP 10.0.0 [LP solver: SoPlex 8.0.0]" -> "10.0.0"
                String[] words = solver.solverVersion().split(" ");
                return words.length > 1 ? words[1] : solver.solverVersion();
            } finally {
                solver.delete();
            }
        });
    }

    @Override
    public Optional<String> unsupported(ModelIr ir) {
        if (!ir.tables().isEmpty()) {
            return Optional.of("The scip solver takes linear models only, and this model has " + ir.tables().size()
                    + " table constraints ('" + ir.tables().get(0).name() + "', …); maybe use --formulation mip, or --solver cpsat or choco");
        }
        return Optional.empty();
    }

    @Override
    public PhaseResult solve(ModelIr ir, SolverSettings settings, long[] hint) {
        unsupported(ir).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        if (ir.objectives().size() > 1) {
            throw new IllegalArgumentException("SCIP solves one objective at a time; the lexicographic driver splits them");
        }
        return OrTools.exclusively(() -> run(ir, settings, hint));
    }

    private static MPSolver create() {
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new BackendUnavailableException("This OR-Tools build has no SCIP; maybe use --solver cpsat or choco", null);
        }
        return solver;
    }

    private static PhaseResult run(ModelIr ir, SolverSettings settings, long[] hint) {
        long start = System.nanoTime();
        MPSolver solver = create();
        try {
            MPVariable[] vars = new MPVariable[ir.vars().size()];
            for (ModelIr.Var v : ir.vars()) {
                vars[v.index()] = v.bool() ? solver.makeBoolVar(v.name()) : solver.makeIntVar(v.lb(), v.ub(), v.name());
            }
            double inf = MPSolver.infinity();
            for (ModelIr.Linear c : ir.linears()) {
                double lo = c.relation() == ModelIr.Relation.LE ? -inf : c.rhs();
                double hi = c.relation() == ModelIr.Relation.GE ? inf : c.rhs();
                MPConstraint row = solver.makeConstraint(lo, hi);
                for (ModelIr.Term t : c.expr().terms()) {
                    row.setCoefficient(vars[t.var().index()], t.coef());
                }
            }
            ModelIr.Objective objective = ir.objectives().isEmpty() ? null : ir.objectives().get(0);
            if (objective != null) {
                MPObjective obj = solver.objective();
                for (ModelIr.Term t : objective.expr().terms()) {
                    obj.setCoefficient(vars[t.var().index()], t.coef());
                }
                obj.setOptimizationDirection(objective.sense() == ModelIr.Sense.MAXIMISE);
            }
            if (hint != null) {
                double[] h = new double[hint.length];
                for (int i = 0; i < h.length; i++) {
                    h[i] = hint[i];
                }
                solver.setHint(vars, h);
            }
            solver.setTimeLimit(Math.max(1, (long) (settings.secondsLeft(start) * 1000)));
            solver.setSolverSpecificParametersAsString("randomization/randomseedshift = " + settings.solverSeed());
            MPSolverParameters params = new MPSolverParameters();
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            MPSolver.ResultStatus result = solver.solve(params);

            SolveStatus status = switch (result) {
                case OPTIMAL -> SolveStatus.OPTIMAL;
                case FEASIBLE -> SolveStatus.FEASIBLE;
                case INFEASIBLE -> SolveStatus.INFEASIBLE;
                case NOT_SOLVED -> SolveStatus.UNKNOWN;
                default -> throw new IllegalStateException("SCIP ended with status " + result + " on the model built from the IR");
            };
            return PhaseResult.assemble(status, ir, i -> Math.round(vars[i].solutionValue()),
                    () -> PhaseResult.inward(solver.objective().bestBound(), objective.sense()), solver.nodes(), 0, start);
        } finally {
            solver.delete();
        }
    }
}
