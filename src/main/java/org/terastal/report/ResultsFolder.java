package org.terastal.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.Decimals;
import org.terastal.io.InputException;
import org.terastal.io.results.SimOutputs;
import org.terastal.io.results.TraceFiles;
import org.terastal.sim.LatePolicy;

/**
 * The parts of a results folder a report shows, with the user's choices resolved against each. A folder of
 * {@code terastal experiment} has a <b>scenario part</b> (the tidy metrics and the traced runs: {@link ResultsData})
 * and, after a sweep over suites, a <b>suite part</b> (the statistics over task sets: {@link SuiteResults}). A folder
 * with {@value SuiteResults#STATS} shows its suite part, and its scenario part too when it also has the metrics and
 * {@code traces/index.csv} (by default only the scenarios with traced runs: the first set of each suite); any other
 * folder shows its scenario part (and must have it).
 *
 * @param dir            the folder as the user named it
 * @param scenarios      the scenario part, or null when not shown
 * @param selection      what the scenario part shows, or null with it
 * @param suites         the suite part, or null when not shown
 * @param suiteSelection what the suite part shows, or null with it
 */
public record ResultsFolder(Path dir, ResultsData scenarios, Selection selection, SuiteResults suites, SuiteSelection suiteSelection) {
    /**
     * Reads a folder and resolves the choices; a null or empty choice takes its default. {@code instances} may name
     * scenarios and suites: a part none of whose names is chosen is left out. {@code load} and {@code window} concern
     * the scenario part only.
     *
     * @param window {from, to} in ns, or null
     */
    public static ResultsFolder open(Path dir, List<String> instances, List<String> schedulers, LatePolicy late, Double load, long[] window) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "No such folder; give the output folder of terastal experiment");
        }
        SuiteResults suites = SuiteResults.present(dir) ? SuiteResults.read(dir) : null;
        boolean hasMetrics = Files.exists(dir.resolve(SimOutputs.METRICS)) || Files.exists(dir.resolve(ResultsData.SHIPPED_METRICS));
        boolean hasTraces = Files.exists(dir.resolve(TraceFiles.FOLDER).resolve(TraceFiles.INDEX));
        ResultsData data = suites == null || hasMetrics && hasTraces ? ResultsData.read(dir) : null;

        List<String> chosenScenarios = new ArrayList<>();
        List<String> chosenSuites = new ArrayList<>();
        for (String name : instances == null ? List.<String>of() : instances) {
            if (suites != null && suites.suites().contains(name)) {
                chosenSuites.add(name);
            } else if (data != null && data.scenarios().contains(name)) {
                chosenScenarios.add(name);
            } else {
                throw new ChoiceException("The instance (" + name + ") has no runs in " + describe(data, suites) + "; it has "
                        + (data == null ? "" : "scenarios " + data.scenarios()) + (data != null && suites != null ? " and " : "")
                        + (suites == null ? "" : "suites " + suites.suites()));
            }
        }
        boolean chosen = !chosenScenarios.isEmpty() || !chosenSuites.isEmpty();
        if (chosen && chosenScenarios.isEmpty()) {
            data = null;
        }
        if (chosen && chosenSuites.isEmpty()) {
            suites = null;
        }
        if (data != null && suites != null && chosenScenarios.isEmpty()) {
            // a sweep over suites traces the first set of each suite only: those are the scenarios worth a section
            ResultsData d = data;
            chosenScenarios = d.scenarios().stream().filter(sc -> d.traced().stream().anyMatch(t -> t.instance().equals(sc))).toList();
            if (chosenScenarios.isEmpty()) {
                data = null;
            }
        }
        if (data == null && (load != null || window != null)) {
            throw new ChoiceException("The " + (load != null ? "load (" + Decimals.plain(load) + ")" : "window") + " chooses what the "
                    + "per-model and Gantt charts of a scenario show, and " + (suites != null && chosen ? "no scenario is chosen"
                    : dir + " has none (only " + SuiteResults.STATS + ", whose charts show every load)") + "; maybe leave out "
                    + (load != null ? "--load" : "--window"));
        }
        Selection selection = data == null ? null : Selection.resolve(data, chosenScenarios, schedulers, late, load, window);
        SuiteSelection suiteSelection = suites == null ? null : SuiteSelection.resolve(suites, chosenSuites, schedulers, late);
        return new ResultsFolder(dir, data, selection, suites, suiteSelection);
    }

    private static String describe(ResultsData data, SuiteResults suites) {
        if (data == null) {
            return suites.statsFile().toString();
        }
        return data.metricsFile() + (suites == null ? "" : " nor in " + suites.statsFile());
    }
}
