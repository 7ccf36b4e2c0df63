package org.terastal.report;

import java.util.List;
import java.util.Locale;
import org.terastal.io.results.TraceFiles;
import org.terastal.sim.LatePolicy;

/**
 * What a report shows of a results folder.
 *
 * @param scenarios    scenarios, one section each
 * @param schedulers   schedulers compared in every chart (and one Gantt chart each)
 * @param late         late-frame policy of every chart
 * @param load         load of the per-model, utilisation and accuracy charts
 * @param traceLoad    load of the traced runs (CDFs, Gantt charts)
 * @param traceSeed    seed of the traced runs
 * @param windowFromNs start of the Gantt charts' window
 * @param windowToNs   end of the Gantt charts' window
 */
public record Selection(List<String> scenarios, List<String> schedulers, LatePolicy late, double load, double traceLoad, long traceSeed,
                        long windowFromNs, long windowToNs) {
    public Selection {
        scenarios = List.copyOf(scenarios);
        schedulers = List.copyOf(schedulers);
    }

    /**
     * Resolves the user's choices against the files; a null or empty choice takes the default: every scenario and
     * scheduler, {@code drop} when present, the traced runs' load when the metrics have it (else the nearest load),
     * the whole recorded timeline window.
     *
     * @param window {from, to} in ns, or null
     */
    public static Selection resolve(ResultsData data, List<String> scenarios, List<String> schedulers, LatePolicy late, Double load,
                                    long[] window) {
        List<String> sc = pick("instance", scenarios, data.scenarios(), data);
        List<String> sched = pick("scheduler", schedulers, data.schedulers(), data);
        LatePolicy policy = late != null ? late : data.lates().contains(LatePolicy.DROP) ? LatePolicy.DROP : data.lates().get(0);
        if (!data.lates().contains(policy)) {
            throw new ChoiceException("The late-frame policy (" + policy.label() + ") has no runs in " + data.metricsFile()
                    + "; it has " + data.lates().stream().map(LatePolicy::label).toList());
        }
        TraceFiles.TracedRun traced = data.tracedRun(sc.get(0), sched.get(0), policy);
        double chosen;
        if (load == null) {
            chosen = data.loads().stream().min((a, b) -> Double.compare(Math.abs(a - traced.load()), Math.abs(b - traced.load()))).orElseThrow();
        } else if (data.loads().stream().anyMatch(l -> Math.abs(l - load) < 1e-9)) {
            chosen = data.loads().stream().filter(l -> Math.abs(l - load) < 1e-9).findFirst().orElseThrow();
        } else {
            throw new ChoiceException("The load (" + load + ") has no runs in " + data.metricsFile() + "; it has " + data.loads());
        }
        long from = traced.windowFromNs();
        long to = traced.windowToNs();
        if (window != null) {
            if (window[0] < from || window[1] > to) {
                throw new ChoiceException(String.format(Locale.ROOT, "The window (%s to %s) is not inside the recorded timeline window "
                        + "(%s to %s) of %s; maybe run the experiment again with --trace-window", ms(window[0]), ms(window[1]), ms(from), ms(to),
                        data.tracesIndex()));
            }
            from = window[0];
            to = window[1];
        }
        return new Selection(sc, sched, policy, chosen, traced.load(), traced.seed(), from, to);
    }

    /** A time in ms for people. */
    static String ms(long ns) {
        return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
    }

    private static List<String> pick(String what, List<String> chosen, List<String> present, ResultsData data) {
        if (chosen == null || chosen.isEmpty()) {
            return present;
        }
        for (String c : chosen) {
            if (!present.contains(c)) {
                throw new ChoiceException("The " + what + " (" + c + ") has no runs in " + data.metricsFile() + "; it has " + present);
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(chosen));
    }
}
