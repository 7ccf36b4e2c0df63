package org.terastal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.io.AtomicFiles;
import org.terastal.io.InputException;
import org.terastal.io.json.InstanceFiles;
import org.terastal.online.Schedulers;
import org.terastal.online.TerastalScheduler;
import org.terastal.sim.Experiment;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.SolutionProvider;
import org.terastal.sim.SolutionScaling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code experiment}: every chosen scheduler over the given instances × late-frame policies × loads ×
 * seeds. Writes {@code metrics.csv} (tidy long form, every metric of every run) and {@code report.txt}
 * (miss-rate-versus-load curves, per-model miss rates and Terastal's reductions over a stated load
 * range, accuracy loss). The solution of each instance is made at load 1 and rescaled to each load
 * ({@link SolutionScaling}).
 */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run schedulers over instances, loads, seeds and late-frame policies; write a tidy CSV and a paper-style report.")
public final class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INSTANCE", description = "Instance files (JSON), one scenario each.")
    List<Path> instanceFiles;

    @Option(names = "--solution", paramLabel = "F.json", description = "Solution table of each instance, in the same order (needed by the terastal schedulers).")
    List<Path> solutionFiles = new ArrayList<>();

    @Option(names = "--latency", paramLabel = "CSV", description = "Latency table covering every instance's models.")
    Path latencyFile;

    @Option(names = "--schedulers", split = ",", paramLabel = "S", description = "Schedulers; default: all built-in.")
    List<String> schedulers = new ArrayList<>(Schedulers.NAMES);

    @Option(names = "--seeds", split = ",", defaultValue = "1", description = "Seeds; default ${DEFAULT-VALUE}.")
    List<Long> seeds;

    @Option(names = "--loads", defaultValue = "0.6:1.6:0.1", paramLabel = "FROM:TO:STEP|X,Y,…", description = "Load factors; default ${DEFAULT-VALUE}.")
    String loads;

    @Option(names = "--late", split = ",", defaultValue = "drop,continue", description = "Late-frame policies; default ${DEFAULT-VALUE}.")
    List<String> lates;

    @Option(names = "--horizon", defaultValue = "10s", description = "Simulated horizon of each run; default ${DEFAULT-VALUE}.")
    String horizon;

    @Option(names = "--average", defaultValue = "0.6:1.6", paramLabel = "FROM:TO", description = "Load range averaged in the report's per-model table and headline; default ${DEFAULT-VALUE}.")
    String average;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path output;

    @picocli.CommandLine.Mixin
    TraceOptions traces;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        try {
            boolean needSolutions = schedulers.stream().anyMatch(Schedulers::needsSolution);
            if (needSolutions && solutionFiles.size() != instanceFiles.size()) {
                throw new IllegalArgumentException("The terastal schedulers read a solution table: give one --solution per instance ("
                        + instanceFiles.size() + " instances, " + solutionFiles.size() + " solutions), or leave them out of --schedulers");
            }
            List<Experiment.Scenario> scenarios = new ArrayList<>();
            for (int i = 0; i < instanceFiles.size(); i++) {
                Instance instance = InstanceFiles.read(instanceFiles.get(i));
                LatencyTable latency = LatencyInputs.forInstance(instance, latencyFile);
                SolutionProvider solutions = needSolutions
                        ? SolutionScaling.from(SolutionSource.read(solutionFiles.get(i), instance), instance) : null;
                scenarios.add(new Experiment.Scenario(instance.name(), instance, latency, solutions));
            }
            Map<String, Experiment.SchedulerMaker> makers = new LinkedHashMap<>();
            for (String s : schedulers) {
                Schedulers.factory(s, (inst, lat) -> null); // rejects unknown names before any run
                makers.put(s, scenario -> Schedulers.factory(s, scenario.solutions()));
            }
            List<LatePolicy> policies = lates.stream().map(LatePolicy::parse).toList();
            double[] range = parseRange(average);
            Experiment.Spec experiment = new Experiment.Spec(scenarios, makers, seeds, parseLoads(loads), policies, Durations.parseNs(horizon));
            int total = scenarios.size() * makers.size() * seeds.size() * experiment.loads().size() * policies.size();
            int[] done = {0};
            List<Experiment.Run> runs = Experiment.run(experiment, r -> {
                done[0]++;
                if (done[0] % 50 == 0 || done[0] == total) {
                    err.printf("experiment: %d/%d runs%n", done[0], total);
                    err.flush();
                }
            });
            AtomicFiles.write(output.resolve("metrics.csv"), Experiment.tidyCsv(runs));
            traces.write(experiment, output, err);
            List<String> baselines = schedulers.stream().filter(s -> !Schedulers.needsSolution(s)).toList();
            String report = Experiment.report(runs, TerastalScheduler.NAME, baselines, range[0], range[1]);
            AtomicFiles.write(output.resolve("report.txt"), report);
            out.print(report);
            out.printf("wrote %s%n", output);
            out.flush();
            return 0;
        } catch (InputException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("experiment: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** {@code FROM:TO:STEP} (inclusive) or a comma list. */
    static List<Double> parseLoads(String text) {
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
                List<Double> loads = new ArrayList<>();
                for (int i = 0; from + i * step <= to + step * 1e-6; i++) {
                    loads.add(Math.round((from + i * step) * 1e6) / 1e6);
                }
                return loads;
            }
            return Arrays.stream(text.split(",")).map(String::strip).map(Double::parseDouble).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The loads (" + text + ") are neither FROM:TO:STEP with STEP > 0 nor a comma list of numbers");
        }
    }

    private static double[] parseRange(String text) {
        String[] p = text.split(":");
        try {
            if (p.length == 2) {
                return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("The averaging range (" + text + ") is not FROM:TO, e.g. 0.6:1.6");
    }
}
