package org.terastal.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.terastal.domain.DomainException;
import org.terastal.domain.Limits;
import org.terastal.online.Schedulers;
import org.terastal.sim.LatePolicy;

/**
 * What a sweep runs, as a sweep file ({@link SweepFiles}) or the command-line flags of
 * {@code terastal experiment} give it: every scheduler over scenarios × late-frame policies × loads ×
 * seeds, each simulated for the same horizon. A scenario is one instance, or each task set of a
 * suite ({@code terastal suite}), whose results are also summarised over its sets with confidence
 * intervals. Failures name the offending field as a path, so a sweep file can point at it.
 *
 * @param scenarios   workloads, in report order
 * @param suites      suites of task sets, after the scenarios
 * @param schedulers  scheduler names, in report order
 * @param seeds       seeds of the random streams
 * @param loads       load factors (every task's rate is multiplied by one)
 * @param lates       late-frame policies
 * @param horizonNs   simulated horizon of each run
 * @param averageFrom lowest load of the range the report averages
 * @param averageTo   highest load of that range
 */
public record Sweep(List<Scenario> scenarios, List<SuiteSource> suites, List<String> schedulers, List<Long> seeds, List<Double> loads, List<LatePolicy> lates,
                    long horizonNs, double averageFrom, double averageTo) {
    /** Default load levels of the command line and of sweep files. */
    public static final String DEFAULT_LOADS = "0.6:1.6:0.1";
    /** Default averaging range of the report. */
    public static final String DEFAULT_AVERAGE = "0.6:1.6";

    /**
     * One workload.
     *
     * @param name     name in outputs, or null for the instance's own name
     * @param instance instance file
     * @param solution solution table of the instance (made at load 1), or null when no scheduler reads one
     * @param latency  latency table (CSV), or null for the built-in cost model
     */
    public record Scenario(String name, Path instance, Path solution, Path latency) {
        public Scenario {
            if (instance == null) {
                throw new DomainException("instance", "The instance file of a scenario is missing");
            }
            if (name != null) {
                Limits.requireName(name, "name", "the scenario of " + instance);
            }
        }
    }

    /**
     * A suite folder written by {@code terastal suite}: each of its sets is a scenario named after its
     * instance; a table-reading scheduler gets a table solved for each set.
     *
     * @param name    name of the suite in the summaries, or null for the manifest's
     * @param folder  the suite folder (with suite.json)
     * @param latency latency table (CSV), or null for the built-in cost model; it must be the one the suite was drawn under
     */
    public record SuiteSource(String name, Path folder, Path latency) {
        public SuiteSource {
            if (folder == null) {
                throw new DomainException("suite", "The folder of a suite is missing");
            }
            if (name != null) {
                Limits.requireName(name, "name", "the suite of " + folder);
            }
        }
    }

    public Sweep {
        scenarios = scenarios == null ? List.of() : scenarios;
        suites = suites == null ? List.of() : List.copyOf(suites);
        if (scenarios.isEmpty() && suites.isEmpty()) {
            throw new DomainException("scenarios", "The sweep names no scenarios and no suites; give at least one");
        }
        if (!scenarios.isEmpty()) {
            nonEmpty(scenarios, "scenarios");
        }
        nonEmpty(schedulers, "schedulers");
        nonEmpty(seeds, "seeds");
        nonEmpty(loads, "loads");
        nonEmpty(lates, "late");
        scenarios = List.copyOf(scenarios);
        schedulers = List.copyOf(schedulers);
        seeds = List.copyOf(seeds);
        loads = List.copyOf(loads);
        lates = List.copyOf(lates);
        distinct(schedulers, "schedulers");
        distinct(seeds, "seeds");
        distinct(loads, "loads");
        distinct(lates, "late");
        for (int i = 0; i < schedulers.size(); i++) {
            if (!Schedulers.NAMES.contains(schedulers.get(i))) {
                throw new DomainException("schedulers[" + i + "]", "The scheduler (" + schedulers.get(i) + ") is unknown; choose from "
                        + Schedulers.NAMES);
            }
        }
        Limits.inRange(loads.size(), 1, Limits.MAX_LOAD_LEVELS, "loads", "a sweep", "levels");
        for (int i = 0; i < loads.size(); i++) {
            try {
                Limits.inRange(loads.get(i), Limits.MIN_LOAD, Limits.MAX_LOAD, "load factor", "a sweep", "");
            } catch (DomainException e) {
                throw new DomainException("loads[" + i + "]", e.getMessage());
            }
        }
        Limits.inRange(horizonNs, 1, Limits.MAX_HORIZON_NS, "horizon", "a sweep", "ns");
        if (!(averageFrom <= averageTo)) {
            throw new DomainException("average", "The averaging range (" + averageFrom + " to " + averageTo
                    + ") is empty; give FROM:TO with FROM <= TO, e.g. " + DEFAULT_AVERAGE);
        }
        if (schedulers.stream().anyMatch(Schedulers::needsSolution)) {
            for (int i = 0; i < scenarios.size(); i++) {
                if (scenarios.get(i).solution() == null) {
                    throw new DomainException("scenarios[" + i + "].solution", "The scenario of " + scenarios.get(i).instance()
                            + " has no solution table, which the terastal schedulers read; give one, or leave them out of the schedulers");
                }
            }
        }
    }

    /** Whether any chosen scheduler reads a solution table. */
    public boolean needsSolutions() {
        return schedulers.stream().anyMatch(Schedulers::needsSolution);
    }

    /**
     * Load levels from {@code FROM:TO:STEP} (inclusive; each rounded to 6 decimals so that 0.1 steps
     * print as 0.7, not 0.7000000000000001) or a comma list.
     */
    public static List<Double> parseLoads(String text) {
        try {
            if (text.contains(":")) {
                String[] p = text.split(":");
                if (p.length != 3) {
                    throw new NumberFormatException();
                }
                double from = Double.parseDouble(p[0]);
                double to = Double.parseDouble(p[1]);
                double step = Double.parseDouble(p[2]);
                if (!(step > 0) || to < from) {
                    throw new NumberFormatException();
                }
                // counted before the list is made: a tiny step would otherwise fill the memory
                double levels = Math.floor((to - from) / step + 1e-6) + 1;
                if (!(levels <= Limits.MAX_LOAD_LEVELS)) {
                    throw new DomainException("loads", "The loads (" + text + ") make " + String.format(java.util.Locale.ROOT, "%.3g", levels)
                            + " levels, more than the " + Limits.MAX_LOAD_LEVELS + " a sweep runs; maybe a larger step");
                }
                List<Double> loads = new ArrayList<>();
                for (int i = 0; from + i * step <= to + step * 1e-6; i++) {
                    loads.add(Math.round((from + i * step) * 1e6) / 1e6);
                }
                return loads;
            }
            return Arrays.stream(text.split(",")).map(String::strip).map(Double::parseDouble).toList();
        } catch (NumberFormatException e) {
            throw new DomainException("loads", "The loads (" + text + ") are neither FROM:TO:STEP with STEP > 0 nor a comma list of numbers");
        }
    }

    /** {@code FROM:TO}, e.g. {@value #DEFAULT_AVERAGE}. */
    public static double[] parseRange(String text) {
        String[] p = text.split(":");
        try {
            if (p.length == 2) {
                return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new DomainException("average", "The averaging range (" + text + ") is not FROM:TO, e.g. " + DEFAULT_AVERAGE);
    }

    private static void nonEmpty(List<?> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new DomainException(field, "The " + field + " of a sweep are missing or empty; give at least one");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new DomainException(field + "[" + i + "]", "The " + field + " list has an empty (null) entry at index " + i);
            }
        }
    }

    private static <T> void distinct(List<T> values, String field) {
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                throw new DomainException(field + "[" + i + "]", "The " + field + " list names " + values.get(i)
                        + " twice; every cell would run twice");
            }
        }
    }
}
