package org.terastal.report;

import java.util.LinkedHashSet;
import java.util.List;
import org.terastal.sim.LatePolicy;

/**
 * What a report shows of a folder's suite statistics.
 *
 * @param suites     suites, one section per suite and late-frame policy
 * @param schedulers schedulers drawn and tabulated (and the baselines of the win/tie/loss table)
 * @param lates      late-frame policies shown
 */
public record SuiteSelection(List<String> suites, List<String> schedulers, List<LatePolicy> lates) {
    public SuiteSelection {
        suites = List.copyOf(suites);
        schedulers = List.copyOf(schedulers);
        lates = List.copyOf(lates);
    }

    /**
     * Resolves the user's choices against the files; a null or empty choice takes the default: every suite and
     * scheduler of the files, every late-frame policy.
     */
    public static SuiteSelection resolve(SuiteResults data, List<String> suites, List<String> schedulers, LatePolicy late) {
        List<String> su = pick("suite", suites, data.suites(), data);
        List<String> sched = pick("scheduler", schedulers, data.schedulers(), data);
        List<LatePolicy> lates = data.lates();
        if (late != null) {
            if (!lates.contains(late)) {
                throw new ChoiceException("The late-frame policy (" + late.label() + ") has no rows in " + data.statsFile()
                        + "; it has " + lates.stream().map(LatePolicy::label).toList());
            }
            lates = List.of(late);
        }
        return new SuiteSelection(su, sched, lates);
    }

    private static List<String> pick(String what, List<String> chosen, List<String> present, SuiteResults data) {
        if (chosen == null || chosen.isEmpty()) {
            return present;
        }
        for (String c : chosen) {
            if (!present.contains(c)) {
                throw new ChoiceException("The " + what + " (" + c + ") has no rows in " + data.statsFile() + "; it has " + present);
            }
        }
        return List.copyOf(new LinkedHashSet<>(chosen));
    }
}
