package org.terastal.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Solution;
import org.terastal.experiment.Experiment;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;
import org.terastal.io.csv.LatencyCsv;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.offline.Formulation;
import org.terastal.offline.OfflineProblem;
import org.terastal.offline.OfflineSolver;
import org.terastal.offline.SolveOutcome;
import org.terastal.offline.SolverSettings;
import org.terastal.offline.backends.Backends;
import org.terastal.offline.check.SolutionChecker;
import org.terastal.offline.check.Violation;
import org.terastal.scenario.suite.SuiteManifest;
import org.terastal.sim.SolutionScaling;
import org.terastal.sweep.Sweep;
import org.terastal.sweep.SweepPlan;

/**
 * The task sets of a suite as scenarios of a sweep. Each set's instance file must carry the checksum
 * the manifest records, and the latency table must be the one the suite was drawn under (its rates
 * were set from it). When a table-reading scheduler runs, each set gets a table solved at load 1 by
 * CP-SAT with the shipped defaults ({@link SolverSettings#defaults()}: one worker, deterministic)
 * and the cap lifted to {@value #CAP} (the first objective still minimises the busiest engine's load,
 * so a set whose engines cannot be balanced below 1 still gets the best plan there is); every table
 * is re-verified by the independent checker. Tables are kept in {@code DIR/solutions/<suite>/} and
 * reused when the run resumes.
 */
final class SuiteTables {
    /** The load cap of suite tables, in units of one accelerator. */
    static final int CAP = 10;
    /** Folder of the suite tables in an output folder. */
    static final String FOLDER = "solutions";

    private SuiteTables() {
    }

    static void load(Sweep.SuiteSource source, boolean solve, Path output, PrintWriter err, List<Experiment.Scenario> scenarios,
                     List<SweepPlan.ScenarioKey> keys, Set<String> names) {
        Path manifestFile = source.folder().resolve(SuiteManifest.FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new InputException(manifestFile.toString(), "No such file: the suite folder " + source.folder()
                    + " has no manifest; maybe it was not written by terastal suite, or the path is wrong");
        }
        SuiteManifest manifest = SuiteManifest.read(manifestFile);
        String suite = source.name() == null ? manifest.name() : source.name();
        Path tables = output.resolve(FOLDER).resolve(suite);
        // one latency file serves every set: read it once
        String latencyText = source.latency() == null ? null : new String(InputFiles.readBytes(source.latency()), StandardCharsets.UTF_8);
        Progress bar = solve ? Progress.start(err, "solve " + suite, manifest.sets().size(), "sets") : null;
        for (SuiteManifest.SetEntry set : manifest.sets()) {
            Path file = source.folder().resolve(set.file());
            if (!Files.isRegularFile(file)) {
                throw new InputException(manifestFile.toString(), 0, 0, "sets[" + set.index() + "].file", "The file (" + set.file() + ") of set "
                        + set.index() + " is not in the suite's folder " + source.folder() + "; maybe the manifest was edited or the folder "
                        + "copied in part: draw the suite again");
            }
            Instance instance = InstanceFiles.read(file);
            if (!InstanceFiles.checksum(instance).equals(set.checksum())) {
                throw new InputException(file.toString(), 0, 0, "checksum", "The instance's checksum (" + InstanceFiles.checksum(instance)
                        + ") is not the one " + manifestFile + " records (" + set.checksum() + "); maybe the file was edited: draw the suite again");
            }
            if (!names.add(instance.name())) {
                throw new IllegalArgumentException("Two scenarios are named '" + instance.name() + "' (the second is " + file
                        + "); maybe a suite appears twice in the sweep");
            }
            LatencyTable latency = latencyText == null ? LatencyInputs.forInstance(instance, null)
                    : LatencyCsv.parse(source.latency().toString(), latencyText, instance);
            if (!latency.source().equals(manifest.latency())) {
                throw new IllegalArgumentException("The suite " + source.folder() + " was drawn under the latencies of " + manifest.latency()
                        + " but the sweep gives " + latency.source() + "; its rates hold only under the table they were set from: "
                        + "give that table, or draw the suite under this one");
            }
            Experiment.Scenario scenario = new Experiment.Scenario(instance.name(), instance, latency, null);
            String digest = "none";
            if (solve) {
                Path table = tables.resolve(instance.name() + ".json");
                Solution solution = Files.exists(table) ? SolutionSource.read(table, instance) : solve(instance, latency, table);
                digest = digest(solution);
                scenario = new Experiment.Scenario(instance.name(), instance, latency, SolutionScaling.from(solution, instance));
                bar.step();
            }
            scenarios.add(scenario);
            keys.add(new SweepPlan.ScenarioKey(instance.name(), SweepPlan.inputsDigest(instance, latency, digest), suite));
        }
        if (bar != null) {
            bar.close();
        }
    }

    /**
     * The digest of a table without its solve time: the same plan solved on two machines (two shards)
     * names the same inputs, so their cells merge.
     */
    static String digest(Solution s) {
        Solution timeless = new Solution(s.instance(), s.instanceChecksum(), s.status(), s.solver(), s.formulation(), s.objective(), s.bound(),
                s.gap(), 0, s.parameters(), s.models());
        return SweepPlan.sha256(SolutionFiles.toJson(timeless).getBytes(StandardCharsets.UTF_8));
    }

    private static Solution solve(Instance instance, LatencyTable latency, Path table) {
        SolveOutcome outcome = OfflineSolver.solve(instance, latency, Backends.create("cpsat"), Formulation.TABLE, SolverSettings.defaults(),
                CAP * OfflineProblem.PPM);
        if (outcome.solution() == null) {
            throw new IllegalArgumentException("No table for the task set '" + instance.name() + "' (" + outcome.status() + "): "
                    + String.join("; ", outcome.diagnosis()) + "; leave the terastal schedulers out of the sweep, or draw the suite with other settings");
        }
        List<Violation> violations = SolutionChecker.check(instance, latency, outcome.solution());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The checker rejects the table solved for '" + instance.name() + "': " + violations.get(0));
        }
        SolutionFiles.write(table, outcome.solution());
        return outcome.solution();
    }
}
