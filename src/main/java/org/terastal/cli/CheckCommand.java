package org.terastal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.terastal.domain.Instance;
import org.terastal.domain.Solution;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.offline.check.SolutionChecker;
import org.terastal.offline.check.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code terastal check}: re-verifies a solution table against its instance and lists every violated rule. */
@Command(name = "check", description = {
        "Re-verify a solution table against its instance and latency table, independently of the solvers.",
        "Lists every violated rule; exit code 1 if there is any."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "Instance file (terastal-instance/1 JSON).")
    Path instanceFile;

    @Parameters(index = "1", paramLabel = "SOLUTION", description = "Solution table (terastal-solution/1 JSON).")
    Path solutionFile;

    @Option(names = "--latency", paramLabel = "CSV", description = "Latency table the solution was solved with. Default: the built-in cost model.")
    Path latencyFile;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::check);
    }

    private int check() {
        PrintWriter out = spec.commandLine().getOut();
        Instance instance = InstanceFiles.read(instanceFile);
        Solution solution = SolutionFiles.read(solutionFile);
        List<Violation> violations = SolutionChecker.check(instance, LatencyInputs.forInstance(instance, latencyFile), solution);
        if (violations.isEmpty()) {
            int layers = solution.models().stream().mapToInt(m -> m.layers().size()).sum();
            out.println("ok: " + solutionFile + " keeps every rule for instance '" + instance.name() + "' (" + solution.models().size()
                    + " models, " + layers + " layers, " + solution.status() + ")");
            out.flush();
            return 0;
        }
        for (Violation v : violations) {
            out.println(v.kind() + ": " + v.message());
        }
        out.flush();
        return CommandErrors.fail(spec, violations.size() + " violation" + (violations.size() == 1 ? "" : "s") + " in " + solutionFile);
    }
}
