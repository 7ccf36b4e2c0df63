package org.terastal.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A solver-neutral constraint model: bounded integer and boolean variables, linear constraints
 * {@code Σ coef·var (≤ | = | ≥) rhs}, allowed-assignment tables over tuples of variables, and a
 * lexicographic list of linear objectives. A formulation writes its constraint logic once, into
 * this form; each back-end only translates it. Immutable; built with {@link #builder()}.
 *
 * <p>Besides the constraints, the model carries search groups: variables in the order a
 * depth-first search should decide them (a hint, which a back-end may ignore).
 */
public final class ModelIr {

    /**
     * A variable.
     *
     * @param index position in {@link #vars()}, the index of its value in an assignment
     * @param name  unique name, for messages and solver logs
     * @param lb    lower bound
     * @param ub    upper bound
     * @param bool  whether it is a 0-1 variable
     */
    public record Var(int index, String name, long lb, long ub, boolean bool) {
    }

    /** One term {@code coef·var} of a linear expression. */
    public record Term(long coef, Var var) {
    }

    /** Comparison of a linear constraint. */
    public enum Relation {
        LE("<="), EQ("="), GE(">=");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in models ({@code <=}, {@code =}, {@code >=}). */
        public String symbol() {
            return symbol;
        }

        boolean holds(long lhs, long rhs) {
            return switch (this) {
                case LE -> lhs <= rhs;
                case EQ -> lhs == rhs;
                case GE -> lhs >= rhs;
            };
        }
    }

    /**
     * A linear constraint {@code expr relation rhs}.
     *
     * @param name     what it states, for messages
     * @param expr     left-hand side
     * @param relation comparison
     * @param rhs      right-hand side
     */
    public record Linear(String name, LinearExpr expr, Relation relation, long rhs) {
        /** Whether an assignment satisfies it. */
        public boolean holds(long[] values) {
            return relation.holds(expr.evaluate(values), rhs);
        }

        @Override
        public String toString() {
            return name + ": " + expr + " " + relation.symbol() + " " + rhs;
        }
    }

    /**
     * An allowed-assignments constraint: the tuple of the variables' values must be one of the rows.
     *
     * @param name   what it states
     * @param vars   the constrained variables, in column order
     * @param tuples the allowed rows, each as long as {@code vars}; not modified after construction
     */
    public record Table(String name, List<Var> vars, List<long[]> tuples) {
        public Table {
            vars = List.copyOf(vars);
            List<long[]> copy = new ArrayList<>();
            for (long[] row : tuples) {
                if (row.length != vars.size()) {
                    throw new IllegalArgumentException("The table '" + name + "' has a row of " + row.length + " values for "
                            + vars.size() + " variables");
                }
                copy.add(row.clone());
            }
            tuples = Collections.unmodifiableList(copy);
        }

        /** Whether an assignment satisfies it. */
        public boolean holds(long[] values) {
            long[] actual = vars.stream().mapToLong(v -> values[v.index()]).toArray();
            return tuples.stream().anyMatch(row -> Arrays.equals(row, actual));
        }
    }

    /** Direction of an objective. */
    public enum Sense {
        MINIMISE, MAXIMISE
    }

    /**
     * One objective of the lexicographic list.
     *
     * @param name  name of the term, as solution files report it
     * @param sense direction
     * @param expr  the linear expression optimised
     */
    public record Objective(String name, Sense sense, LinearExpr expr) {
    }

    /**
     * One way to place an item of a {@link LoadBalance}: when {@code var} is 1, the item puts
     * {@code load} on resource {@code resource}, takes {@code time} of its chain's capacity, and
     * needs the switch {@code requires} on (null when it needs none).
     */
    public record Placement(Var var, int resource, long load, long time, Var requires) {
        /** A placement in no chain, needing no switch. */
        public Placement(Var var, int resource, long load) {
            this(var, resource, load, 0, null);
        }
    }

    /**
     * Items of a {@link LoadBalance} whose placed times add up to at most {@code capacity} (a
     * model's layers within its deadline), and the switches its placements may require (a model's
     * variant candidates), of which exactly the members of one of {@code allowed} are on.
     *
     * @param name     what it states
     * @param capacity the largest sum of the items' times
     * @param items    indices into the load balance's items; an item is in at most one chain
     * @param switches 0-1 variables the chain's placements may require; each item's placements require at most one
     * @param allowed  the sets of switches that may be on together, the others off; when {@code switches} is empty,
     *                 the one empty set
     */
    public record Chain(String name, long capacity, List<Integer> items, List<Var> switches, List<List<Var>> allowed) {
        public Chain {
            items = List.copyOf(items);
            switches = List.copyOf(switches);
            allowed = allowed.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A way for an item of a {@link LoadBalance} to run away from its placement: on resource
     * {@code resource}, which must not be the placement's, taking {@code time} of its chain's
     * capacity, needing the switch {@code requires} on (null when it needs none).
     */
    public record Migration(Var var, int resource, long time, Var requires) {
    }

    /**
     * The flexibility of item {@code item} of a {@link LoadBalance}: {@code flex} may be 1 only
     * when one of {@code options} is 1, and is worth {@code work}. The item then takes the larger
     * of its placement's and its option's time from its chain.
     */
    public record Flexibility(int item, Var flex, long work, List<Migration> options) {
        public Flexibility {
            options = List.copyOf(options);
        }
    }

    /**
     * A load-balancing structure that the linear constraints already state, declared again so that
     * back-ends without a linear relaxation can bound with it: every item takes exactly one of its
     * placements, a resource's load is the sum of the placed loads, {@code max} is at least
     * every resource's load, each chain's times fit its capacity (an item's time is its
     * placement's, or its migration's if that is larger), and a flexible item has a migration
     * option away from its placement. Back-ends with a
     * linear relaxation may ignore it.
     *
     * @param name      what it states
     * @param max       the variable bounding every resource's load
     * @param resources number of resources
     * @param items     per item its placements
     * @param chains      groups of items with a capacity on their summed times
     * @param flexibility the items that may be flexible, and how
     */
    public record LoadBalance(String name, Var max, int resources, List<List<Placement>> items, List<Chain> chains,
                              List<Flexibility> flexibility) {
        public LoadBalance {
            items = items.stream().map(List::copyOf).toList();
            chains = List.copyOf(chains);
            flexibility = List.copyOf(flexibility);
        }

        /** Whether an assignment satisfies it. */
        public boolean holds(long[] values) {
            long[] load = new long[resources];
            for (List<Placement> item : items) {
                int placed = 0;
                for (Placement p : item) {
                    if (values[p.var().index()] == 1) {
                        placed++;
                        load[p.resource()] += p.load();
                    }
                }
                if (placed != 1) {
                    return false;
                }
            }
            long[] itemTime = new long[items.size()];
            int[] home = new int[items.size()];
            for (int i = 0; i < items.size(); i++) {
                for (Placement p : items.get(i)) {
                    if (values[p.var().index()] == 1) {
                        itemTime[i] = p.time();
                        home[i] = p.resource();
                        if (p.requires() != null && values[p.requires().index()] != 1) {
                            return false;
                        }
                    }
                }
            }
            for (Flexibility f : flexibility) {
                boolean away = false;
                for (Migration m : f.options()) {
                    if (values[m.var().index()] == 1) {
                        if (m.resource() == home[f.item()] || (m.requires() != null && values[m.requires().index()] != 1)) {
                            return false;
                        }
                        itemTime[f.item()] = Math.max(itemTime[f.item()], m.time());
                        away = true;
                    }
                }
                if (values[f.flex().index()] == 1 && !away) {
                    return false;
                }
            }
            for (Chain c : chains) {
                long time = 0;
                for (int i : c.items()) {
                    time += itemTime[i];
                }
                java.util.Set<Var> on = new java.util.HashSet<>();
                c.switches().stream().filter(v -> values[v.index()] == 1).forEach(on::add);
                if (time > c.capacity() || c.allowed().stream().noneMatch(set -> on.equals(new java.util.HashSet<>(set)))) {
                    return false;
                }
            }
            return java.util.Arrays.stream(load).allMatch(l -> l <= values[max.index()]);
        }
    }

    /**
     * Variables a search should decide together, in order, and which value to try first.
     *
     * @param name       what the variables are
     * @param vars       the variables
     * @param preferHigh whether to try the upper bound first (else the lower bound)
     * @param balancing  when not null, the variables are placements of this structure, best decided by
     *                   balancing its loads (heaviest item first, onto the least loaded resource)
     */
    public record SearchGroup(String name, List<Var> vars, boolean preferHigh, LoadBalance balancing) {
        public SearchGroup {
            vars = List.copyOf(vars);
        }
    }

    private final List<Var> vars;
    private final List<Linear> linears;
    private final List<Table> tables;
    private final List<LoadBalance> loadBalances;
    private final List<Objective> objectives;
    private final List<SearchGroup> searchGroups;

    private ModelIr(List<Var> vars, List<Linear> linears, List<Table> tables, List<LoadBalance> loadBalances,
                    List<Objective> objectives, List<SearchGroup> searchGroups) {
        this.vars = List.copyOf(vars);
        this.linears = List.copyOf(linears);
        this.tables = List.copyOf(tables);
        this.loadBalances = List.copyOf(loadBalances);
        this.objectives = List.copyOf(objectives);
        this.searchGroups = List.copyOf(searchGroups);
    }

    public List<Var> vars() {
        return vars;
    }

    public List<Linear> linears() {
        return linears;
    }

    public List<Table> tables() {
        return tables;
    }

    /** Implied load-balancing structures (see {@link LoadBalance}). */
    public List<LoadBalance> loadBalances() {
        return loadBalances;
    }

    /** Objectives in lexicographic order: the first matters most. */
    public List<Objective> objectives() {
        return objectives;
    }

    /** Decision variables grouped in the order a search should branch on them. */
    public List<SearchGroup> searchGroups() {
        return searchGroups;
    }

    /**
     * The single-objective model of lexicographic phase {@code k}: the same variables and
     * constraints, each earlier objective held at its optimum ({@code ≤} for a minimisation,
     * {@code ≥} for a maximisation) and objective {@code k} alone to optimise.
     *
     * @param k      phase, 0-based
     * @param optima optimal values of objectives {@code 0 … k-1}
     */
    public ModelIr phase(int k, long[] optima) {
        if (k < 0 || k >= objectives.size() || optima.length < k) {
            throw new IllegalArgumentException("Phase " + k + " of a model with " + objectives.size() + " objectives needs "
                    + k + " optima, got " + optima.length);
        }
        List<Linear> all = new ArrayList<>(linears);
        for (int j = 0; j < k; j++) {
            Objective o = objectives.get(j);
            Relation keep = o.sense() == Sense.MINIMISE ? Relation.LE : Relation.GE;
            all.add(new Linear("keep " + o.name() + " at its optimum", o.expr(), keep, optima[j]));
        }
        return new ModelIr(vars, all, tables, loadBalances, List.of(objectives.get(k)), searchGroups);
    }

    /** The same model with one more linear constraint. */
    public ModelIr with(Linear extra) {
        List<Linear> all = new ArrayList<>(linears);
        all.add(extra);
        return new ModelIr(vars, all, tables, loadBalances, objectives, searchGroups);
    }

    /**
     * Every constraint or bound an assignment violates, as readable lines; empty when it is a
     * solution. Back-ends' answers are checked with it before anything reads them.
     */
    public List<String> violations(long[] values) {
        List<String> out = new ArrayList<>();
        if (values.length != vars.size()) {
            out.add("the assignment has " + values.length + " values for " + vars.size() + " variables");
            return out;
        }
        for (Var v : vars) {
            long x = values[v.index()];
            if (x < v.lb() || x > v.ub()) {
                out.add(v.name() + " = " + x + " is outside [" + v.lb() + ", " + v.ub() + "]");
            }
        }
        for (Linear c : linears) {
            if (!c.holds(values)) {
                out.add(c + " fails with left-hand side " + c.expr().evaluate(values));
            }
        }
        for (Table t : tables) {
            if (!t.holds(values)) {
                out.add(t.name() + ": " + t.vars().stream().map(v -> v.name() + "=" + values[v.index()]).toList()
                        + " is not an allowed row");
            }
        }
        for (LoadBalance b : loadBalances) {
            if (!b.holds(values)) {
                out.add(b.name() + ": some item is not placed exactly once or a load exceeds " + b.max().name());
            }
        }
        return out;
    }

    /** The largest magnitude of a variable bound, linear coefficient or right-hand side, table entry or objective value. */
    public long largestMagnitude() {
        long most = 0;
        for (Var v : vars) {
            most = Math.max(most, Math.max(Math.abs(v.lb()), Math.abs(v.ub())));
        }
        for (Linear c : linears) {
            most = Math.max(most, Math.abs(c.rhs()));
            for (Term t : c.expr().terms()) {
                most = Math.max(most, Math.abs(t.coef()));
            }
        }
        for (Table t : tables) {
            for (long[] row : t.tuples()) {
                for (long x : row) {
                    most = Math.max(most, Math.abs(x));
                }
            }
        }
        for (Objective o : objectives) {
            most = Math.max(most, Math.max(Math.abs(o.expr().min()), Math.abs(o.expr().max())));
        }
        return most;
    }

    /** Counts, for logs and tests: variables (booleans), linear constraints, tables, table rows. */
    public String size() {
        long bools = vars.stream().filter(Var::bool).count();
        long rows = tables.stream().mapToLong(t -> t.tuples().size()).sum();
        return vars.size() + " variables (" + bools + " boolean), " + linears.size() + " linear constraints, "
                + tables.size() + " tables (" + rows + " rows)";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a model; variable names must be unique and bounds ordered. */
    public static final class Builder {
        private final List<Var> vars = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private final List<Linear> linears = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<LoadBalance> loadBalances = new ArrayList<>();
        private final List<Objective> objectives = new ArrayList<>();
        private final List<SearchGroup> searchGroups = new ArrayList<>();

        private Builder() {
        }

        public Var intVar(String name, long lb, long ub) {
            if (lb > ub) {
                throw new IllegalArgumentException("The bounds [" + lb + ", " + ub + "] of variable '" + name + "' are empty");
            }
            return add(name, lb, ub, false);
        }

        public Var boolVar(String name) {
            return add(name, 0, 1, true);
        }

        private Var add(String name, long lb, long ub, boolean bool) {
            if (!names.add(name)) {
                throw new IllegalArgumentException("The variable name '" + name + "' is used twice");
            }
            Var v = new Var(vars.size(), name, lb, ub, bool);
            vars.add(v);
            return v;
        }

        public Builder linear(String name, LinearExpr expr, Relation relation, long rhs) {
            linears.add(new Linear(name, expr, relation, rhs));
            return this;
        }

        public Builder table(String name, List<Var> columns, List<long[]> rows) {
            tables.add(new Table(name, columns, rows));
            return this;
        }

        public LoadBalance loadBalance(String name, Var max, int resources, List<List<Placement>> items, List<Chain> chains,
                                       List<Flexibility> flexibility) {
            LoadBalance balance = new LoadBalance(name, max, resources, items, chains, flexibility);
            loadBalances.add(balance);
            return balance;
        }

        public Builder objective(String name, Sense sense, LinearExpr expr) {
            objectives.add(new Objective(name, sense, expr));
            return this;
        }

        public Builder searchGroup(String name, List<Var> group, boolean preferHigh) {
            if (!group.isEmpty()) {
                searchGroups.add(new SearchGroup(name, group, preferHigh, null));
            }
            return this;
        }

        /** A search group deciding the placements of a load balance added before. */
        public Builder balancingGroup(String name, LoadBalance balance) {
            searchGroups.add(new SearchGroup(name, balance.items().stream().flatMap(List::stream).map(Placement::var).toList(),
                    true, balance));
            return this;
        }

        public ModelIr build() {
            return new ModelIr(vars, linears, tables, loadBalances, objectives, searchGroups);
        }
    }
}
