package org.terastal.offline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An integer linear expression {@code Σ coef·var} over variables of a {@link ModelIr}; no constant
 * term (constants live on the right-hand side of constraints). Immutable; a variable appears at most
 * once and never with coefficient 0.
 */
public final class LinearExpr {
    private final List<ModelIr.Term> terms;

    private LinearExpr(List<ModelIr.Term> terms) {
        this.terms = Collections.unmodifiableList(terms);
    }

    /** The terms, in the order the variables were first added. */
    public List<ModelIr.Term> terms() {
        return terms;
    }

    /** The expression {@code 1·var}. */
    public static LinearExpr of(ModelIr.Var var) {
        return builder().add(1, var).build();
    }

    /** Value under an assignment indexed by variable index; exact (fails on overflow). */
    public long evaluate(long[] values) {
        long sum = 0;
        for (ModelIr.Term t : terms) {
            sum = Math.addExact(sum, Math.multiplyExact(t.coef(), values[t.var().index()]));
        }
        return sum;
    }

    /** Smallest value the expression can take within the variables' bounds. */
    public long min() {
        long sum = 0;
        for (ModelIr.Term t : terms) {
            sum = Math.addExact(sum, Math.multiplyExact(t.coef(), t.coef() >= 0 ? t.var().lb() : t.var().ub()));
        }
        return sum;
    }

    /** Largest value the expression can take within the variables' bounds. */
    public long max() {
        long sum = 0;
        for (ModelIr.Term t : terms) {
            sum = Math.addExact(sum, Math.multiplyExact(t.coef(), t.coef() >= 0 ? t.var().ub() : t.var().lb()));
        }
        return sum;
    }

    /** The single variable when the expression is exactly {@code 1·var}, else null. */
    public ModelIr.Var asVariable() {
        return terms.size() == 1 && terms.get(0).coef() == 1 ? terms.get(0).var() : null;
    }

    @Override
    public String toString() {
        if (terms.isEmpty()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (ModelIr.Term t : terms) {
            if (sb.length() > 0) {
                sb.append(t.coef() < 0 ? " - " : " + ");
            } else if (t.coef() < 0) {
                sb.append('-');
            }
            long c = Math.abs(t.coef());
            if (c != 1) {
                sb.append(c).append('·');
            }
            sb.append(t.var().name());
        }
        return sb.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects terms; adding a variable twice sums its coefficients. */
    public static final class Builder {
        private final Map<Integer, ModelIr.Term> byVar = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(long coef, ModelIr.Var var) {
            byVar.merge(var.index(), new ModelIr.Term(coef, var),
                    (a, b) -> new ModelIr.Term(Math.addExact(a.coef(), b.coef()), a.var()));
            return this;
        }

        public Builder addAll(long coef, List<ModelIr.Var> vars) {
            vars.forEach(v -> add(coef, v));
            return this;
        }

        public boolean isEmpty() {
            return byVar.values().stream().allMatch(t -> t.coef() == 0);
        }

        public LinearExpr build() {
            List<ModelIr.Term> terms = new ArrayList<>();
            for (ModelIr.Term t : byVar.values()) {
                if (t.coef() != 0) {
                    terms.add(t);
                }
            }
            return new LinearExpr(terms);
        }
    }
}
